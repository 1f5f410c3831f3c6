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
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!lifecycle.draining || ANSWERED_WHILE_DRAINING.has(request.routeOptions.url ?? "")) return;
    void reply.header("connection", "close");
    throw new ApiError(503, "SHUTTING_DOWN", "The service is shutting down; retry on another instance.");
  };
}
