/**
 * Rules whose expressions are chains of thousands of operators, each with an answer computed here
 * by a plain loop (not by the compiler), and one check that runs every path of the language on
 * them: compile, evaluate, decide, format. The tests run it in-process and in fresh processes
 * with a small stack, where any recursion that grows with chain length overflows.
 */

import { compile } from "./compiler.ts";
import { format } from "../tooling/formatter.ts";
import type { EvalOutcome, ExactJson, VoteOutcome } from "../types.ts";

/** The facts every chain rule is evaluated with. */
export const CHAIN_FACTS = { entitled: 100, present: 90, yes: 50, no: 30, abstain: 5 } as const;

/** An exact fraction for the oracle: numerator and positive denominator, not reduced. */
type Fraction = [bigint, bigint];

export interface ChainCase {
  name: string;
  source: string;
  /** The expected value of `let s`, when the rule has one. */
  value?: Fraction;
  outcome: VoteOutcome;
}

const FACT_VALUES: Record<string, bigint> = { ...Object.fromEntries(Object.entries(CHAIN_FACTS).map(([k, v]) => [k, BigInt(v)])), cast: 85n };

function termValue(term: string): Fraction {
  if (term in FACT_VALUES) return [FACT_VALUES[term]!, 1n];
  return [BigInt(term), 1n];
}

function applyOp(op: string, [an, ad]: Fraction, [bn, bd]: Fraction): Fraction {
  switch (op) {
    case "+":
      return [an * bd + bn * ad, ad * bd];
    case "-":
      return [an * bd - bn * ad, ad * bd];
    case "*":
      return [an * bn, ad * bd];
    default:
      return bn < 0n ? [-an * bd, ad * -bn] : [an * bd, ad * bn];
  }
}

/** A left-to-right chain of terms under one precedence level, with its value. */
function flatChain(n: number, terms: string[], ops: string[]): { text: string; value: Fraction } {
  let text = terms[0]!;
  let value = termValue(terms[0]!);
  for (let i = 1; i < n; i++) {
    const op = ops[i % ops.length]!;
    const term = terms[i % terms.length]!;
    text += ` ${op} ${term}`;
    value = applyOp(op, value, termValue(term));
  }
  return { text, value };
}

/** `yes + no * 2 + abstain * 3 * 2 - …`: products inside a sum, evaluated by the oracle as such. */
function mixedChain(n: number): { text: string; value: Fraction } {
  const groups: string[] = [];
  let sum: Fraction = [0n, 1n];
  const factors = ["yes", "2", "no", "3", "abstain"];
  for (let i = 0, g = 0; i < n; g++) {
    const size = Math.min(1 + (g % 3), n - i);
    let product: Fraction = [1n, 1n];
    const parts: string[] = [];
    for (let j = 0; j < size; j++, i++) {
      const f = factors[i % factors.length]!;
      parts.push(f);
      product = applyOp("*", product, termValue(f));
    }
    const sign = g === 0 || g % 4 !== 3 ? "+" : "-";
    groups.push(g === 0 ? parts.join(" * ") : `${sign} ${parts.join(" * ")}`);
    sum = applyOp(sign, sum, product);
  }
  return { text: groups.join(" "), value: sum };
}

function compare(a: Fraction, b: Fraction): number {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
}

function voteWithLet(name: string, chain: { text: string; value: Fraction }, threshold: bigint): ChainCase {
  const passes = compare(chain.value, [threshold, 1n]) > 0;
  return {
    name,
    source: `vote chained {\n  let s = ${chain.text}\n  quorum: present >= 1/2 of entitled\n  passes: s > ${threshold}\n}\n`,
    value: chain.value,
    outcome: passes ? "passed" : "rejected",
  };
}

/** Comparisons joined by one operator; `falseAt` (or `trueAt` for `or`) picks the one that differs. */
function conditionChain(n: number, op: "and" | "or", odd: number): string {
  const holds = ["yes > 0", "no < 31", "present >= yes", "abstain = 5", "cast != 0", "(yes + no) <= present"];
  const fails = ["yes < 0", "no > 31", "present < yes", "abstain = 6", "cast = 0", "(yes + no) > present"];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const usual = op === "and" ? holds : fails;
    const other = op === "and" ? fails : holds;
    parts.push((i === odd ? other : usual)[i % usual.length]!);
  }
  return parts.join(` ${op} `);
}

/** Every chain rule of n terms. */
export function chainCases(n: number): ChainCase[] {
  const plus = flatChain(n, ["yes", "2", "no", "0", "abstain"], ["+"]);
  const minus = flatChain(n, ["entitled", "1", "0", "2"], ["-"]);
  const minusPlus = flatChain(n, ["yes", "1", "no", "3"], ["-", "+", "+"]);
  // Mostly ones so the product stays small; twos and halves keep every step honest.
  const times = flatChain(n, ["1", "2", "1", "1", "2"], ["*", "*", "/", "*"]);
  const mixed = mixedChain(n);
  return [
    voteWithLet(`${n} terms of +`, plus, 10n),
    voteWithLet(`${n} terms of -`, minus, 0n),
    voteWithLet(`${n} terms of - and +`, minusPlus, 0n),
    voteWithLet(`${n} terms of * and /`, times, 1n),
    voteWithLet(`${n} terms of + over *`, mixed, 0n),
    { name: `${n} comparisons joined by and, all true`, source: `vote chained {\n  quorum: ${conditionChain(n, "and", -1)}\n  passes: true\n}\n`, outcome: "passed" },
    { name: `${n} comparisons joined by and, one false`, source: `vote chained {\n  quorum: true\n  passes: ${conditionChain(n, "and", Math.floor(n / 2))}\n}\n`, outcome: "rejected" },
    { name: `${n} comparisons joined by or, one true`, source: `vote chained {\n  quorum: true\n  passes: ${conditionChain(n, "or", n - 1)}\n}\n`, outcome: "passed" },
    { name: `${n} comparisons joined by or, all false`, source: `vote chained {\n  quorum: ${conditionChain(n, "or", -1)}\n  passes: true\n}\n`, outcome: "no_quorum" },
  ];
}

/**
 * The deepest nesting the parser accepts (64 levels, the vote's braces included), with a chain of n terms
 * inside: nesting is the only input that may deepen recursion, and it is bounded.
 */
export function deepestNestingCase(n: number): ChainCase {
  const inner = flatChain(n, ["yes", "2", "no", "3"], ["+", "-", "+"]);
  const nots = 31;
  return {
    name: `${n} terms inside 63 parentheses, and ${nots} nested 'not (…)'`,
    source: `vote nested {\n  let s = ${"(".repeat(63)}${inner.text}${")".repeat(63)}\n  quorum: present >= 1/2 of entitled\n  passes: ${"not (".repeat(nots)}yes > 1${")".repeat(nots)}\n}\n`,
    value: inner.value,
    outcome: nots % 2 === 1 ? "rejected" : "passed",
  };
}

function sameValue(json: ExactJson | undefined, expected: Fraction): boolean {
  if (json === undefined) return false;
  const actual: Fraction = typeof json === "number" ? [BigInt(json), 1n] : [BigInt(json.num), BigInt(json.den)];
  return compare(actual, expected) === 0;
}

/** Runs a chain rule through compile, evaluate, decide and format; returns what went wrong (nothing when all holds). */
export function checkChainCase(c: ChainCase): string[] {
  const problems: string[] = [];
  const module = compile(c.source);
  const errors = module.diagnostics.filter((d) => d.severity === "error");
  if (errors.length || module.rules.length !== 1) return [`does not compile: ${errors.map((d) => d.message).join("; ")}`];
  const rule = module.rules[0]!;
  const evaluated = rule.evaluate(CHAIN_FACTS);
  if (!evaluated.ok) return [`evaluate failed: ${evaluated.error.message}`];
  if (evaluated.result.kind !== "vote") return ["not a vote"];
  if (evaluated.result.outcome !== c.outcome) problems.push(`outcome ${evaluated.result.outcome}, expected ${c.outcome}`);
  if (c.value && !sameValue(evaluated.result.values["s"] as ExactJson, c.value)) problems.push(`s = ${JSON.stringify(evaluated.result.values["s"])}, expected ${c.value[0]}/${c.value[1]}`);
  const decided = rule.decide(CHAIN_FACTS);
  if (!decided.ok || decided.decision.kind !== "vote" || decided.decision.outcome !== c.outcome) problems.push(`decide answered ${JSON.stringify(decided)}`);
  const formatted = format(c.source);
  if (!formatted.ok) return [...problems, `format failed: ${formatted.diagnostics.map((d) => d.message).join("; ")}`];
  const again = format(formatted.text);
  if (!again.ok || again.text !== formatted.text) problems.push("format is not idempotent");
  const reformatted = compile(formatted.text).rules[0]?.evaluate(CHAIN_FACTS);
  // Spans move when the text is reformatted; everything else must stay the same.
  const meaning = (r: EvalOutcome) => (r.ok ? JSON.stringify({ ...r.result, ...("margins" in r.result ? { margins: r.result.margins } : {}), explanation: r.result.explanation.map(({ span: _, ...step }) => step) }) : r.error.message);
  if (!reformatted || meaning(reformatted) !== meaning(evaluated)) problems.push("the formatted rule evaluates differently");
  return problems;
}
