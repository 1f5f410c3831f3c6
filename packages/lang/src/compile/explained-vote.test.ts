/**
 * The generated explained vote against the exact evaluator: the same result JSON, byte for byte (key order included),
 * on every vote of the standard library and on clause shapes written for each comparison and each count, for tallies
 * on, just below and just above each clause's threshold, up to and beyond the fast path's bound; and the same error
 * for input it must refuse.
 */

import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "./compiler.ts";
import { buildVoteExplainer } from "./explained-vote.ts";
import { INPUT_BOUND } from "./fastpath.ts";
import { evaluateExact } from "../eval/index.ts";
import type { RuleInfo } from "../check/index.ts";
import { assertProperty } from "../test-support/property.ts";
import { writtenOutcome } from "../test-support/written.ts";

const STD = new URL("../../../../dsl/std/", import.meta.url);

/** Every vote of the standard library, by file and name. */
function stdVotes(): [string, RuleInfo][] {
  const out: [string, RuleInfo][] = [];
  for (const file of readdirSync(STD).filter((f) => f.endsWith(".gavel"))) {
    const module = compile(readFileSync(new URL(file, STD), "utf8"), { file });
    for (const info of module.analysed.infos.values()) if (info.decl.kind === "vote") out.push([`${file} ${info.decl.name}`, info]);
  }
  return out;
}

/** Clause shapes: each comparison, each count alone on a side, derived cast, constants, negatives, and, or, not. */
const SHAPES: [string, string][] = [
  ["present >= 2/3 of entitled", "yes >= 2/3 of cast"],
  ["present > 1/2 of entitled", "yes > no"],
  ["present = entitled", "no < 1/3 of present"],
  ["entitled <= 2 * present", "abstain <= 2"],
  ["present >= 3", "yes != no"],
  ["true", "not (no > yes)"],
  ["present > 1/2 of entitled and present >= 2", "yes > no and yes >= 1/3 of present"],
  ["present >= 1/2 of entitled or entitled < 3", "2 * yes > present + abstain"],
  ["cast >= 1/2 of entitled", "yes - no >= 3"],
  ["entitled - present < 5", "yes > 50% of present"],
  ["present >= 0", "yes = 2/3 of present"],
  ["0 = 0", "yes >= no + abstain + 1"],
  ["2 * present > 3 - entitled", "yes + no >= 1/2 of present"],
  ["present > 2/3 of entitled", "yes / present > 1/2"],
  ["present >= 7/10 of entitled", "no <= 1/4 of cast"],
];

const shapeVotes: [string, RuleInfo][] = SHAPES.map(([quorum, passes]) => {
  const module = compile(`vote shape {\n  quorum: ${quorum}\n  passes: ${passes}\n}\n`);
  expect(module.diagnostics.filter((d) => d.severity === "error"), `${quorum} / ${passes}`).toEqual([]);
  return [`quorum: ${quorum}; passes: ${passes}`, module.analysed.infos.get("shape")!];
});

const VOTES = [...stdVotes(), ...shapeVotes];

/** Both results as JSON text: the lazy detail rendered, every key in the order the exact evaluator writes it. */
function expectSameResult(info: RuleInfo, explain: (input: unknown) => unknown, input: unknown, context: string): void {
  const expected = evaluateExact(info, input);
  const actual = explain(input);
  expect(JSON.stringify(actual), `${context} on ${JSON.stringify(input)}`).toBe(JSON.stringify(expected));
  // And as values: JSON writes -0 as 0, equality tells them apart. The explained result's margins and explanation
  // are getters, so its values are compared through toJSON, the plain result JSON.stringify writes.
  expect(writtenOutcome(actual as { ok: boolean }), `${context} on ${JSON.stringify(input)}`).toEqual(expected);
}

const explainers = VOTES.map(([name, info]) => ({ name, info, explain: buildVoteExplainer(info) }));

type Tally = { entitled: number; present: number; yes: number; no: number; abstain: number };

/** floor(n × num / den) exactly. */
const fractionOf = (n: number, num: bigint, den: bigint): number => Number((BigInt(n) * num) / den);

function countNear(max: number, around: number[]): fc.Arbitrary<number> {
  const near = around.flatMap((t) => [t - 1, t, t + 1]).map((v) => Math.min(max, Math.max(0, v)));
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...near) }, { weight: 1, arbitrary: fc.integer({ min: 0, max }) });
}

/** Consistent tallies around the shares the clauses above name (1/4, 1/3, 1/2, 2/3, 7/10 of a count), up to past the bound. */
const tally: fc.Arbitrary<Tally> = fc
  .oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 13, max: 1000 }), fc.integer({ min: INPUT_BOUND - 6, max: INPUT_BOUND + 6 }), fc.integer({ min: 1000, max: 2 * INPUT_BOUND }))
  .chain((entitled) => countNear(entitled, [fractionOf(entitled, 2n, 3n), fractionOf(entitled, 1n, 2n), fractionOf(entitled, 7n, 10n), entitled, 3, 7]).map((present) => ({ entitled, present })))
  .chain(({ entitled, present }) =>
    countNear(present, [fractionOf(entitled, 1n, 2n), fractionOf(present, 1n, 2n), fractionOf(present, 2n, 3n), fractionOf(present, 1n, 3n), present, 0]).map((yes) => ({ entitled, present, yes })),
  )
  .chain(({ entitled, present, yes }) =>
    countNear(present - yes, [0, yes, fractionOf(yes, 1n, 2n), fractionOf(present, 1n, 4n), fractionOf(present, 1n, 3n)]).chain((no) =>
      countNear(present - yes - no, [0, 2, fractionOf(yes, 1n, 2n) - no, present - yes - no]).map((abstain) => ({ entitled, present, yes, no, abstain })),
    ),
  );

describe("the explained vote is the exact evaluator's result", () => {
  it("is generated for every vote of the standard library and every clause shape", () => {
    expect(explainers.filter((e) => !e.explain).map((e) => e.name)).toEqual([]);
    expect(explainers.length).toBeGreaterThanOrEqual(SHAPES.length + 6);
  });

  it("on every tally of a roster up to 9", () => {
    for (const { name, info, explain } of explainers) {
      for (let e = 0; e <= 9; e++) for (let p = 0; p <= e; p++) for (let y = 0; y <= p; y++) for (let n = 0; y + n <= p; n++) for (let a = 0; y + n + a <= p; a++) {
        expectSameResult(info, explain!, { entitled: e, present: p, yes: y, no: n, abstain: a }, name);
      }
    }
  });

  it("on tallies at, below and above each threshold, up to twice the fast path's bound (property)", () => {
    assertProperty(
      fc.property(tally, (t) => {
        for (const { name, info, explain } of explainers) expectSameResult(info, explain!, t, name);
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ["a missing count", { entitled: 5, present: 3, yes: 1, no: 1 }],
    ["an unknown name", { entitled: 5, present: 3, yes: 1, no: 1, abstain: 1, proxy: 1 }],
    ["more present than entitled", { entitled: 3, present: 5, yes: 1, no: 1, abstain: 1 }],
    ["more votes than present", { entitled: 5, present: 3, yes: 2, no: 2, abstain: 1 }],
    ["a fraction", { entitled: 5, present: 3, yes: 1.5, no: 1, abstain: 0 }],
    ["a negative count", { entitled: 5, present: 3, yes: -1, no: 1, abstain: 0 }],
    ["a count as text", { entitled: "5", present: 3, yes: 1, no: 1, abstain: 0 }],
    ["counts beyond 2^53", { entitled: 2 ** 60, present: 3, yes: 1, no: 1, abstain: 0 }],
    ["the largest safe roster", { entitled: Number.MAX_SAFE_INTEGER, present: Number.MAX_SAFE_INTEGER - 1, yes: 6004799503160661, no: 1, abstain: 0 }],
    ["no object", null],
    ["a list", [1, 2, 3]],
  ])("gives the same answer for %s", (_what, input) => {
    for (const { name, info, explain } of explainers) expectSameResult(info, explain!, input, name);
  });

  it("renders a step's text only when it is read, and keeps one that is written", () => {
    const { info, explain } = explainers.find((e) => e.name.startsWith("major-matter.gavel"))!;
    const result = explain!({ entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 }) as { ok: true; result: { explanation: { detail: string }[] } };
    expect(result.result.explanation.map((s) => s.detail)).toEqual(["21 > 2/3 × 30 = 20 → true", "16 > 1/2 × 30 = 15 → true"]);
    result.result.explanation[0]!.detail = "written";
    expect(result.result.explanation[0]!.detail).toBe("written");
    expect(JSON.parse(JSON.stringify(result)).result.explanation[0].detail).toBe("written");
    expect(info.decl.kind).toBe("vote");
  });

  it("computes each result's margins and explanation from its own tally, however late they are read", () => {
    const { info, explain } = explainers.find((e) => e.name.startsWith("major-matter.gavel"))!;
    const tallies = [
      { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 },
      { entitled: 31, present: 20, yes: 15, no: 5, abstain: 0 },
      { entitled: 7, present: 5, yes: 3, no: 1, abstain: 1 },
    ];
    const results = tallies.map((t) => explain!(t) as { ok: true; result: { margins: unknown; explanation: unknown } });
    // Read last to first, after every evaluation: nothing is shared between results.
    for (let i = tallies.length - 1; i >= 0; i--) {
      const exact = evaluateExact(info, tallies[i]) as { ok: true; result: { margins: unknown; explanation: unknown } };
      expect(results[i]!.result.explanation).toEqual(exact.result.explanation);
      expect(results[i]!.result.margins).toEqual(exact.result.margins);
      expect(JSON.stringify(results[i])).toBe(JSON.stringify(exact));
    }
  });

  it("leaves votes with lets or requirements to the exact evaluator", () => {
    const module = compile("vote v {\n  let half = 1/2 of entitled\n  quorum: present > half\n  passes: yes > no\n}\n");
    expect(buildVoteExplainer(module.analysed.infos.get("v")!)).toBeUndefined();
  });
});
