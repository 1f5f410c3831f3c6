import { getDocumentSymbols } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { symbolPathAt } from "./symbol-path";

const SOURCE = `scorecard 考核 "年度考核" {
  input 天数: number "培训天数"
  let 够 = 天数 >= 15
  criterion 培训 max 10 {
    10 when 够
     0 otherwise
  }
}

test "够了" {
  考核(天数: 20)
    expect score = 10
}
`;

const path = (needle: string, delta = 0) => symbolPathAt(getDocumentSymbols(SOURCE), SOURCE.indexOf(needle) + delta).map((s) => `${s.kind}:${s.name}`);

describe("the breadcrumbs' path at a cursor", () => {
  it("is rule › member inside a member, the rule alone between members, a test alone in a test", () => {
    expect(path("10 when")).toEqual(["scorecard:考核", "criterion:培训"]);
    expect(path("天数 >= 15")).toEqual(["scorecard:考核", "let:够"]);
    // Right after a member's last character still counts as in it, as in VS Code; the next line's indent does not.
    expect(path("\n  let")).toEqual(["scorecard:考核", "input:天数"]);
    expect(path("\n  let", 2)).toEqual(["scorecard:考核"]);
    expect(path("expect score")).toEqual(["test:够了"]);
  });

  it("is empty outside every rule and test", () => {
    expect(path("\n\ntest", 1)).toEqual([]);
  });
});
