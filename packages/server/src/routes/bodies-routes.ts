/** Body routes: standing rosters, versioned (a meeting snapshots one version). */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf, authorize } from "../http/authorize.ts";
import { Body, BodyIdParam, BodyList, BodyVersionBody, BodyVersionQuery, CreateBodyBody } from "../http/meeting-schemas.ts";
import { ref, withErrors } from "../http/schemas.ts";
import { versionOf, type Services } from "./context.ts";

export const bodiesRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { bodies, tokens }) => {
  const clerk = authorize(tokens, "write:ballots");
  const reader = authorize(tokens, "read");

  app.post(
    "/v1/bodies",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "createBody",
        summary: "Create a body (a standing roster, e.g. a community's residents' representatives) with its first roster version",
        description: "422 EMPTY_ROSTER, DUPLICATE_MEMBER. Needs a clerk or admin token.",
        body: ref(CreateBodyBody),
        response: withErrors({ 201: ref(Body) }, 401, 403, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await bodies.create(request.body, actorOf(request).name)),
  );

  app.get("/v1/bodies", { onRequest: reader, schema: { tags: ["meetings"], operationId: "listBodies", summary: "List bodies at their latest roster version", response: withErrors({ 200: ref(BodyList) }, 401, 403) } }, async () => ({
    bodies: await bodies.list(),
  }));

  app.get(
    "/v1/bodies/:id",
    {
      onRequest: reader,
      schema: { tags: ["meetings"], operationId: "getBody", summary: "A body's roster at its latest (or given) version", params: BodyIdParam, querystring: BodyVersionQuery, response: withErrors({ 200: ref(Body) }, 401, 403, 404) },
    },
    async (request) => bodies.get(request.params.id, versionOf(request.query)),
  );

  app.post(
    "/v1/bodies/:id/versions",
    {
      onRequest: clerk,
      schema: {
        tags: ["meetings"],
        operationId: "addBodyVersion",
        summary: "Store a new roster version of a body (meetings already held keep the version they snapshotted)",
        description: "422 EMPTY_ROSTER, DUPLICATE_MEMBER; 409 BODY_VERSION_CONFLICT; 404 BODY_NOT_FOUND.",
        params: BodyIdParam,
        body: ref(BodyVersionBody),
        response: withErrors({ 201: ref(Body) }, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    async (request, reply) => reply.status(201).send(await bodies.addVersion(request.params.id, request.body, actorOf(request).name)),
  );
};
