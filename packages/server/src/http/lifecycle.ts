/** Whether the service is draining for shutdown; while it is, new requests are refused and /ready says 503. */

import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./api-error.ts";

export class Lifecycle {
  /** Set once a shutdown begins; never cleared (a closed app is not reopened). */
  draining = false;
}

// Monitors keep their meaning while draining: /health says the process still answers, /ready says 503.
const ANSWERED_WHILE_DRAINING = new Set(["/health", "/ready"]);

/** An onRequest hook: 503 SHUTTING_DOWN (and Connection: close) for requests that arrive during the drain. */
export function refuseWhileDraining(lifecycle: Lifecycle) {
  // A callback hook, not an async one: it runs on every request, and a promise per request is measurable (benchmarks/api.ts).
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    if (!lifecycle.draining || ANSWERED_WHILE_DRAINING.has(request.routeOptions.url ?? "")) return done();
    void reply.header("connection", "close");
    done(new ApiError(503, "SHUTTING_DOWN", "The service is shutting down; retry on another instance."));
  };
}
