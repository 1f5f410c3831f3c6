/** Builds the Fastify app: parsers, limits, OpenAPI, error shape, routes, and the editor's static files. */

import { constants as zlib } from "node:zlib";
import compress from "@fastify/compress";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { answerClientError, installErrorHandling, sendError } from "./http/error-handling.ts";
import { editorInlineScriptHashes, installEditorAssets } from "./http/editor-assets.ts";
import { installFailedAuthLimit } from "./http/failed-auth-limit.ts";
import { Lifecycle, refuseWhileDraining } from "./http/lifecycle.ts";
import { installLoneSurrogateCheck } from "./http/lone-surrogates.ts";
import { installMetrics } from "./http/metrics.ts";
import { DEFAULT_OPERATIONS, type OperationsOptions } from "./http/operations-options.ts";
import { OPENAPI_TAGS } from "./http/openapi-tags.ts";
import { OneLineRequestLog } from "./http/request-log.ts";
import { MEETING_SCHEMAS } from "./http/meeting-schemas.ts";
import { SHARED_SCHEMAS } from "./http/schemas.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { assessmentsRoutes } from "./routes/assessments-routes.ts";
import { ballotsRoutes } from "./routes/ballots-routes.ts";
import { bodiesRoutes } from "./routes/bodies-routes.ts";
import { meetingsRoutes } from "./routes/meetings-routes.ts";
import { noticesRoutes } from "./routes/notices-routes.ts";
import type { Services } from "./routes/context.ts";
import { healthRoutes } from "./routes/health-routes.ts";
import { rulesRoutes } from "./routes/rules-routes.ts";
import { insightRoutes } from "./routes/insight-routes.ts";
import { tokensRoutes } from "./routes/tokens-routes.ts";

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go when logging (default stdout). */
  logStream?: { write(line: string): void };
  /** The built editor (packages/editor/dist); served at / when it holds an index.html. */
  editorDir?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** CORS, failed-auth limit, metrics, request logs, drain (default DEFAULT_OPERATIONS; createServer reads them from the environment). */
  operations?: OperationsOptions;
  /** Shared with whoever shuts the app down: while it drains, /ready answers 503 and new requests are refused. */
  lifecycle?: Lifecycle;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The HTTP app over the given services (not yet listening). */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const operations = options.operations ?? DEFAULT_OPERATIONS;
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? "info", ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    // One "request completed" line per request; GAVEL_REQUEST_LOG=off drops it; refusals and failures are still logged.
    logController: new OneLineRequestLog(operations.requestLogging),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: operations.trustProxy,
    // Wrong types are refused, not coerced ("5" is not a count), and unknown fields are errors, not dropped.
    // `example` is OpenAPI's, documentation only.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, keywords: ["example"] } },
    // The drain is ours (lifecycle): Fastify's own 503 while closing has its own body shape, not the API's.
    return503OnClosing: false,
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
  installLoneSurrogateCheck(app);
  app.addHook("onRequest", refuseWhileDraining(lifecycle));

  await installSecurityHeaders(app, { origins: operations.corsOrigins, inlineScriptHashes: editorInlineScriptHashes(options.editorDir) });
  await installFailedAuthLimit(app, operations.authFailureLimit);
  // API answers and editor files alike; brotli at quality 4, not zlib's default 11, which costs too much per response.
  await app.register(compress, { global: true, encodings: ["br", "gzip"], threshold: 1024, brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });

  // Shared schemas first: routes refer to them by $id, and the OpenAPI document names them (components.schemas.<$id>).
  for (const schema of [...SHARED_SCHEMAS, ...MEETING_SCHEMAS]) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "gavel",
        description: "Rules-driven assessment and voting engine: rule registry, evaluation, ballots, meetings, assessments, audit.",
        version: "0.1.0",
        license: { name: "MIT", url: "https://opensource.org/licenses/MIT" },
      },
      // Relative: the service that serves this document (gavel serve listens on $PORT or 3000).
      servers: [{ url: "/", description: "The service that serves this document" }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A token from `gavel token create` or POST /v1/tokens" } } },
      security: [{ bearer: [] }],
      tags: OPENAPI_TAGS,
    },
    // Components are named by their $id (Ballot, Error, …) instead of def-0, def-1, …
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === "string" ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  // After swagger, so /metrics is in the OpenAPI document.
  installMetrics(app, { exposure: operations.metrics, tokens: services.tokens });

  await app.register(healthRoutes, { ...services, lifecycle });
  await app.register(rulesRoutes, services);
  await app.register(insightRoutes, services);
  await app.register(ballotsRoutes, services);
  await app.register(bodiesRoutes, services);
  await app.register(meetingsRoutes, services);
  await app.register(noticesRoutes, services);
  await app.register(assessmentsRoutes, services);
  await app.register(tokensRoutes, services);

  await installEditorAssets(app, options.editorDir);
  return app;
}
