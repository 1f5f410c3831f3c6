/** Token management (admin only): create, list, revoke; and, for any valid token, who it belongs to. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, authorize } from "../http/authorize.ts";
import { CreatedToken, CreateTokenBody, Me, ref, TokenIdParam, TokenInfo, TokenList, withErrors } from "../http/schemas.ts";
import type { Services } from "./context.ts";

export const tokensRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { tokens }) => {
  const admin = authorize(tokens, "manage:tokens");

  // Every role may read, so "read" admits any valid token: the editor's sign-in checks a pasted token with this before keeping it.
  app.get(
    "/v1/me",
    {
      onRequest: authorize(tokens, "read"),
      schema: { operationId: "getMe", tags: ["access"], summary: "Who the bearer token belongs to: its name and role", response: withErrors({ 200: ref(Me) }, 401) },
    },
    async (request) => {
      const { name, role } = actorOf(request);
      return { name, role };
    },
  );

  app.post(
    "/v1/tokens",
    {
      onRequest: admin,
      schema: {
        operationId: "createToken",
        tags: ["access"],
        summary: "Create a token; its secret is returned once",
        body: ref(CreateTokenBody),
        response: withErrors({ 201: ref(CreatedToken) }, 401, 403, 409),
      },
    },
    async (request, reply) => reply.status(201).send(await tokens.create(request.body.name, request.body.role, actorOf(request).name)),
  );

  app.get("/v1/tokens", { onRequest: admin, schema: { operationId: "listTokens", tags: ["access"], summary: "List tokens (never their secrets)", response: withErrors({ 200: ref(TokenList) }, 401, 403) } }, async () => ({
    tokens: await tokens.list(),
  }));

  app.delete(
    "/v1/tokens/:id",
    {
      onRequest: admin,
      schema: {
        operationId: "revokeToken",
        tags: ["access"],
        summary: "Revoke a token (never the last active admin: 409 LAST_ADMIN)",
        params: TokenIdParam,
        response: withErrors({ 200: ref(TokenInfo) }, 401, 403, 404, 409),
      },
    },
    async (request) => tokens.revoke(request.params.id),
  );
};
