/** POST /v1/assessments: a scorecard over many subjects (JSON or CSV in, JSON or CSV out), ranked. */

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ApiError } from "../http/api-error.ts";
import { ASSESSMENT_BODY_LIMIT, AssessmentBody, AssessmentQuery, AssessmentResponse, PUBLIC, withErrors } from "../http/schemas.ts";
import { resultsCsv } from "../assessments/results-csv.ts";
import { versionOf, type Services } from "./context.ts";

/** True when the Accept header asks for CSV before (or instead of) JSON. */
export function wantsCsv(accept: string | undefined): boolean {
  const types = (accept ?? "").split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  const csv = types.indexOf("text/csv");
  const json = types.indexOf("application/json");
  return csv >= 0 && (json < 0 || csv < json);
}

export const assessmentsRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { assessments }) => {
  app.post(
    "/v1/assessments",
    {
      bodyLimit: ASSESSMENT_BODY_LIMIT,
      schema: {
        tags: ["assessments"],
        security: PUBLIC,
        summary: "Assess many subjects with one scorecard; results ranked by score",
        description:
          "Body: JSON { rule, subjects: [{ id, input }] }, or text/csv with a header row (id, optional name, one column per input) and ?rule=NAME. " +
          "Send Accept: text/csv for a CSV export of the ranking. 422 INVALID_SUBJECTS or CSV_INVALID names every bad subject or cell.",
        querystring: AssessmentQuery,
        body: AssessmentBody,
        produces: ["application/json", "text/csv"],
        response: withErrors({ 200: AssessmentResponse }, 404, 413, 415, 422),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const query = request.query;
      let assessment;
      if (typeof body === "string") {
        if (!query.rule) throw new ApiError(400, "RULE_REQUIRED", "A CSV upload names its rule in the query: POST /v1/assessments?rule=NAME.");
        assessment = await assessments.assessCsv({ rule: query.rule, ruleVersion: versionOf(query), ruleName: query.ruleName }, body);
      } else {
        assessment = await assessments.assess({ rule: body.rule, ruleVersion: body.ruleVersion ?? versionOf(query), ruleName: body.ruleName ?? query.ruleName }, body.subjects);
      }
      if (wantsCsv(request.headers.accept)) {
        return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="assessment.csv"`).send(resultsCsv(assessment.results) as unknown as typeof assessment); // a string body is sent as is, not serialised
      }
      return assessment;
    },
  );
};
