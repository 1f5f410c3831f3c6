/** Language benchmarks: compile time by file size, evaluations per second against hand-written TypeScript. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type CompiledRule } from "@gavel-rules/lang";
import { ROOT, resolveImport } from "../tests/lang/rule-files";
import { generatedRuleFile } from "./scaling";
import { generateBallots, generateCadres, handWrittenCadreReview, handWrittenMajorMatter } from "./workloads";
import { oracleAdd } from "../packages/lang/src/test-support/workday-oracle";

function bestOf<T>(runs: number, fn: () => T): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0;

/** The vote by hand with the input checks gavel makes: exactly the five counts, whole, non-negative, consistent. */
export function majorMatterByHandChecked(v: Record<string, unknown>): "passed" | "rejected" | "no_quorum" | undefined {
  let keys = 0;
  for (const _key in v) keys++;
  const { entitled, present, yes, no, abstain } = v;
  if (keys !== 5 || !isCount(entitled) || !isCount(present) || !isCount(yes) || !isCount(no) || !isCount(abstain)) return undefined;
  if (present > entitled || yes + no + abstain > present) return undefined;
  if (!(present * 3 > entitled * 2)) return "no_quorum";
  return yes * 2 > entitled ? "passed" : "rejected";
}

function rulesFrom(file: string): CompiledRule[] {
  const m = compile(readFileSync(join(ROOT, file), "utf8"), { file: join(ROOT, file), resolveImport });
  if (!m.ok) throw new Error(`${file} does not compile`);
  return m.rules;
}

/**
 * Records per second of fn over records. Each measurement gets a loop function of its own, so its
 * call site sees one callee and V8 can inline it as it would in the caller's own code.
 */
function throughput(records: unknown[], fn: (r: never) => unknown): number {
  const loop = new Function("records", "fn", "let n = 0; for (let i = 0; i < records.length; i++) if (fn(records[i])) n++; return n;") as (records: unknown[], fn: (r: never) => unknown) => number;
  let sink = 0;
  const ms = bestOf(5, () => {
    sink += loop(records, fn);
  });
  if (sink < 0) throw new Error("unreachable");
  return records.length / (ms / 1000);
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");

/** Runs the language benchmarks and returns them as markdown. */
export async function runLangBench(): Promise<string> {
  const out: string[] = ["## Language: compile time", "", "| file | lines | compile (best of 3) | per line |", "|---|---:|---:|---:|"];
  compile(generatedRuleFile(200));
  for (const lines of [1_000, 10_000]) {
    const src = generatedRuleFile(lines);
    const n = src.split("\n").length;
    const ms = bestOf(3, () => {
      const m = compile(src);
      if (!m.ok) throw new Error("generated file does not compile");
    });
    out.push(`| generated votes and scorecards | ${fmt(n)} | ${ms.toFixed(1)} ms | ${((ms * 1000) / n).toFixed(1)} µs |`);
  }

  const major = rulesFrom("dsl/std/major-matter.gavel").find((r) => r.name === "major_matter")!;
  const cadre = rulesFrom("examples/cadre-review.gavel").find((r) => r.name === "cadre_review")!;
  const vs = generateBallots(100_000);
  const cs = generateCadres(100_000, undefined, true);
  // Same answers first: a fast wrong engine is no benchmark.
  for (const v of vs) {
    const d = major.decide({ ...v });
    if (!d.ok || d.decision.kind !== "vote" || d.decision.outcome !== handWrittenMajorMatter(v)) throw new Error(`major_matter disagrees on ${JSON.stringify(v)}`);
  }
  for (const c of cs) {
    const d = cadre.decide({ ...c });
    const h = handWrittenCadreReview(c);
    if (!d.ok || d.decision.kind !== "scorecard" || d.decision.score !== h.score || d.decision.grade !== h.grade) throw new Error(`cadre_review disagrees on ${JSON.stringify(c)}`);
  }
  out.push("", "## Language: evaluations per second (100,000 records, best of 5, one process)", "", "| workload | hand-written TS | gavel decide() | ratio | gavel evaluate() with explanation |", "|---|---:|---:|---:|---:|");
  const checked = throughput(vs, majorMatterByHandChecked as (r: never) => unknown);
  const rows: [string, unknown[], (r: never) => unknown, CompiledRule][] = [
    ["major-matter vote", vs, handWrittenMajorMatter as (r: never) => unknown, major],
    ["annual cadre review", cs, handWrittenCadreReview as (r: never) => unknown, cadre],
  ];
  for (const [name, records, byHand, rule] of rows) {
    const hand = throughput(records, byHand);
    const fast = throughput(records, (r) => rule.decide(r).ok);
    const full = throughput(records, (r) => rule.evaluate(r).ok);
    out.push(`| ${name} | ${fmt(hand)} | ${fmt(fast)} | ${(fast / hand).toFixed(2)}× | ${fmt(full)} |`);
    if (byHand === (handWrittenMajorMatter as unknown)) {
      out.push(`| ${name}, hand-written with gavel's input checks | ${fmt(checked)} | ${fmt(fast)} | ${(fast / checked).toFixed(2)}× | |`);
    }
  }
  out.push("", "The hand-written baselines do no input validation unless the row says so; gavel's `decide()` checks that the input holds exactly the declared names with whole, in-range, consistent values (and hands anything else to the exact evaluator).");
  out.push("", ...recordsBench());
  return out.join("\n");
}

/** 10,000 cases received on 2026 working days up to 11-20, limits 0–20 working days, resolved 0–30 days later; seeded. */
export function generateCases(n: number, seed = 11): { received: string; resolved: string; limit: number }[] {
  let x = seed;
  const next = (m: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % m;
  };
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
  return Array.from({ length: n }, () => {
    const r = next(323);
    return { received: day(r), resolved: day(r + next(31)), limit: next(21) };
  });
}

/** A list input of 10,000 records: records_probe (count with where, add_workdays per record) against a day-by-day oracle. */
function recordsBench(): string[] {
  const rule = rulesFrom("tests/lang/probes/records-probe.gavel")[0]!;
  const cases = generateCases(10_000);
  const onTime = cases.filter((c) => c.resolved <= oracleAdd(c.received, c.limit)!).length;
  const out = rule.evaluate({ cases });
  if (!out.ok || out.result.values["on_time"] !== onTime) throw new Error(`records_probe disagrees with the oracle: ${JSON.stringify(out.ok ? out.result.values : out.error)}`);
  const input = { cases };
  const evalMs = bestOf(5, () => rule.evaluate(input));
  const decideMs = bestOf(5, () => rule.decide(input));
  const compileMs = bestOf(5, () => compile(readFileSync(join(ROOT, "tests/lang/probes/records-probe.gavel"), "utf8")));
  return [
    "## Language: a list input of 10,000 records (best of 5)",
    "",
    `records_probe (tests/lang/probes/records-probe.gavel) on 10,000 cases: ${fmt(onTime)} on time by the day-by-day oracle, and by gavel.`,
    "",
    "| step | time | per record |",
    "|---|---:|---:|",
    `| compile the rule | ${compileMs.toFixed(2)} ms | |`,
    `| evaluate() one input of 10,000 records, with explanation | ${evalMs.toFixed(1)} ms | ${((evalMs * 1000) / cases.length).toFixed(2)} µs |`,
    `| decide() the same input (the exact evaluator: lists are not on the fast path) | ${decideMs.toFixed(1)} ms | ${((decideMs * 1000) / cases.length).toFixed(2)} µs |`,
  ];
}
