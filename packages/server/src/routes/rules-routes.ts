/** Rule registry routes: store versions, list, read, evaluate. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { actorOf, authorize } from "../http/authorize.ts";
import { assertValidInput } from "../rules/input-validator.ts";
import type { ModuleSummary } from "../rules/module-summary.ts";
import { assertRuleName, importDigests, resolvedSourceDigest, selectRule, type RuleVersionRecord } from "../rules/rule-registry.ts";
import { ApiError } from "../http/api-error.ts";
import { unprocessable } from "../refusal.ts";
import { EvaluateBody, ref, RuleDetail, RuleList, RuleNameParam, RuleResult, RuleSourceBody, RuleSourceText, StoredRule, VersionQuery, PUBLIC, withErrors } from "../http/schemas.ts";
import { versionOf, type Services } from "./context.ts";

/** How stale "the latest version" may be for a read-only evaluation (a version stored elsewhere shows within this). */
export const LATEST_MAX_AGE_MS = 1000;

function describeModule(record: RuleVersionRecord, summary: ModuleSummary) {
  const { source: _source, imports, ...info } = record;
  return {
    ...info,
    rules: summary.rules,
    warnings: summary.diagnostics.filter((d) => d.severity === "warning"),
    imports: importDigests(imports),
    resolvedSha256: resolvedSourceDigest(record),
  };
}

/**
 * The version an edit started from, from a conditional PUT: `If-Match: "3"` (that version must still be the latest)
 * or `If-None-Match: *` (the file must not exist yet). Undefined for an unconditional save.
 */
export function expectedVersionOf(headers: { "if-match"?: string; "if-none-match"?: string }): number | undefined {
  const ifNoneMatch = headers["if-none-match"]?.trim();
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch !== "*") throw new ApiError(400, "INVALID_PRECONDITION", 'If-None-Match on a rule save can only be "*" (the file must not exist yet).', { ifNoneMatch });
    return 0;
  }
  const ifMatch = headers["if-match"]?.trim();
  if (ifMatch === undefined) return undefined;
  const match = /^"([1-9][0-9]{0,8})"$/.exec(ifMatch);
  if (!match) throw new ApiError(400, "INVALID_PRECONDITION", 'If-Match names the version the edit started from, as an ETag: If-Match: "3".', { ifMatch });
  return Number(match[1]);
}

/** The conditional-save headers of PUT /v1/rules/{name} (documented; their values are checked by expectedVersionOf). */
const PreconditionHeaders = Type.Object({
  "if-match": Type.Optional(Type.String({ description: 'The version the edit started from, as an ETag: "3"' })),
  "if-none-match": Type.Optional(Type.String({ description: "* : the file must not exist yet" })),
});

/** The ETag of a stored version: its number, which never names other content. */
function etagOf(version: number): string {
  return `"${version}"`;
}

export const rulesRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { rules, tokens }) => {
  app.get("/v1/rules", { schema: { operationId: "listRules", tags: ["rules"], security: PUBLIC, summary: "List rule files with their latest version", response: withErrors({ 200: ref(RuleList) }) } }, async () => ({
    rules: await rules.list(),
  }));

  app.put(
    "/v1/rules/:name",
    {
      onRequest: authorize(tokens, "write:rules"),
      schema: {
        operationId: "putRule",
        tags: ["rules"],
        summary: "Store a new immutable version of a rule file (JSON { source } or text/plain)",
        description:
          "Refused with 422 RULE_COMPILE_ERROR and the diagnostics when the file does not compile. A rule file has at most 1 MiB " +
          "(UTF-8; 413 RULE_TOO_LARGE, or PAYLOAD_TOO_LARGE for a body over the service's body limit: send a large file as text/plain). " +
          "The compile check runs in a worker thread. Needs an admin or author token. " +
          'Conditional save: If-Match: "<version the edit started from>" (or If-None-Match: * for a new file) answers 409 VERSION_CONFLICT with the current version when another save came first.',
        params: RuleNameParam,
        headers: PreconditionHeaders,
        body: { content: { "application/json": { schema: ref(RuleSourceBody) }, "text/plain": { schema: RuleSourceText } } },
        response: withErrors({ 201: ref(StoredRule) }, 401, 403, 409, 413, 415, 422),
      },
    },
    async (request, reply) => {
      // The schema per media type leaves the body's type to us: a string (text/plain) or { source } (JSON), both validated.
      const body = request.body as string | { source: string };
      const source = typeof body === "string" ? body : body.source;
      const expectedVersion = expectedVersionOf(request.headers);
      const { record, summary } = await rules.put(request.params.name, source, actorOf(request).name, { expectedVersion });
      return reply.status(201).header("etag", etagOf(record.version)).send(describeModule(record, summary));
    },
  );

  app.get(
    "/v1/rules/:name",
    {
      schema: {
        operationId: "getRule",
        tags: ["rules"],
        security: PUBLIC,
        summary: "A rule file: the latest version, or ?version=N, with its source, rules and version history",
        params: RuleNameParam,
        querystring: VersionQuery,
        response: withErrors({ 200: ref(RuleDetail) }, 404),
      },
    },
    async (request, reply) => {
      const record = await rules.get(request.params.name, versionOf(request.query));
      reply.header("etag", etagOf(record.version));
      return { ...describeModule(record, await rules.summaryOf(record)), source: record.source, versions: await rules.versions(record.name) };
    },
  );

  app.post(
    "/v1/rules/:name/evaluate",
    {
      schema: {
        operationId: "evaluateRule",
        tags: ["rules"],
        security: PUBLIC,
        summary: "Evaluate a stored rule on one input; returns the result JSON with its explanation",
        description: "The input is validated against the rule's generated JSON Schema (422 INVALID_INPUT).",
        params: RuleNameParam,
        querystring: VersionQuery,
        body: ref(EvaluateBody),
        response: withErrors({ 200: ref(RuleResult) }, 404, 413, 415, 422),
      },
    },
    async (request, reply) => {
      assertRuleName(request.params.name);
      const record = await rules.get(request.params.name, versionOf(request.query), undefined, LATEST_MAX_AGE_MS);
      const rule = selectRule(rules.moduleOf(record), record.name, request.body.rule);
      const input = request.body.input;
      assertValidInput(rule, input);
      const outcome = rule.evaluate(input);
      if (!outcome.ok) throw unprocessable("EVALUATION_ERROR", outcome.error.message, outcome.error);
      // The result's toJSON writes the documented result JSON, key for key as the schema's serialiser does, in about
      // half its time (the schema leaves most fields open, so that serialiser only adds checks): benchmarks/api.ts.
      void reply.type("application/json; charset=utf-8");
      return JSON.stringify(outcome.result);
    },
  );
};
