/** GET /health (liveness: the service and its store answer) and GET /ready (readiness: 503 while draining or when the store is down). */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ApiError } from "../http/api-error.ts";
import type { Lifecycle } from "../http/lifecycle.ts";
import { Health, PUBLIC, Readiness, ref, withErrors } from "../http/schemas.ts";
import type { Services } from "./context.ts";

export const healthRoutes: FastifyPluginAsyncTypebox<Services & { lifecycle: Lifecycle }> = async (app, { db, lifecycle }) => {
  app.get("/health", { schema: { operationId: "health", tags: ["service"], security: PUBLIC, summary: "Liveness and store check", response: withErrors({ 200: ref(Health) }) } }, async () => {
    await db.query("SELECT 1");
    return { status: "ok" as const, store: db.kind };
  });

  app.get(
    "/ready",
    {
      schema: {
        operationId: "ready",
        tags: ["service"],
        security: PUBLIC,
        summary: "Readiness for a load balancer: 200 when the store answers, 503 NOT_READY while shutting down or when the store does not",
        response: withErrors({ 200: ref(Readiness) }, 503),
      },
    },
    async () => {
      if (lifecycle.draining) throw new ApiError(503, "NOT_READY", "The service is shutting down.", { reason: "draining" });
      try {
        await db.query("SELECT 1");
      } catch {
        throw new ApiError(503, "NOT_READY", "The store does not answer.", { reason: "store" });
      }
      return { status: "ready" as const, store: db.kind };
    },
  );
};
