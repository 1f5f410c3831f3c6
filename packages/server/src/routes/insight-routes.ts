/** Insight into a stored vote: its threshold table (the chair's cheat sheet), as JSON or CSV. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { MAX_TABLE_ROWS, parseRosterRange, thresholdTable } from "@gavel-rules/lang";
import { ApiError } from "../http/api-error.ts";
import { assertRuleName, selectRule } from "../rules/rule-registry.ts";
import { PUBLIC, RuleNameParam, withErrors } from "../http/schemas.ts";
import { LATEST_MAX_AGE_MS } from "./rules-routes.ts";
import { versionOf, type Services } from "./context.ts";

/** The most rows one table answer may have over HTTP. */
export const MAX_HTTP_TABLE_ROWS = 10_001;

const TableQuery = Type.Object({
  entitled: Type.Optional(Type.String({ maxLength: 40, description: "Roster sizes FROM..TO (default 0..60) or one size" })),
  format: Type.Optional(Type.Unsafe<"json" | "csv">({ type: "string", enum: ["json", "csv"], description: "json (default) or csv" })),
  rule: Type.Optional(Type.String({ maxLength: 200, description: "The vote of the file (default: the file's only vote)" })),
  version: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,8}$", description: "A stored version number (default: latest)" })),
});

const Count = Type.Union([Type.Integer(), Type.Null()]);
const ThresholdRow = Type.Object(
  {
    entitled: Type.Integer(),
    quorum_present: { ...Count, description: "The least number present that meets the quorum (those present all voting, none yes); null when none up to the roster does" },
    passes_yes: { ...Count, description: "The least yes votes that pass with the whole roster present and the others voting no; null when none up to the roster does" },
  },
  { additionalProperties: false },
);
const ThresholdTable = Type.Object(
  { name: Type.String(), version: Type.Integer(), rule: Type.String(), label: Type.String(), rows: Type.Array(ThresholdRow) },
  { additionalProperties: false, description: "A vote's threshold table; the CSV form has the header entitled,quorum_present,passes_yes and empty cells for null" },
);

export const insightRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { rules }) => {
  app.get(
    "/v1/rules/:name/table",
    {
      schema: {
        tags: ["rules"],
        operationId: "getRuleThresholdTable",
        security: PUBLIC,
        summary: "A stored vote's threshold table: for each roster size, the least present for a quorum and the least yes votes that pass",
        description:
          `?entitled=0..60 (at most ${MAX_HTTP_TABLE_ROWS} rows; 400 BAD_RANGE), ?format=csv for text/csv, ?rule=NAME for a file with several votes ` +
          "(422 WRONG_RULE_KIND for a rule that is not a vote). Exact: solved from the clauses' exact fractions, never with floats (dsl/README.md, threshold tables).",
        params: RuleNameParam,
        querystring: TableQuery,
        produces: ["application/json", "text/csv"],
        response: withErrors({ 200: ThresholdTable }, 404, 422),
      },
    },
    async (request, reply) => {
      assertRuleName(request.params.name);
      const range = parseRosterRange(request.query.entitled ?? "0..60");
      if (!range || range.to - range.from >= Math.min(MAX_HTTP_TABLE_ROWS, MAX_TABLE_ROWS)) {
        throw new ApiError(400, "BAD_RANGE", `entitled must be FROM..TO (0 <= FROM <= TO) or one size, at most ${MAX_HTTP_TABLE_ROWS} rows.`, { entitled: request.query.entitled });
      }
      const record = await rules.get(request.params.name, versionOf(request.query), undefined, LATEST_MAX_AGE_MS);
      const module = rules.moduleOf(record);
      const rule = selectRule(module, record.name, request.query.rule, "vote");
      const table = thresholdTable(module, rule.name, range.from, range.to);
      if (!table.ok) throw new ApiError(400, table.error.code, table.error.message, {});
      if (request.query.format === "csv") {
        const cell = (v: number | null) => (v === null ? "" : String(v));
        const csv = ["entitled,quorum_present,passes_yes", ...table.rows.map((r) => `${r.entitled},${cell(r.quorum_present)},${cell(r.passes_yes)}`)].join("\r\n") + "\r\n";
        // Text is sent as is, not through the response schema (which documents the JSON form).
        return reply.type("text/csv; charset=utf-8").send(csv as unknown as never);
      }
      return { name: record.name, version: record.version, rule: rule.name, label: rule.label, rows: table.rows };
    },
  );
};
