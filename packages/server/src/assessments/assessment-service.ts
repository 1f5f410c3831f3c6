/** Batch assessments: one scorecard on many subjects, each input validated, results ranked by exact score. */

import type { ScorecardResult } from "@gavel-rules/lang";
import { unprocessable } from "../http/api-error.ts";
import { inputProblems, type InputProblem } from "../rules/input-validator.ts";
import type { RuleRegistry } from "../rules/rule-registry.ts";
import { rankByScore } from "./ranking.ts";
import { parseSubjectsCsv, type Subject } from "./subjects-csv.ts";

export interface AssessmentRequest {
  rule: string;
  ruleVersion?: number;
  ruleName?: string;
}

export interface RankedResult {
  rank: number;
  id: string;
  name?: string;
  score: ScorecardResult["score"];
  grade: string | null;
  criteria: ScorecardResult["criteria"];
  result: ScorecardResult;
}

export interface Assessment {
  rule: { name: string; version: number; entry: string };
  count: number;
  results: RankedResult[];
}

export class AssessmentService {
  constructor(private readonly rules: RuleRegistry) {}

  /** Assesses subjects given as JSON. */
  async assess(request: AssessmentRequest, subjects: Subject[]): Promise<Assessment> {
    const resolved = await this.rules.resolve(request.rule, { version: request.ruleVersion, selector: request.ruleName, kind: "scorecard", latestMaxAgeMs: 1000 });
    return this.run(resolved.record.name, resolved.record.version, resolved.rule, subjects);
  }

  /** Assesses subjects given as a CSV upload, typed by the rule's inputs. */
  async assessCsv(request: AssessmentRequest, csv: string): Promise<Assessment> {
    const resolved = await this.rules.resolve(request.rule, { version: request.ruleVersion, selector: request.ruleName, kind: "scorecard", latestMaxAgeMs: 1000 });
    return this.run(resolved.record.name, resolved.record.version, resolved.rule, parseSubjectsCsv(csv, resolved.rule));
  }

  private run(name: string, version: number, rule: Parameters<typeof inputProblems>[0], subjects: Subject[]): Assessment {
    const seen = new Set<string>();
    const invalid: { id: string; problems: InputProblem[] }[] = [];
    for (const subject of subjects) {
      if (seen.has(subject.id)) invalid.push({ id: subject.id, problems: [{ path: "/id", message: "repeats an earlier subject id", keyword: "uniqueItems", params: {} }] });
      seen.add(subject.id);
      const problems = inputProblems(rule, subject.input);
      if (problems.length > 0) invalid.push({ id: subject.id, problems });
    }
    if (invalid.length > 0) {
      throw unprocessable("INVALID_SUBJECTS", `${invalid.length} subject(s) do not fit rule ${rule.name}, first: ${invalid[0]!.id}: ${invalid[0]!.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, { subjects: invalid });
    }
    const evaluated = subjects.map((subject) => {
      const outcome = rule.evaluate(subject.input);
      if (!outcome.ok) throw unprocessable("EVALUATION_ERROR", `Subject ${subject.id}: ${outcome.error.message}`, { subject: subject.id, ...outcome.error });
      const result = outcome.result as ScorecardResult;
      return { id: subject.id, ...(subject.name ? { name: subject.name } : {}), score: result.score, grade: result.grade, criteria: result.criteria, result };
    });
    return { rule: { name, version, entry: rule.name }, count: evaluated.length, results: rankByScore(evaluated) };
  }
}
