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
