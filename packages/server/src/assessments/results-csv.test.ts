import { parse } from "csv-parse/sync";
import type { ScorecardResult } from "@gavel-rules/lang";
import { describe, expect, it } from "vitest";
import { criteriaNames, CSV_BOM, resultsCsvHeader, resultsCsvRows, safeCell } from "./results-csv.ts";

describe("CSV cells against formula injection (OWASP)", () => {
  it("prefixes a quote to text that a spreadsheet would run, and leaves other text alone", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(safeCell(`${lead}cmd`)).toBe(`'${lead}cmd`);
    for (const text of ["王建国", "a=b", "", "1-2", " =x", "x@y", "a\tb"]) expect(safeCell(text)).toBe(text);
  });
});

/** A scorecard result with just the fields the CSV reads. */
function scorecard(score: ScorecardResult["score"], grade: string | null, criteria: [string, ScorecardResult["score"], string][]): ScorecardResult {
  return {
    rule: "r",
    label: "r",
    kind: "scorecard",
    score,
    max: 10,
    grade,
    criteria: criteria.map(([name, points, reason]) => ({ name, label: name, points, max: 5, reason })),
    values: {},
    explanation: [],
  };
}

describe("results CSV", () => {
  it("round-trips through an RFC 4180 parser: commas, quotes, line breaks and formula leads come back as written, made inert", () => {
    const criteria = ["质量", "a,b"];
    const results = [
      { rank: 1, id: 'S"1"', result: scorecard(9, "A", [["质量", 5, 'said "fine", then\nleft'], ["a,b", 4, "=SUM(A1:A9)"]]) },
      { rank: 2, id: "=cmd|' /C calc'!A0", result: scorecard({ num: "15", den: "2", decimal: "7.5" }, null, [["质量", { num: "7", den: "2", decimal: "3.5" }, "+1\r\nmore"]]) },
      { rank: 3, id: "plain", result: scorecard(0, "-", []) },
    ];
    const text = CSV_BOM + resultsCsvHeader(criteria) + resultsCsvRows(results, criteria);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    // The oracle is csv-parse, an independent RFC 4180 reader; bom: true strips the byte-order mark as spreadsheets do.
    const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(rows).toEqual([
      ["rank", "id", "score", "max", "grade", "质量", "质量_reason", "a,b", "a,b_reason"],
      ["1", 'S"1"', "9", "10", "A", "5", 'said "fine", then\nleft', "4", "'=SUM(A1:A9)"],
      ["2", "'=cmd|' /C calc'!A0", "7.5", "10", "", "3.5", "'+1\r\nmore", "", ""],
      ["3", "plain", "0", "10", "'-", "", "", "", ""],
    ]);
  });

  it("quotes exactly the cells that need it, and writes one line per result", () => {
    expect(resultsCsvHeader([])).toBe("rank,id,score,max,grade\n");
    expect(resultsCsvHeader(["@risk"])).toBe("rank,id,score,max,grade,'@risk,'@risk_reason\n");
    const rows = resultsCsvRows(
      [
        { rank: 1, id: "a b", result: scorecard(1, "B", [["c", 1, 'x"y']]) },
        { rank: 2, id: "c,d", result: scorecard(2, null, [["c", 2, "line\rbreak"]]) },
      ],
      ["c"],
    );
    expect(rows).toBe('1,a b,1,10,B,1,"x""y"\n2,"c,d",2,10,,2,"line\rbreak"\n');
    expect(resultsCsvRows([], ["c"])).toBe("");
  });

  it("names the criteria of a result in order, and none without a result", () => {
    expect(criteriaNames(scorecard(1, null, [["z", 1, ""], ["a", 0, ""]]))).toEqual(["z", "a"]);
    expect(criteriaNames(undefined)).toEqual([]);
  });
});
