/**
 * POST /v1/rules/{name}/evaluate answers with a response-schema serialiser (fast-json-stringify), which writes only
 * what the schema names and coerces what it types: the answer must still be exactly the result JSON of `evaluate()`,
 * field for field, for every kind of rule (vote, scorecard, election, rating).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "@gavel-rules/lang";
import { call, startTestService, type TestService } from "../helpers/server-client";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** The result JSON the library gives, as it reads after JSON.stringify (what the CLI prints). */
function libraryResult(path: string, rule: string, input: Record<string, unknown>): unknown {
  const compiled = compile(read(path), { file: path }).scope.get(rule);
  if (!compiled) throw new Error(`${path} has no rule ${rule}`);
  const outcome = compiled.evaluate(input);
  if (!outcome.ok) throw new Error(`${rule}: ${outcome.error.message}`);
  return JSON.parse(JSON.stringify(outcome.result));
}

const CASES: { name: string; path: string; stored: string; rule: string; inputs: Record<string, unknown>[] }[] = [
  {
    name: "vote (rosters where 2/3 and 1/2 are fractions, on and next to the thresholds)",
    path: "dsl/std/major-matter.gavel",
    stored: "major_matter",
    rule: "major_matter",
    inputs: [
      { entitled: 31, present: 21, yes: 14, no: 7, abstain: 0 },
      { entitled: 31, present: 21, yes: 13, no: 6, abstain: 2 },
      { entitled: 29, present: 14, yes: 10, no: 4, abstain: 0 },
      { entitled: 1000, present: 667, yes: 445, no: 200, abstain: 22 },
    ],
  },
  {
    name: "scorecard (fractional training days, criteria with reasons)",
    path: "examples/cadre-review.gavel",
    stored: "cadre-review",
    rule: "cadre_review",
    inputs: [
      { training_days: 14.5, talk_half_years: 2, leader_visit_months: 11, rep_visit_quarters: 3, satisfied: 20, basically: 7, unsatisfied: 4 },
      { training_days: 15, talk_half_years: 1, leader_visit_months: 12, rep_visit_quarters: 4, satisfied: 2, basically: 1, unsatisfied: 0 },
    ],
  },
  {
    name: "election (a tie at the last seat, and a complete round)",
    path: "dsl/std/village-committee-election.gavel",
    stored: "village_committee",
    rule: "village_committee",
    inputs: [
      { registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: { 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320 } },
      { registered: 901, voters: 601, ballots: 599, invalid: 0, seats: 2, round: 1, candidates: { 王建国: 401, 李秀英: 302, 张伟: 299 } },
    ],
  },
  {
    name: "rating (shares that are fractions)",
    path: "examples/democratic-rating.gavel",
    stored: "democratic-rating",
    rule: "cadre_rating",
    inputs: [
      { 满意: 20, 基本满意: 6, 不满意: 4 },
      { 满意: 7, 基本满意: 5, 不满意: 1 },
    ],
  },
];

describe("the evaluate route answers exactly evaluate()'s result JSON", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("postgres");
    for (const { path, stored } of CASES) {
      if (!path.startsWith("examples/")) continue;
      const put = await call(service.app, "PUT", `/v1/rules/${encodeURIComponent(stored)}`, { token: service.tokens.author, payload: { source: read(path) } });
      if (put.status !== 201) throw new Error(`could not store ${path}: ${put.text}`);
    }
  });
  afterAll(async () => {
    await service?.close();
  });

  for (const { name, path, stored, rule, inputs } of CASES) {
    it(name, async () => {
      for (const input of inputs) {
        const answer = await call(service.app, "POST", `/v1/rules/${encodeURIComponent(stored)}/evaluate`, { payload: { rule, input } });
        expect(answer.status, answer.text).toBe(200);
        const expected = libraryResult(path, rule, input);
        expect(answer.body).toStrictEqual(expected);
        // Not only equal as values: no field renamed, retyped or left out, in any nested object.
        expect(Object.keys(answer.body as object).sort()).toEqual(Object.keys(expected as object).sort());
      }
    });
  }
});
