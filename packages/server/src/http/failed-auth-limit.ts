/** Brute-force brake: a client IP with too many failed authentications in a window gets 429 for every token until the window ends. */

import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./api-error.ts";

export interface FailedAuthLimiter {
  /** Throws 429 RATE_LIMITED (with Retry-After) once this client has used up its failures; counts nothing. */
  refuseIfBlocked(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Counts one failed authentication (401) for this client. */
  recordFailure(request: FastifyRequest): Promise<void>;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Set by installFailedAuthLimit; authorize() consults it when present. */
    authFailures?: FailedAuthLimiter;
  }
}

/** Registers @fastify/rate-limit for failed authentications only (no global limit) and decorates app.authFailures. */
export async function installFailedAuthLimit(app: FastifyInstance, limit: { max: number; windowMs: number }): Promise<void> {
  await app.register(rateLimit, { global: false });
  const check = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (request) => request.ip });
  const limiter: FailedAuthLimiter = {
    async refuseIfBlocked(request, reply) {
      // A blocked client is refused even with a valid token: otherwise 429 vs 200 would still tell a guesser which token is right.
      const status = await check(request, { increment: false });
      if (!status.isAllowed && status.remaining <= 0) {
        void reply.header("retry-after", String(status.ttlInSeconds));
        throw new ApiError(429, "RATE_LIMITED", `Too many failed authentications from this address; retry in ${status.ttlInSeconds} s.`, { retryAfterSeconds: status.ttlInSeconds });
      }
    },
    async recordFailure(request) {
      await check(request);
    },
  };
  app.decorate("authFailures", limiter);
}
