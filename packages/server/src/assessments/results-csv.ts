/** Writes ranked assessment results as CSV: rank, id, score, grade, then points and reason per criterion. */

import { stringify } from "csv-stringify/sync";
import type { ExactJson, ScorecardResult } from "@gavel-rules/lang";

/** An exact number for a spreadsheet cell: the integer, or its decimal reading. */
function cell(value: ExactJson): string {
  return typeof value === "number" ? String(value) : value.decimal;
}

/** The CSV export of ranked results (UTF-8 with BOM so spreadsheet programs read Chinese text). */
export function resultsCsv(results: { rank: number; id: string; result: ScorecardResult }[]): string {
  const criteria = results[0]?.result.criteria.map((c) => c.name) ?? [];
  const header = ["rank", "id", "score", "max", "grade", ...criteria.flatMap((name) => [name, `${name}_reason`])];
  const rows = results.map(({ rank, id, result }) => {
    const byName = new Map(result.criteria.map((c) => [c.name, c]));
    return [
      String(rank),
      id,
      cell(result.score),
      cell(result.max),
      result.grade ?? "",
      ...criteria.flatMap((name) => {
        const c = byName.get(name);
        return c ? [cell(c.points), c.reason] : ["", ""];
      }),
    ];
  });
  return "\uFEFF" + stringify([header, ...rows]);
}
