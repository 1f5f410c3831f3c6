/** GET /health: the service answers and its store answers. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Health, PUBLIC, withErrors } from "../http/schemas";
import type { Services } from "./context";

export const healthRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { db }) => {
  app.get("/health", { schema: { tags: ["service"], security: PUBLIC, summary: "Liveness and store check", response: withErrors({ 200: Health }) } }, async () => {
    await db.query("SELECT 1");
    return { status: "ok" as const, store: db.kind };
  });
};
