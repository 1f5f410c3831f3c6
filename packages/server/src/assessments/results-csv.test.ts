import { describe, expect, it } from "vitest";
import { safeCell } from "./results-csv.ts";

describe("CSV cells against formula injection (OWASP)", () => {
  it("prefixes a quote to text that a spreadsheet would run, and leaves other text alone", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(safeCell(`${lead}cmd`)).toBe(`'${lead}cmd`);
    for (const text of ["王建国", "a=b", "", "1-2", " =x"]) expect(safeCell(text)).toBe(text);
  });
});
