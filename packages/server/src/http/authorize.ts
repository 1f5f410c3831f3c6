/** Bearer-token checks for routes: who is calling (request.actor) and whether their role allows the route. */

import type { FastifyReply, FastifyRequest } from "fastify";
import { forbidden, unauthenticated } from "../refusal.ts";
import type {} from "./failed-auth-limit.ts"; // its FastifyInstance.authFailures declaration
import { allows, type Actor, type Permission } from "../access/roles.ts";
import type { TokenStore } from "../access/token-store.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The bearer secret of a request, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

/** An onRequest hook (it runs before the body is read, parsed or validated) that requires a valid token whose role grants `permission`, and sets request.actor. */
export function authorize(tokens: TokenStore, permission: Permission) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const failures = request.server.authFailures;
    await failures?.refuseIfBlocked(request, reply);
    const secret = bearerToken(request);
    // A missing token is not a guess (the editor asks before one is pasted): only wrong secrets count as failures.
    if (secret === undefined) throw unauthenticated("UNAUTHORIZED", "This request needs a bearer token (Authorization: Bearer <token>).", { permission });
    const actor = secret ? await tokens.authenticate(secret) : undefined;
    if (!actor) {
      await failures?.recordFailure(request);
      throw unauthenticated("INVALID_TOKEN", "The bearer token is unknown or revoked.", { permission });
    }
    if (!allows(actor.role, permission)) {
      throw forbidden("FORBIDDEN", `A token with role ${actor.role} may not do this (needs ${permission}).`, { role: actor.role, permission });
    }
    request.actor = actor;
  };
}

/** The actor set by authorize(); throws if a route forgot to authorize. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error("route used actorOf() without authorize()");
  return request.actor;
}
