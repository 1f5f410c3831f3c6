/** Showing the language's exact numbers: as text (exact) and as an approximate length (for drawing only). */

import type { ExactJson, JsonValue } from "@gavel-rules/lang";

/** An exact number or any result value as text: integers as is, fractions as "2/3 (0.6667)". */
export function valueText(value: JsonValue | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return value.den === "1" ? value.num : `${value.num}/${value.den} (${value.decimal})`;
  return String(value);
}

/** An exact number as a float, for the length of a bar; never used to decide anything. */
export function approximate(value: ExactJson | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  return Number(value.num) / Number(value.den);
}
