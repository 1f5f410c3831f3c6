import fc from "fast-check";
import { assertProperty } from "../test-support/property.ts";
import { describe, expect, it } from "vitest";
import { parse } from "./parser.ts";

const MAJOR = `vote major_matter "要事票决" {
  quorum: present > 2/3 of entitled "实到代表须超过应到代表总数的三分之二"
  passes: yes > 1/2 of entitled
}`;

describe("parse", () => {
  it("builds the AST of a vote with spans", () => {
    const { program, diagnostics } = parse(MAJOR);
    expect(diagnostics).toEqual([]);
    const vote = program.items[0]!;
    expect(vote.kind).toBe("vote");
    if (vote.kind !== "vote") return;
    expect(vote.name).toBe("major_matter");
    expect(vote.label).toBe("要事票决");
    expect(vote.members.map((m) => m.kind === "clause" && m.name)).toEqual(["quorum", "passes"]);
    expect(vote.members[0]!.span).toMatchObject({ line: 2, column: 3 });
  });

  it("accepts Chinese names everywhere", () => {
    const { program, diagnostics } = parse(`scorecard 考核 { input 满意票: count "满意" criterion 测评 max 10 { 10 when 满意票 >= 5 0 otherwise } }`);
    expect(diagnostics).toEqual([]);
    const card = program.items[0]!;
    expect(card.kind === "scorecard" && card.members.map((m) => (m.kind === "grade" || m.kind === "require" ? m.kind : m.name))).toEqual(["满意票", "测评"]);
  });

  it("reports every mistake in a file with several, with line and column", () => {
    const src = `vote a {\n  quorum: present >\n  passes: yes > no\n}\nscorecard b {\n  input x: count\n  criterion c max 10 { 10 when x >= }\n}\ntest "t" { a(entitled: 1 }`;
    const { diagnostics } = parse(src);
    const lines = new Set(diagnostics.map((d) => d.span.line));
    expect(lines.has(3)).toBe(true);
    expect(lines.has(7)).toBe(true);
    expect(lines.has(9)).toBe(true);
    for (const d of diagnostics) expect(d.message).toMatch(/^(Expected|Unexpected)/);
  });

  it("explains a full-width colon typed on a Chinese keyboard", () => {
    const { diagnostics } = parse(`vote a { quorum： true passes: true }`);
    expect(diagnostics[0]).toMatchObject({ code: "UNKNOWN_CHARACTER", span: { line: 1, column: 16 } });
    expect(diagnostics[0]!.message).toContain("':'");
  });

  it("refuses 10,000-deep nesting with a clear error instead of overflowing the stack", () => {
    for (const src of [
      `vote a { quorum: ${"(".repeat(10_000)}true${")".repeat(10_000)} passes: true }`,
      `vote a { quorum: ${"not ".repeat(10_000)}true passes: true }`,
      `vote a { quorum: true passes: yes > ${"-".repeat(10_000)}1 }`,
    ]) {
      const { diagnostics } = parse(src);
      expect(diagnostics.map((d) => d.code)).toContain("NESTING_TOO_DEEP");
    }
  });

  it("reads a '-' at the start of a line as a new band, not a subtraction", () => {
    const { program, diagnostics } = parse(`scorecard s { input x: count criterion c max 10 {\n 10 when x >= 10\n -5 when x < 3\n 0 otherwise } }`);
    expect(diagnostics).toEqual([]);
    const card = program.items[0]!;
    const crit = card.kind === "scorecard" ? card.members[1] : undefined;
    expect(crit?.kind === "criterion" && crit.bands.length).toBe(3);
  });

  it("never throws on arbitrary text (property)", () => {
    assertProperty(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const r = parse(text);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on mutated rule text (property)", () => {
    const tokens = ["vote", "scorecard", "{", "}", "(", ")", "quorum", ":", "passes", ">", "2/3", "of", "entitled", "when", "otherwise", '"x"', "criterion", "max", "10", "grade", "test", "expect", "-", "not", "and", "\n"];
    assertProperty(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 80 }), (parts) => {
        const r = parse(parts.join(" "));
        for (const d of r.diagnostics) expect(d.span.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
