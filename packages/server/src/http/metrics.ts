/**
 * GET /metrics in Prometheus text: the process's default metrics (CPU, memory, GC, event loop lag) and, per app,
 * a request counter and a latency histogram by method, route pattern and status.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { authorize } from "./authorize.ts";
import type { TokenStore } from "../access/token-store.ts";
import { content, MetricsText, withErrors } from "./schemas.ts";
import type { MetricsExposure } from "./operations-options.ts";

let processRegistry: Registry | undefined;

/** One registry of default metrics per process: they describe the process, however many apps it runs (tests run many). */
function defaultMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Label for requests that matched no route: the raw URL would let any client create series without bound. */
const UNMATCHED = "unmatched";

/** Counts and times every response of `app`, and adds GET /metrics unless exposure is "off". */
export function installMetrics(app: FastifyInstance, options: { exposure: MetricsExposure; tokens?: TokenStore }): void {
  if (options.exposure === "off") return;
  if (options.exposure === "token" && !options.tokens) throw new Error("metrics behind a token need the token store");
  const registry = new Registry();
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({ name: "gavel_http_requests_total", help: "HTTP requests answered, by method, route pattern and status", labelNames, registers: [registry] });
  const duration = new Histogram({
    name: "gavel_http_request_duration_seconds",
    help: "Time from the request's arrival to its answer, by method, route pattern and status",
    labelNames,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  // A callback hook, not an async one: it runs on every request, and a promise per request is measurable (benchmarks/api.ts).
  app.addHook("onResponse", (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    "/metrics",
    {
      ...(options.exposure === "token" && options.tokens ? { onRequest: authorize(options.tokens, "read") } : {}),
      schema: {
        operationId: "metrics",
        tags: ["service"],
        summary: "Prometheus metrics (text exposition format)",
        description: "Needs a token with read permission unless the service runs with GAVEL_METRICS=public.",
        ...(options.exposure === "public" ? { security: [] } : {}),
        response: withErrors({ 200: content("The metrics", { "text/plain": MetricsText }) }, 401, 403),
      },
    },
    async (_request, reply) => {
      const merged = Registry.merge([defaultMetrics(), registry]);
      return reply.type(merged.contentType).send(await merged.metrics());
    },
  );
}
