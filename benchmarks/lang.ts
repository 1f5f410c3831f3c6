/** Language benchmarks: compile time by file size, evaluations per second against hand-written TypeScript. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type CompiledRule } from "@gavel/lang";
import { ROOT, resolveImport } from "../tests/lang/rule-files";
import { generatedRuleFile } from "./scaling";
import { seededRandom } from "./workloads";

function bestOf<T>(runs: number, fn: () => T): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

type Vote = { entitled: number; present: number; yes: number; no: number; abstain: number };
type Cadre = Record<"training_days" | "talk_half_years" | "leader_visit_months" | "rep_visit_quarters" | "satisfied" | "basically" | "unsatisfied", number>;

function votes(n: number): Vote[] {
  const rnd = seededRandom(1);
  const out: Vote[] = [];
  for (let i = 0; i < n; i++) {
    const entitled = Math.floor(rnd() * 200);
    const present = Math.floor(rnd() * (entitled + 1));
    const yes = Math.floor(rnd() * (present + 1));
    const no = Math.floor(rnd() * (present - yes + 1));
    const abstain = Math.floor(rnd() * (present - yes - no + 1));
    out.push({ entitled, present, yes, no, abstain });
  }
  return out;
}

function cadres(n: number): Cadre[] {
  const rnd = seededRandom(2);
  const int = (k: number) => Math.floor(rnd() * k);
  const out: Cadre[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ training_days: int(25), talk_half_years: int(3), leader_visit_months: int(13), rep_visit_quarters: int(5), satisfied: int(60) + 1, basically: int(20), unsatisfied: int(20) });
  }
  return out;
}

/** The major-matter vote as a developer would write it by hand: integer cross-multiplication. */
export function majorMatterByHand(v: Vote): "passed" | "rejected" | "no_quorum" {
  if (!(v.present * 3 > v.entitled * 2)) return "no_quorum";
  return v.yes * 2 > v.entitled ? "passed" : "rejected";
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

/** The annual cadre review (examples/cadre-review.gavel) written by hand. */
export function cadreReviewByHand(c: Cadre): { score: number; grade: string } {
  const ballots = c.satisfied + c.basically + c.unsatisfied;
  if (ballots === 0) throw new Error("no ballots");
  const approved = c.satisfied + c.basically;
  const training = c.training_days >= 15 ? 10 : c.training_days >= 10 ? 6 : 0;
  const talks = c.talk_half_years === 2 ? 10 : c.talk_half_years === 1 ? 5 : 0;
  const leader = c.leader_visit_months === 12 ? 20 : c.leader_visit_months >= 9 ? 10 : 0;
  const reps = c.rep_visit_quarters === 4 ? 20 : c.rep_visit_quarters === 3 ? 10 : 0;
  const evaluation = approved * 10 >= ballots * 9 ? 40 : approved * 4 >= ballots * 3 ? 25 : 0;
  const score = training + talks + leader + reps + evaluation;
  const grade = evaluation === 0 ? "不称职" : score >= 90 ? "优秀" : score >= 60 ? "称职" : "不称职";
  return { score, grade };
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
  const vs = votes(100_000);
  const cs = cadres(100_000);
  // Same answers first: a fast wrong engine is no benchmark.
  for (const v of vs) {
    const d = major.decide(v);
    if (!d.ok || d.decision.kind !== "vote" || d.decision.outcome !== majorMatterByHand(v)) throw new Error(`major_matter disagrees on ${JSON.stringify(v)}`);
  }
  for (const c of cs) {
    const d = cadre.decide(c);
    const h = cadreReviewByHand(c);
    if (!d.ok || d.decision.kind !== "scorecard" || d.decision.score !== h.score || d.decision.grade !== h.grade) throw new Error(`cadre_review disagrees on ${JSON.stringify(c)}`);
  }
  out.push("", "## Language: evaluations per second (100,000 records, best of 5, one process)", "", "| workload | hand-written TS | gavel decide() | ratio | gavel evaluate() with explanation |", "|---|---:|---:|---:|---:|");
  const checked = throughput(vs, majorMatterByHandChecked as (r: never) => unknown);
  const rows: [string, unknown[], (r: never) => unknown, CompiledRule][] = [
    ["major-matter vote", vs, majorMatterByHand as (r: never) => unknown, major],
    ["annual cadre review", cs, cadreReviewByHand as (r: never) => unknown, cadre],
  ];
  for (const [name, records, byHand, rule] of rows) {
    const hand = throughput(records, byHand);
    const fast = throughput(records, (r) => rule.decide(r).ok);
    const full = throughput(records, (r) => rule.evaluate(r).ok);
    out.push(`| ${name} | ${fmt(hand)} | ${fmt(fast)} | ${(fast / hand).toFixed(2)}× | ${fmt(full)} |`);
    if (byHand === (majorMatterByHand as unknown)) {
      out.push(`| ${name}, hand-written with gavel's input checks | ${fmt(checked)} | ${fmt(fast)} | ${(fast / checked).toFixed(2)}× | |`);
    }
  }
  out.push("", "The hand-written baselines do no input validation unless the row says so; gavel's `decide()` checks that the input holds exactly the declared names with whole, in-range, consistent values (and hands anything else to the exact evaluator).");
  return out.join("\n");
}
