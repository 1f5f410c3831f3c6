/** Test blocks: the rule named, its arguments, and each expectation's target, outcome, names and grade. */

import type * as A from "../syntax/index.ts";
import { diagnostic } from "../diagnostics/index.ts";
import type { Diagnostic } from "../types.ts";
import { ELECTION_INPUT_FACTS, ELECTION_OUTCOMES, VOTE_INPUT_FACTS, VOTE_OUTCOMES } from "./facts.ts";
import { ratingLevels, type RuleInfo } from "./checker.ts";
import { suggest } from "./suggest.ts";

/** Expectations of an election that name candidates: a text of names separated by 、 or commas. */
export const NAME_LIST_TARGETS = ["elected", "tied"] as const;

/** The names a test of the rule passes as arguments. */
export function ruleParameters(info: RuleInfo): string[] {
  switch (info.decl.kind) {
    case "vote":
      return [...VOTE_INPUT_FACTS];
    case "election":
      return [...ELECTION_INPUT_FACTS, "candidates"];
    case "rating":
      return ratingLevels(info.decl);
    case "scorecard":
      return [...info.symbols.values()].filter((s) => s.kind === "input").map((s) => s.name);
  }
}

/** The outcomes an `expect outcome = …` may name for a rule kind (none for scorecards and ratings). */
export function outcomesOf(kind: A.RuleDecl["kind"]): readonly string[] {
  return kind === "election" ? ELECTION_OUTCOMES : kind === "vote" ? VOTE_OUTCOMES : [];
}

/** The parts of a rule's result an expectation can check by kind (besides its lets, criteria and facts). */
export const RESULT_TARGETS: Record<A.RuleDecl["kind"], readonly string[]> = {
  vote: ["outcome", "quorum", "passes"],
  scorecard: ["score", "grade"],
  election: ["outcome", "elected", "tied", "void", "turnout"],
  rating: ["grade", "ballots"],
};

/** Names an expectation can check, for a rule. */
export function expectationTargets(info: RuleInfo): Set<string> {
  const targets = new Set<string>(RESULT_TARGETS[info.decl.kind]);
  for (const s of info.symbols.values()) {
    if (s.name === "votes") continue;
    if (s.kind === "let" || s.kind === "criterion" || s.kind === "fact" || (info.decl.kind === "rating" && s.kind === "input")) targets.add(s.name);
  }
  return targets;
}

/** Checks test blocks against the rules in scope; returns each test's own errors, so that only that test fails. */
export function checkTests(tests: A.TestDecl[], scope: Map<string, RuleInfo>, all: Diagnostic[]): Map<A.TestDecl, Diagnostic[]> {
  const names = new Set<string>();
  const errorsOf = new Map<A.TestDecl, Diagnostic[]>();
  for (const t of tests) {
    const out: Diagnostic[] = [];
    checkTest(t, names, scope, out);
    all.push(...out);
    const errors = out.filter((d) => d.severity === "error");
    if (errors.length > 0) errorsOf.set(t, errors);
  }
  return errorsOf;
}

function gradeLabels(info: RuleInfo): string[] | undefined {
  if (info.decl.kind !== "scorecard" && info.decl.kind !== "rating") return undefined;
  const members: readonly (A.ScorecardMember | A.RatingMember)[] = info.decl.members;
  const grade = members.find((m): m is A.GradeDecl => m.kind === "grade");
  return grade?.bands.map((b) => b.label);
}

function checkTest(t: A.TestDecl, names: Set<string>, scope: Map<string, RuleInfo>, out: Diagnostic[]): void {
  {
    if (names.has(t.name)) out.push(diagnostic("warning", "DUPLICATE_TEST", { name: t.name }, t.span));
    names.add(t.name);
    const info = scope.get(t.rule);
    if (!info) {
      const hint = suggest(t.rule, scope.keys());
      out.push(diagnostic("error", "UNDEFINED_RULE", { rule: t.rule, hint }, t.ruleSpan));
      return;
    }
    const params = new Set(ruleParameters(info));
    const given = new Set<string>();
    for (const a of t.args) {
      if (given.has(a.name)) out.push(diagnostic("error", "DUPLICATE_ARGUMENT", { name: a.name }, a.nameSpan));
      given.add(a.name);
      if (!params.has(a.name)) {
        const hint = suggest(a.name, params);
        out.push(diagnostic("error", "UNKNOWN_ARGUMENT", { rule: t.rule, name: a.name, hint }, a.nameSpan));
      } else if ((a.value.kind === "list") !== (info.symbols.get(a.name)?.fields !== undefined)) {
        out.push(diagnostic("error", a.value.kind === "list" ? "LIST_NOT_EXPECTED" : "LIST_EXPECTED", { name: a.name }, a.value.span));
      } else if (a.value.kind === "list") {
        // A misspelt field in a test's record is caught here, with a hint, not at evaluation.
        const fields = info.symbols.get(a.name)!.fields!;
        for (const record of a.value.items) {
          for (const entry of record.entries) {
            if (!fields.has(entry.key)) out.push(diagnostic("error", "UNKNOWN_FIELD", { list: a.name, field: entry.key, fields: [...fields.keys()], hint: suggest(entry.key, fields.keys()) }, entry.keySpan));
          }
        }
      } else if ((a.value.kind === "tally") !== (info.decl.kind === "election" && a.name === "candidates")) {
        // Only an election's candidates are votes by name; every other argument is one value.
        out.push(diagnostic("error", a.value.kind === "tally" ? "TALLY_NOT_EXPECTED" : "TALLY_EXPECTED", { name: a.name }, a.value.span));
      }
    }
    const expectsError = t.expects.some((e) => e.kind === "error");
    if (!expectsError) {
      for (const p of params) {
        if (!given.has(p) && !info.symbols.get(p)?.optional) out.push(diagnostic("error", "MISSING_ARGUMENT", { name: p }, t.ruleSpan));
      }
    }
    if (t.expects.length === 0) out.push(diagnostic("warning", "EMPTY_TEST", {}, t.span));
    const targets = expectationTargets(info);
    for (const e of t.expects) {
      if (e.kind !== "value") continue;
      if (!targets.has(e.target)) {
        const hint = suggest(e.target, targets);
        out.push(diagnostic("error", "UNKNOWN_EXPECTATION", { target: e.target, rule: t.rule, hint }, e.targetSpan));
      }
      // A rule without outcomes was told above that `outcome` is not a target; its value is not judged too.
      const outcomes = outcomesOf(info.decl.kind);
      if (e.target === "outcome" && targets.has("outcome") && !(e.value.kind === "name" && outcomes.includes(e.value.name))) {
        out.push(diagnostic("error", "UNKNOWN_OUTCOME", { outcomes: [...outcomes] }, e.value.span));
      }
      if (info.decl.kind === "election" && (NAME_LIST_TARGETS as readonly string[]).includes(e.target) && (e.value.kind !== "string" || (e.op !== "=" && e.op !== "!="))) {
        out.push(diagnostic("error", "EXPECT_NAMES", { target: e.target }, e.span));
      }
      // A grade that no band gives ("优秀 " with a trailing space) would make the test fail for the wrong reason, or pass with "!=".
      const grades = e.target === "grade" ? gradeLabels(info) : undefined;
      const grade = e.value.kind === "string" ? e.value.value : undefined;
      if (grades && grade !== undefined && !grades.includes(grade)) {
        const hint = grades.find((g) => g === grade.trim()) ?? suggest(grade, grades);
        out.push(diagnostic("error", "UNKNOWN_GRADE", { grade, rule: t.rule, grades, hint }, e.value.span));
      }
    }
  }
}
