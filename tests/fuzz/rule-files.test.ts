/**
 * Hardening: real rule files (dsl/std, examples) mutated at random, and random token soups, go
 * through compile → tests → format → format again → compile again → evaluate/decide with random
 * inputs. Nothing may throw, a result never holds NaN or Infinity, format is idempotent and keeps
 * the verdict of the compiler, and decide() always agrees with evaluate().
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { written } from "../../packages/lang/src/test-support/written";
import { describe, expect, it } from "vitest";
import { compile, format, runTests, type CompiledModule, type CompiledRule, type DecideOutcome, type EvalOutcome } from "@gavel-rules/lang";
import { resolveImport, ruleFiles } from "../lang/rule-files";
import { nonFiniteNumbers } from "./finite-json";
import { mutate, mutation, tokenSoup } from "./mutations";
import { inputFor } from "./rule-inputs";

/** Sources that once made compile() throw from the fast path's generated code (a criterion left without bands by recovery). */
const ONCE_CRASHED = [
  'scorecard s "S" {\n  input x: count\n  criterion c "C" max 2/3 {\n    1 when x >= 1\n    0 otherwise\n  }\n}\n',
  'scorecard s "S" {\n  input x: count\n  criterion c "C" max 40 {{\n    40 when x >= 1\n     0 otherwise\n  }\n}\n',
];

const corpus = ruleFiles().map((file) => ({ file, source: readFileSync(file, "utf8") }));
const INPUTS_PER_RULE = 3;

/** What decide() and evaluate() both determine: the outcome, or the score and grade, or the error code. */
function verdictOfEvaluate(outcome: EvalOutcome): string {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  // The result as written (toJSON): a scorecard's score and grade there are the exact evaluator's, where the object's
  // own come from the generated code decide() also runs.
  const result = written(outcome.result);
  switch (result.kind) {
    case "vote":
      return result.outcome;
    case "election":
      return `${result.outcome} ${result.elected.join(",")} ${result.tied.join(",")}`;
    case "rating":
      return result.grade;
    case "scorecard":
      return `${JSON.stringify(result.score)} ${result.grade}`;
  }
}

function verdictOfDecide(outcome: DecideOutcome): string {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const decision = outcome.decision;
  switch (decision.kind) {
    case "vote":
      return decision.outcome;
    case "election":
      return `${decision.outcome} ${decision.elected.join(",")} ${decision.tied.join(",")}`;
    case "rating":
      return decision.grade;
    case "scorecard":
      return `${JSON.stringify(decision.score)} ${decision.grade}`;
  }
}

function expectSpansInside(module: CompiledModule, source: string): void {
  for (const diagnostic of module.diagnostics) {
    if (diagnostic.file !== undefined && !diagnostic.file.endsWith(".gavel")) continue;
    const { offset, endOffset, line, column } = diagnostic.span;
    expect(line, diagnostic.message).toBeGreaterThanOrEqual(1);
    expect(column, diagnostic.message).toBeGreaterThanOrEqual(1);
    expect(offset, diagnostic.message).toBeGreaterThanOrEqual(0);
    expect(endOffset, diagnostic.message).toBeGreaterThanOrEqual(offset);
    // Spans in imported files are measured in those files; only this file's spans are checked.
    if (diagnostic.file === undefined) expect(endOffset, diagnostic.message).toBeLessThanOrEqual(source.length);
  }
}

/** What the engine computed: a result, or an error's code and message (its details echo the input, which may itself be NaN). */
function computed(outcome: EvalOutcome | DecideOutcome): unknown {
  return outcome.ok ? outcome : { code: outcome.error.code, message: outcome.error.message };
}

/** Evaluates one rule on one input both ways and checks the results. */
function expectSoundEvaluation(rule: CompiledRule, input: Record<string, unknown>): void {
  const evaluated = rule.evaluate(input);
  const decided = rule.decide(input);
  const context = `${rule.name}(${JSON.stringify(input)})`;
  expect(nonFiniteNumbers(computed(evaluated)), context).toEqual([]);
  expect(nonFiniteNumbers(computed(decided)), context).toEqual([]);
  expect(() => JSON.stringify(evaluated), context).not.toThrow();
  expect(verdictOfDecide(decided), context).toBe(verdictOfEvaluate(evaluated));
}

/** The whole pipeline on one source; `draw` supplies random inputs. */
function expectSoundPipeline(file: string, source: string, draw: <T>(arbitrary: fc.Arbitrary<T>) => T): void {
  const module: CompiledModule = compile(source, { file, resolveImport });
  expectSpansInside(module, source);
  const testRun = runTests(module);
  expect(testRun.passed + testRun.failed).toBe(testRun.results.length);
  expect(nonFiniteNumbers(testRun.results.map((result) => result.result ?? null))).toEqual([]);

  const formatted = format(source);
  if (formatted.ok) {
    const again = format(formatted.text);
    expect(again.ok ? again.text : again.diagnostics).toBe(formatted.text);
    const recompiled = compile(formatted.text, { file, resolveImport });
    expect(recompiled.ok, `format changed whether ${file} compiles`).toBe(module.ok);
    expect(recompiled.diagnostics.map((d) => d.code).sort()).toEqual(module.diagnostics.map((d) => d.code).sort());
  }

  for (const rule of module.rules) {
    for (let i = 0; i < INPUTS_PER_RULE; i++) expectSoundEvaluation(rule, draw(inputFor(rule)));
  }
}

const realFile = fc.constantFrom(...corpus);

describe("fuzzing rule files", () => {
  it("has real rule files to mutate", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(5);
    expect(corpus.some(({ file }) => file.includes("/dsl/std/"))).toBe(true);
    expect(corpus.some(({ file }) => file.includes("/examples/"))).toBe(true);
  });

  it.each(ONCE_CRASHED)("compile gives diagnostics, and decide() the exact evaluator's answer, for %j", (source) => {
    const module = compile(source);
    expect(module.diagnostics.map((d) => d.code)).toContain("SYNTAX");
    for (const rule of module.rules) {
      const full = rule.evaluate({ x: 1 });
      const fast = rule.decide({ x: 1 });
      if (full.ok) expect(fast.ok).toBe(true);
      else expect(fast).toEqual(full);
    }
  });

  it("the unmutated files survive random and wild inputs to every rule", () => {
    assertProperty(
      fc.property(realFile, fc.gen(), ({ file, source }, gen) => {
        const module = compile(source, { file, resolveImport });
        expect(module.ok).toBe(true);
        for (const rule of module.rules) expectSoundEvaluation(rule, gen(() => inputFor(rule)));
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it("mutated real files never crash the compiler, the formatter or the evaluator", () => {
    assertProperty(
      fc.property(realFile, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.gen(), ({ file, source }, mutations, gen) => {
        expectSoundPipeline(file, mutate(source, mutations), (arbitrary) => gen(() => arbitrary));
      }),
      { numRuns: 120, endOnFailure: true },
    );
  });

  it("random token soups never crash the compiler, the formatter or the evaluator", () => {
    assertProperty(
      fc.property(tokenSoup, fc.gen(), (source, gen) => {
        expectSoundPipeline("soup.gavel", source, (arbitrary) => gen(() => arbitrary));
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });
});
