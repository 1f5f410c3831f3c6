/** The example ballot and subjects files fit the rules they are meant for. */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compile } from "@gavel-rules/lang";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");

interface BallotBody {
  title: string;
  rule: string;
  roster: { id: string; name: string }[];
}

describe("examples/ballots/market-rebuilding.json", () => {
  const body = JSON.parse(read("examples/ballots/market-rebuilding.json")) as BallotBody;

  it("is a ballot creation body for the std major-matter vote with 30+ representatives", () => {
    expect(Object.keys(body).sort()).toEqual(["roster", "rule", "title"]);
    expect(body.title).toMatch(/农贸市场/);
    const std = compile(read("dsl/std/major-matter.gavel"));
    expect(std.rules.map((rule) => rule.name)).toContain(body.rule);
    expect(body.roster.length).toBeGreaterThanOrEqual(30);
    expect(new Set(body.roster.map((member) => member.id)).size).toBe(body.roster.length);
    for (const member of body.roster) {
      expect(Object.keys(member).sort()).toEqual(["id", "name"]);
      expect(member.name.length).toBeGreaterThan(0);
    }
  });
});

describe("examples/subjects/cadre-review.csv", () => {
  const rows = parse(read("examples/subjects/cadre-review.csv"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rule = compile(read("examples/cadre-review.gavel")).rules.find((r) => r.name === "cadre_review");

  it("has an id column, one column per cadre_review input, and 10+ subjects", () => {
    expect(rule).toBeDefined();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const columns = Object.keys(rows[0] ?? {});
    expect(columns[0]).toBe("id");
    expect(columns.slice(1).sort()).toEqual(rule!.inputs.map((input) => input.name).sort());
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it("every subject evaluates to a graded result", () => {
    const grades = new Set<string>();
    for (const { id, ...fields } of rows) {
      const input = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Number(value)]));
      const outcome = rule!.evaluate(input);
      expect(outcome.ok, `subject ${id}: ${outcome.ok ? "" : outcome.error.message}`).toBe(true);
      if (outcome.ok && outcome.result.kind === "scorecard" && outcome.result.grade) grades.add(outcome.result.grade);
    }
    // The sample spans the grades, so a ranked assessment shows differences.
    expect([...grades].sort()).toEqual(["不称职", "优秀", "称职"].sort());
  });
});

describe("examples/subjects/case-resolution.json", () => {
  // Lists of records do not fit a CSV row: a JSON assessment body { rule, subjects: [{ id, input }] } carries them.
  const body = JSON.parse(read("examples/subjects/case-resolution.json")) as { rule: string; subjects: { id: string; input: Record<string, unknown> }[] };
  const rule = compile(read("examples/case-resolution.gavel")).rules.find((r) => r.name === body.rule);

  it("is an assessment body for 限时办结 with one list of cases per subject", () => {
    expect(Object.keys(body).sort()).toEqual(["rule", "subjects"]);
    expect(rule).toBeDefined();
    expect(new Set(body.subjects.map((s) => s.id)).size).toBe(body.subjects.length);
    for (const s of body.subjects) expect(Object.keys(s.input).sort()).toEqual(rule!.inputs.map((i) => i.name).sort());
  });

  it("every subject evaluates; its on-time count is the cases resolved within their limits, counted by hand", () => {
    const grades = new Set<string>();
    for (const { id, input } of body.subjects) {
      const outcome = rule!.evaluate(input);
      expect(outcome.ok, `subject ${id}: ${outcome.ok ? "" : outcome.error.message}`).toBe(true);
      if (!outcome.ok || outcome.result.kind !== "scorecard") continue;
      // The sample avoids holidays: received on a weekday, resolved the same day (on time) or 30 days later (late).
      const cases = input["案件"] as { 受理: string; 办结?: string }[];
      expect(outcome.result.values["按时办结"]).toBe(cases.filter((c) => c.办结 === c.受理).length);
      if (outcome.result.grade) grades.add(outcome.result.grade);
    }
    expect(grades.size).toBeGreaterThanOrEqual(3);
  });
});
