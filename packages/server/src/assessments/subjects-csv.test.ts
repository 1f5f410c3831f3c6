import { compile, type CompiledRule } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { Refusal } from "../refusal.ts";
import { parseSubjectsCsv } from "./subjects-csv.ts";

const source = `scorecard 测评 "测评" {
  input 满意: count "满意票"
  input 比例: ratio "比例"
  input 天数: number "天数"
  input 合格: boolean "合格"
  input 类别: text "类别"
  criterion c "c" max 1 {
    1 when 满意 >= 1
    0 otherwise
  }
}
`;

function rule(): CompiledRule {
  const module = compile(source);
  expect(module.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return module.rules[0]!;
}

describe("subjects from CSV", () => {
  it("types each cell by the rule's input: counts, ratios and percents, decimals, booleans in English or Chinese, text", () => {
    const csv = "\uFEFFid,name,满意,比例,天数,合格,类别\nA1,王建国,42,90%,14.5,是,即办件\nA2,李秀英,7,0.75,15,false,建议件\n";
    expect(parseSubjectsCsv(csv, rule())).toEqual([
      { id: "A1", name: "王建国", input: { 满意: 42, 比例: 0.9, 天数: 14.5, 合格: true, 类别: "即办件" } },
      { id: "A2", name: "李秀英", input: { 满意: 7, 比例: 0.75, 天数: 15, 合格: false, 类别: "建议件" } },
    ]);
  });

  it("names every bad header and cell", () => {
    const csv = "id,满意,比例,天数,合格,额外\nA1,4.5,x,1,也许,9\n,1,1,1,1,1\n";
    try {
      parseSubjectsCsv(csv, rule());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Refusal);
      const problems = (error as Refusal).details as { problems: { row: number; column?: string }[] };
      expect(problems.problems.map((p) => `${p.row}:${p.column}`)).toEqual(["1:类别", "1:额外", "2:满意", "2:比例", "2:合格", "3:id"]);
    }
  });
});

describe("dates in CSV subjects", () => {
  const dated = compile(`scorecard d {\n  input 受理: date\n  input 办结: date?\n  criterion c max 1 {\n    1 when 办结 <= add_workdays(受理, 5)\n    0 otherwise\n  }\n}\n`).rules[0]!;

  it("reads ISO days as text, and an empty cell as an absent optional date", () => {
    expect(parseSubjectsCsv("id,受理,办结\nA1,2026-02-12,2026-02-26\nA2,2026-02-12,\n", dated)).toEqual([
      { id: "A1", input: { 受理: "2026-02-12", 办结: "2026-02-26" } },
      { id: "A2", input: { 受理: "2026-02-12" } },
    ]);
  });

  it("refuses a cell that is not a day, and an empty required date", () => {
    try {
      parseSubjectsCsv("id,受理,办结\nA1,2026/02/12,\nA2,,2026-02-26\n", dated);
      expect.unreachable();
    } catch (error) {
      const problems = (error as Refusal).details as { problems: { row: number; column?: string }[] };
      expect(problems.problems.map((p) => `${p.row}:${p.column}`)).toEqual(["2:受理", "3:受理"]);
    }
  });
});
