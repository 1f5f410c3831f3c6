/** Builds the Fastify app: parsers, limits, OpenAPI, error shape, routes, and the editor's static files. */

import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { answerClientError, installErrorHandling, sendError } from "./http/error-handling";
import { refuseLoneSurrogates } from "./http/lone-surrogates";
import { assessmentsRoutes } from "./routes/assessments-routes";
import { ballotsRoutes } from "./routes/ballots-routes";
import type { Services } from "./routes/context";
import { healthRoutes } from "./routes/health-routes";
import { rulesRoutes } from "./routes/rules-routes";
import { tokensRoutes } from "./routes/tokens-routes";

export interface AppOptions {
  logger?: boolean;
  /** The built editor (packages/editor/dist); served at / when it holds an index.html. */
  editorDir?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The HTTP app over the given services (not yet listening). */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? "info" } : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Wrong types are refused, not coerced ("5" is not a count), and unknown fields are errors, not dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    return503OnClosing: true,
    // A malformed or overlong URL is refused by the router before any handler: answer in the API's shape too.
    // The router's reply is typed for no schema at all; it is a plain FastifyReply.
    frameworkErrors: (error, _request, reply) => void sendError(reply as unknown as FastifyReply, error),
    // Requests Node's parser refuses (a raw 民主测评 in the URL) never reach the router: same shape there.
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest("actor", null);
  app.addContentTypeParser(["text/csv", "application/csv"], { parseAs: "string" }, (_request, body, done) => done(null, body));
  installErrorHandling(app);
  // After authorisation (onRequest) and parsing, before the schemas: PostgreSQL cannot store a lone surrogate.
  app.addHook("preValidation", refuseLoneSurrogates);

  await app.register(swagger, {
    openapi: {
      info: { title: "gavel", description: "Rules-driven assessment and voting engine: rule registry, evaluation, ballots, assessments, audit.", version: "0.1.0" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
      tags: [{ name: "rules" }, { name: "ballots" }, { name: "audit" }, { name: "assessments" }, { name: "access" }, { name: "service" }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  await app.register(healthRoutes, services);
  await app.register(rulesRoutes, services);
  await app.register(ballotsRoutes, services);
  await app.register(assessmentsRoutes, services);
  await app.register(tokensRoutes, services);

  if (options.editorDir && existsSync(join(options.editorDir, "index.html"))) {
    await app.register(fastifyStatic, { root: options.editorDir, prefix: "/" });
  }
  return app;
}
