/** Showing the language's exact numbers: as text (rounded for reading, exact on hover) and as a length for drawing. */

import type { ExactJson, JsonValue } from "@gavel-rules/lang";

/** Decimal places shown for a fraction; the exact value is in exactText. */
const SHOWN_DECIMALS = 2;

/** A result value as text: integers as is, fractions rounded half away from zero to two decimals (12299/150 → "81.99"). */
export function valueText(value: JsonValue | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return value.den === "1" ? value.num : roundedDecimal(BigInt(value.num), BigInt(value.den), SHOWN_DECIMALS);
  return String(value);
}

/** The exact fraction behind a rounded value ("12299/150"), or "" when the text already is exact. */
export function exactText(value: JsonValue | null | undefined): string {
  if (value === null || value === undefined || typeof value !== "object" || value.den === "1") return "";
  return `${value.num}/${value.den}`;
}

/** num/den rounded half away from zero to `places` decimals, computed on bigints (no float in between). */
export function roundedDecimal(num: bigint, den: bigint, places: number): string {
  if (den < 0n) return roundedDecimal(-num, -den, places);
  const negative = num < 0n;
  const scale = 10n ** BigInt(places);
  const magnitude = negative ? -num : num;
  const scaled = (magnitude * scale * 2n + den) / (den * 2n);
  const whole = (scaled / scale).toString();
  const fraction = places > 0 ? `.${(scaled % scale).toString().padStart(places, "0")}` : "";
  return `${negative && scaled !== 0n ? "-" : ""}${whole}${fraction}`;
}

/**
 * A ratio typed by a person: "0.85", ".85" or "85%" (also "85.5 %"), as the JSON number the evaluator takes; null when
 * it is not a number. The percent is shifted in the decimal text, so "85.5%" is exactly 0.855, not 85.5 / 100.
 */
export function parseRatio(raw: string): number | null {
  const text = raw.trim();
  const percent = /^([+-]?)(\d*)(?:\.(\d*))?\s*%$/.exec(text);
  if (percent) {
    const [, sign = "", whole = "", fraction = ""] = percent;
    if (whole === "" && fraction === "") return null;
    const digits = (whole + fraction).replace(/^0+(?=\d)/, "") || "0";
    const point = digits.length - fraction.length - 2;
    const shifted = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
    return Number(`${sign}${shifted}`);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** An exact number as a float, for the length of a bar; never used to decide anything. */
export function approximate(value: ExactJson | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  return Number(value.num) / Number(value.den);
}
