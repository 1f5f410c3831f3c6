import { compile } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { semanticDiffReport } from "./semantic-diff-report";

const vote = (passes: string, comment = "") => `${comment}vote motion "Motion" {\n  quorum: present > 1/2 of entitled\n  passes: ${passes}\n}\n`;
const election = `election seat "Seat" {\n  void: ballots > voters\n  turnout: voters > 1/2 of registered\n  elected: votes > 1/2 of voters\n  runoff: votes >= 1/3 of ballots\n}\n`;
const mod = (source: string) => compile(source, { file: "m.gavel" });

/** Tallies with rosters 0..n, counted one by one: (e, p, y, n, a) with y + n + a ≤ p ≤ e. */
function tallies(n: number): number {
  let total = 0;
  for (let e = 0; e <= n; e++) for (let p = 0; p <= e; p++) for (let no = 0; no <= p; no++) for (let a = 0; a + no <= p; a++) total += p - no - a + 1;
  return total;
}

describe("semanticDiffReport", () => {
  it("counts the tallies a stricter pass condition changes, against a plain count", () => {
    const report = semanticDiffReport(mod(vote("yes > 1/2 of present")), mod(vote("yes >= 2/3 of present")), 12);
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    const [only] = report.rules;
    expect(only?.status).toBe("compared");
    if (only?.status !== "compared" || only.diff.kind !== "vote") throw new Error("not a vote diff");
    let changed = 0;
    for (let e = 0; e <= 12; e++) for (let p = 0; p <= e; p++) for (let no = 0; no <= p; no++) for (let a = 0; a + no <= p; a++) {
      for (let y = 0; y + no + a <= p; y++) if (2 * p > e && 2 * y > p !== 3 * y >= 2 * p) changed++;
    }
    expect(only.diff.tallies).toBe(tallies(12));
    expect(only.diff.changed).toBe(changed);
    expect(only.diff.examples.length).toBeLessThanOrEqual(5);
  });

  it("finds no change when only a comment and the layout differ", () => {
    const report = semanticDiffReport(mod(vote("yes > 1/2 of present")), mod(vote("yes  >  1/2 of present", "# reworded\n")), 10);
    if (!report.ok || report.rules[0]?.status !== "compared") throw new Error("expected a comparison");
    expect(report.rules[0].diff).toMatchObject({ changed: 0, shifts: [], tallies: tallies(10) });
  });

  it("says which text does not compile, and which rules are added, removed or of another kind", () => {
    const broken = semanticDiffReport(mod(vote("yes > 1/2 of present")), mod(vote("yes > ")), 10);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.broken.map((b) => b.side)).toEqual(["new"]);
    const renamed = semanticDiffReport(mod(vote("yes > 1/2 of present") + election), mod(vote("yes > 1/2 of present").replace("motion", "motion2") + election), 5);
    if (!renamed.ok) throw new Error(JSON.stringify(renamed.broken));
    expect(renamed.rules.map((r) => [r.rule, r.status])).toEqual([["motion2", "added"], ["seat", "not-comparable"], ["motion", "removed"]]);
  });

  it("keeps the roster within the editor's limit", () => {
    const report = semanticDiffReport(mod(vote("yes > 1/2 of present")), mod(vote("yes > 1/2 of present")), 5.7);
    if (!report.ok) throw new Error("compiles");
    expect(report.entitledTo).toBe(5);
  });
});
