/** Writes ranked assessment results as CSV: rank, id, score, grade, then points and reason per criterion. */

import type { ExactJson, ScorecardResult } from "@gavel-rules/lang";

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"), including tab and carriage return leads. */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV line (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled). */
export function csvLine(cells: string[]): string {
  return cells.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",") + "\n";
}

/** A text cell made inert for spreadsheets: a leading `'` when it would start a formula (OWASP). */
export function safeCell(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/** An exact number for a spreadsheet cell: the integer, or its decimal reading (numbers are ours, never formulas). */
function numberCell(value: ExactJson): string {
  return typeof value === "number" ? String(value) : value.decimal;
}

/** The byte-order mark that makes spreadsheet programs read the CSV as UTF-8 (Chinese text). */
export const CSV_BOM = "\uFEFF";

/** The criterion names of a result, in order: they name the CSV's per-criterion columns. */
export function criteriaNames(result: ScorecardResult | undefined): string[] {
  return result?.criteria.map((c) => c.name) ?? [];
}

/** The header line of the results CSV. */
export function resultsCsvHeader(criteria: string[]): string {
  return csvLine(["rank", "id", "score", "max", "grade", ...criteria.flatMap((name) => [name, `${name}_reason`]).map(safeCell)]);
}

/** CSV lines for ranked results, in the columns of `resultsCsvHeader(criteria)`; text cells escaped against formulas. */
export function resultsCsvRows(results: { rank: number; id: string; result: ScorecardResult }[], criteria: string[]): string {
  const lines = results.map(({ rank, id, result }) => {
    const byName = new Map(result.criteria.map((c) => [c.name, c]));
    return csvLine([
      String(rank),
      safeCell(id),
      numberCell(result.score),
      numberCell(result.max),
      safeCell(result.grade ?? ""),
      ...criteria.flatMap((name) => {
        const c = byName.get(name);
        return c ? [numberCell(c.points), safeCell(c.reason)] : ["", ""];
      }),
    ]);
  });
  return lines.join("");
}
