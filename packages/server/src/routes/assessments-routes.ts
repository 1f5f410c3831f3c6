/** POST /v1/assessments: a scorecard over many subjects (JSON or streamed CSV in; JSON, JSON lines or CSV streamed out), ranked. */

import { Readable } from "node:stream";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "@sinclair/typebox";
import { authorize } from "../http/authorize.ts";
import type { ScoredSubjects } from "../assessments/scored-subjects.ts";
import { ApiError, validationError } from "../http/api-error.ts";
import { nestsDeeperThan } from "../http/json-nesting.ts";
import {
  ASSESSMENT_JSON_BODY_LIMIT,
  AssessmentBody,
  AssessmentCsv,
  AssessmentCsvResult,
  AssessmentLines,
  AssessmentQuery,
  AssessmentResponse,
  content,
  MAX_JSON_SUBJECTS,
  ref,
  withErrors,
} from "../http/schemas.ts";
import type { ResultFormat } from "../workers/evaluation-tasks.ts";
import { versionOf, type Services } from "./context.ts";

/** A JSON assessment body nests no deeper than this (a body is 4 levels deep; inputs are scalars). */
export const MAX_ASSESSMENT_JSON_DEPTH = 16;

const CONTENT_TYPES: Record<ResultFormat, string> = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};
const ACCEPTED: Record<string, ResultFormat> = { "application/json": "json", "application/x-ndjson": "ndjson", "application/jsonl": "ndjson", "text/csv": "csv" };

/** The output format the Accept header lists first among JSON, JSON lines and CSV (JSON when none is listed). */
export function resultFormat(accept: string | undefined): ResultFormat {
  for (const part of (accept ?? "").split(",")) {
    const format = ACCEPTED[part.split(";")[0]!.trim().toLowerCase()];
    if (format) return format;
  }
  return "json";
}

/** The subjects of a JSON body: given, or read from the closed rating item it names (not both). */
async function subjectsOf(json: Static<typeof AssessmentBody>, items: Services["items"]) {
  if (json.item !== undefined) {
    if (json.subjects !== undefined) throw new ApiError(400, "SUBJECTS_OR_ITEM", "Give either subjects or a rating item, not both.");
    return items.ratingSubjects(json.item, json.levels, json.inputs);
  }
  if (json.subjects === undefined) throw new ApiError(400, "SUBJECTS_REQUIRED", "Give the subjects, or name a closed rating item (item).");
  if (json.levels !== undefined || json.inputs !== undefined) throw new ApiError(400, "ITEM_REQUIRED", "levels and inputs go with a rating item (item).");
  return json.subjects;
}

export const assessmentsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { assessments, items, tokens }) => {
  // Parsers for this route only. CSV is not buffered: the raw upload is handed to the handler and read as a stream.
  // JSON is checked for nesting before it is parsed (20 MB of `[[[…]]]` blocked the loop for seconds in JSON.parse).
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(["text/csv", "application/csv", "application/json"]);
  app.addContentTypeParser(["text/csv", "application/csv"], (_request, upload, done) => done(null, upload));
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, text, done) => {
    if (nestsDeeperThan(text as string, MAX_ASSESSMENT_JSON_DEPTH)) {
      done(new ApiError(400, "JSON_TOO_DEEP", `The JSON body nests deeper than ${MAX_ASSESSMENT_JSON_DEPTH} levels; an assessment body needs 4.`, { max: MAX_ASSESSMENT_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(request, text as string, done);
  });

  app.post(
    "/v1/assessments",
    {
      // Before the body is read: an anonymous upload is refused without reading a byte of it.
      onRequest: authorize(tokens, "assess"),
      bodyLimit: ASSESSMENT_JSON_BODY_LIMIT,
      config: {
        swaggerTransform: ({ schema, url }) => ({ url, schema: { ...schema, body: { content: { "application/json": { schema: ref(AssessmentBody) }, "text/csv": { schema: AssessmentCsv } } } } }),
      },
      schema: {
        operationId: "assess",
        tags: ["assessments"],
        summary: "Assess many subjects with one scorecard; results ranked by score",
        description:
          `Needs a token whose role may assess (admin, author, clerk). Body: JSON { rule, subjects: [{ id, input }] } (at most ${MAX_JSON_SUBJECTS} subjects, 2 MiB), ` +
          "or text/csv with a header row (id, optional name, one column per input) and ?rule=NAME, streamed (at most 1,000,000 rows, 256 MiB). " +
          "The whole upload is checked first: 422 INVALID_SUBJECTS, CSV_INVALID or EVALUATION_ERROR names every bad subject or cell (the first 1,000), and nothing is ranked. " +
          "Or JSON { rule, item, levels?, inputs? }: the subjects of a closed rating item of a meeting, each with its count of each level (named by levels: level → input) and its other inputs. " +
          "Then the ranked results stream out (highest score first, ties share a rank): JSON { rule, count, results } by default, JSON lines " +
          "(Accept: application/x-ndjson, one result per line) or CSV (Accept: text/csv; text cells that would start a formula get a leading '). " +
          "At most 4 assessments run at once: 503 ASSESSMENTS_BUSY beyond.",
        querystring: AssessmentQuery,
        // Only the JSON body is validated by its schema; the CSV is a stream, checked row by row (swaggerTransform documents it).
        body: { content: { "application/json": { schema: ref(AssessmentBody) } } },
        response: withErrors(
          { 200: content("Ranked results, in the media type Accept asks for", { "application/json": ref(AssessmentResponse), "application/x-ndjson": AssessmentLines, "text/csv": AssessmentCsvResult }) },
          401,
          403,
          404,
          413,
          415,
          422,
          503,
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      // Without a content type Fastify neither parses nor validates the body: refuse a missing one as the schema would.
      if (body === undefined || body === null) {
        throw validationError([{ path: "body", message: "must be a JSON object or a CSV upload", keyword: "type", params: { type: "object" } }]);
      }
      const query = request.query;
      const format = resultFormat(request.headers.accept);
      let scored: ScoredSubjects;
      let plan;
      let release: (() => void) | undefined;
      try {
        release = assessments.admit();
        if (body instanceof Readable) {
          if (!query.rule) throw new ApiError(400, "RULE_REQUIRED", "A CSV upload names its rule in the query: POST /v1/assessments?rule=NAME.");
          plan = await assessments.plan({ rule: query.rule, ruleVersion: versionOf(query), ruleName: query.ruleName });
          scored = await assessments.scoreCsv(plan, body);
        } else {
          const json = body as Static<typeof AssessmentBody>;
          const subjects = await subjectsOf(json, items);
          plan = await assessments.plan({ rule: json.rule, ruleVersion: json.ruleVersion ?? versionOf(query), ruleName: json.ruleName ?? query.ruleName });
          scored = await assessments.scoreSubjects(plan, subjects);
        }
      } catch (error) {
        release?.();
        if (body instanceof Readable) body.resume(); // a refused upload is dropped unread, so the answer can be sent
        throw error;
      }
      // The spill and the place go when the answer is done, failed, or the client went away before reading it.
      const done = () => {
        release!();
        void scored.dispose();
      };
      reply.raw.once("close", done);
      reply.type(CONTENT_TYPES[format]);
      if (format === "csv") reply.header("content-disposition", `attachment; filename="assessment.csv"`);
      // A stream is sent as is, not serialised through the response schema (which documents the JSON shape).
      const results = Readable.from(assessments.render(plan, scored, format), { objectMode: false });
      results.once("close", done);
      return reply.send(results);
    },
  );
};
