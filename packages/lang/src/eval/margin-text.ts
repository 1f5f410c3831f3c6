/** Margins and ratios in words, English and Chinese: "16 yes needed, 15 cast: short by 1" / "需赞成16票，实得15票，差1票". */

import type { ClauseMargin, ExactJson } from "../types.ts";

export type TextLocale = "en" | "zh";

/** How a count is said: its Chinese name and whether it counts people (人) or votes (票). */
const ZH_COUNTS: Record<string, { name: string; unit: "人" | "票" }> = {
  entitled: { name: "应到", unit: "人" },
  present: { name: "实到", unit: "人" },
  yes: { name: "赞成", unit: "票" },
  no: { name: "反对", unit: "票" },
  abstain: { name: "弃权", unit: "票" },
  cast: { name: "投票", unit: "票" },
  registered: { name: "登记选民", unit: "人" },
  voters: { name: "参加投票", unit: "人" },
  ballots: { name: "收回选票", unit: "票" },
  invalid: { name: "无效票", unit: "票" },
  valid: { name: "有效票", unit: "票" },
  votes: { name: "得票", unit: "票" },
  seats: { name: "应选名额", unit: "人" },
};

/** What the actual count is called after the number in English: "15 cast", "25 present". */
const EN_ACTUAL: Record<string, string> = { yes: "cast", no: "cast", abstain: "cast", votes: "received" };

/** One sentence for a clause's margin, or undefined when the clause has none. */
export function marginSentence(m: ClauseMargin, locale: TextLocale = "en"): string | undefined {
  if (m.count === null || m.actual === null) return undefined;
  return locale === "zh" ? zhSentence(m, m.count, m.actual) : enSentence(m, m.count, m.actual);
}

function enSentence(m: ClauseMargin, count: string, actual: number): string {
  const got = `${actual} ${EN_ACTUAL[count] ?? count}`;
  if (m.needed === null) {
    const max = m.range?.max;
    return `no number of ${count}${max === null || max === undefined ? "" : ` up to ${max}`} meets it (${got})`;
  }
  const margin = m.margin;
  if (m.bound === "at_most") {
    return `at most ${m.needed} ${count} allowed, ${got}: ${margin === null ? "" : margin >= 0 ? `${margin} to spare` : `over by ${-margin}`}`;
  }
  if (m.bound === "exactly") {
    return `exactly ${m.needed} ${count} needed, ${got}: ${margin === 0 ? "met" : margin !== null && margin > 0 ? `over by ${margin}` : `short by ${-(margin ?? 0)}`}`;
  }
  const head = `${m.needed} ${count} needed, ${got}`;
  if (margin === null) return `${head} (the clause holds only for some counts from ${m.needed} on)`;
  return `${head}: ${margin > 0 ? `${margin} to spare` : margin === 0 ? "exactly enough" : `short by ${-margin}`}`;
}

function zhSentence(m: ClauseMargin, count: string, actual: number): string {
  const { name, unit } = ZH_COUNTS[count] ?? { name: count, unit: "" };
  const got = unit === "人" ? `${name}${actual}人` : `实得${actual}${unit}`;
  if (m.needed === null) {
    const max = m.range?.max;
    return `${name}在${max === null || max === undefined ? "任何人数" : `0至${max}${unit}之间`}都不能满足（${got}）`;
  }
  const margin = m.margin;
  if (m.bound === "at_most") {
    return `至多${name}${m.needed}${unit}，${got}，${margin === null ? "" : margin >= 0 ? `尚余${margin}${unit}` : `超出${-margin}${unit}`}`;
  }
  if (m.bound === "exactly") {
    return `须恰好${name}${m.needed}${unit}，${got}，${margin === 0 ? "恰好满足" : margin !== null && margin > 0 ? `多${margin}${unit}` : `差${-(margin ?? 0)}${unit}`}`;
  }
  const head = `需${name}${m.needed}${unit}，${got}`;
  if (margin === null) return `${head}（仅部分人数满足）`;
  return `${head}，${margin > 0 ? `多${margin}${unit}` : margin === 0 ? "恰好达到" : `差${-margin}${unit}`}`;
}

/** A share as a percentage with the exact fraction beside it: "81.99% (12299/15000)"; whole numbers as they are. */
export function percentText(v: ExactJson): string {
  if (typeof v === "number") return v === 0 || v === 1 ? `${v * 100}% (${v})` : String(v);
  const num = BigInt(v.num);
  const den = BigInt(v.den);
  // Percent to two places, rounded half away from zero, in integers.
  const scaled = num * 10000n;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const q = (abs * 2n + den) / (den * 2n);
  const whole = q / 100n;
  const frac = (q % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}% (${v.num}/${v.den})`;
}
