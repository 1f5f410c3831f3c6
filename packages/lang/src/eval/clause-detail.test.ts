/**
 * The planned detail text against the interpreter's (voteClauseDetails): the same text for every covered clause at
 * every tally of a small roster and at large ones, decimals of up to six places and fractions beyond them, negative
 * values; undefined where the plan does not reach.
 */

import { describe, expect, it } from "vitest";
import { VOTE_FACTS } from "../check/index.ts";
import { compile } from "../compile/compiler.ts";
import { planDetail } from "./clause-detail.ts";
import { voteClauseDetails } from "./evaluator.ts";

function voteOf(quorum: string, passes = "yes > no") {
  const module = compile(`vote v {\n  quorum: ${quorum}\n  passes: ${passes}\n}\n`);
  expect(module.diagnostics.filter((d) => d.severity === "error"), quorum).toEqual([]);
  const info = module.analysed.infos.get("v")!;
  const expr = (info.decl.members[0] as { expr: Parameters<typeof planDetail>[0] }).expr;
  return { info, expr };
}

const tally = (entitled: number, present: number, yes: number, no: number, abstain: number) => [entitled, present, yes, no, abstain, yes + no + abstain];

describe("a clause's planned detail", () => {
  it.each([
    ["present > 2/3 of entitled", tally(30, 21, 0, 0, 0), "21 > 2/3 × 30 = 20 → true"],
    ["present > 2/3 of entitled", tally(31, 21, 0, 0, 0), "21 > 2/3 × 31 = 62/3 → true"],
    ["present > 1/2 of entitled", tally(147, 84, 0, 0, 0), "84 > 1/2 × 147 = 73.5 → true"],
    ["present >= 1/64 of entitled", tally(1, 0, 0, 0, 0), "0 >= 1/64 × 1 = 0.015625 → false"],
    ["present >= 1/128 of entitled", tally(1, 0, 0, 0, 0), "0 >= 1/128 × 1 = 1/128 → false"],
    ["1/4 of present - entitled > -5", tally(10, 7, 0, 0, 0), "1/4 × 7 - 10 = -8.25 > -5 = -5 → false"],
    ["present > 0 and (yes > no or not (abstain >= 1))", tally(5, 3, 1, 1, 1), "(3 > 0 → true) and ((1 > 1 → false) or (not (1 >= 1 → true) → false) → false) → false"],
    ["true", tally(5, 3, 1, 1, 1), "true"],
    ["2 * (present + 1) >= entitled", tally(9, 4, 0, 0, 0), "2 × (4 + 1) = 10 >= 9 → true"],
  ])("%s at %j: %s", (quorum, counts, text) => {
    const { info, expr } = voteOf(quorum);
    expect(voteClauseDetails(info, counts)[0]).toBe(text);
    expect(planDetail(expr, VOTE_FACTS)!(counts)).toBe(text);
  });

  it.each([
    ["a function", "present >= max(1, 1/2 of entitled)"],
    ["a let", "present > half"],
  ])("is not planned for %s", (_what, quorum) => {
    const module = compile(`vote v {\n  let half = 1/2 of entitled\n  quorum: ${quorum}\n  passes: yes > no\n}\n`);
    const decl = module.analysed.infos.get("v")!.decl;
    const clause = decl.members.find((m) => m.kind === "clause")! as { expr: Parameters<typeof planDetail>[0] };
    expect(planDetail(clause.expr, VOTE_FACTS)).toBeUndefined();
  });

  it("answers undefined where a value leaves the safe integers or divides by zero", () => {
    expect(planDetail(voteOf("present * entitled * entitled > 1").expr, VOTE_FACTS)!(tally(2 ** 20, 2 ** 20, 0, 0, 0))).toBeUndefined();
    expect(planDetail(voteOf("yes / present > 1/2").expr, VOTE_FACTS)!(tally(3, 0, 0, 0, 0))).toBeUndefined();
  });

  it("writes the interpreter's text for every tally of a roster up to 8, on each shape", () => {
    const shapes = ["present >= 2/3 of entitled", "present > 3/7 of entitled + 1/3", "yes >= 5/8 of cast", "yes / present > 1/2", "not (no > yes) and abstain <= 1/3 of present", "yes = no or abstain != 1/2 of present"];
    for (const quorum of shapes) {
      const { info, expr } = voteOf(quorum);
      const plan = planDetail(expr, VOTE_FACTS)!;
      for (let e = 0; e <= 8; e++) for (let p = 0; p <= e; p++) for (let y = 0; y <= p; y++) for (let n = 0; y + n <= p; n++) for (let a = 0; y + n + a <= p; a++) {
        const counts = tally(e, p, y, n, a);
        const planned = plan(counts);
        // A zero divisor is the interpreter's to report: the plan steps aside.
        if (planned === undefined) expect(() => voteClauseDetails(info, counts), `${quorum} at ${counts}`).toThrow();
        else expect(planned, `${quorum} at ${counts}`).toBe(voteClauseDetails(info, counts)[0]);
      }
    }
  });
});
