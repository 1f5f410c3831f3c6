/** `proxies:` and `write_ins:`: how a rule's settings are written, checked, and read for the meetings that use it. */

import type * as A from "../syntax/index.ts";
import { printExpr } from "../syntax/index.ts";
import { Rational } from "../eval/index.ts";
import { constantValue } from "./constant-folding.ts";
import type { Checker } from "./typing.ts";

/** The words each setting takes after its colon, and the value they give. */
const SETTING_FORMS: Record<A.SettingName, { words: string[]; number: boolean; writeIns?: boolean }[]> = {
  proxies: [{ words: ["at", "most"], number: true }],
  write_ins: [
    { words: ["allowed"], number: false, writeIns: true },
    { words: ["not", "allowed"], number: false, writeIns: false },
  ],
};

/** How each setting is written, for INVALID_SETTING. */
const SETTING_USAGE: Record<A.SettingName, string> = {
  proxies: "proxies: at most N",
  write_ins: "write_ins: allowed",
};

/** The form a setting is written in, or undefined when its words or number do not fit one. */
function settingForm(s: A.SettingDecl): (typeof SETTING_FORMS)[A.SettingName][number] | undefined {
  const words = s.words.map((w) => w.text).join(" ");
  return SETTING_FORMS[s.name].find((f) => f.words.join(" ") === words && f.number === (s.value !== undefined));
}

/** Checks `proxies:` and `write_ins:`: the words, a whole proxy limit of 0 or more, once each, write-ins only in an election. */
export function checkSettings(ck: Checker, decl: A.VoteDecl | A.ElectionDecl | A.RatingDecl): void {
  const seen = new Set<string>();
  for (const s of decl.settings ?? []) {
    if (seen.has(s.name)) ck.error("DUPLICATE_SETTING", { setting: s.name }, s.nameSpan);
    seen.add(s.name);
    if (s.name === "write_ins" && decl.kind !== "election") {
      ck.error("WRITE_INS_NOT_ELECTION", { kind: decl.kind }, s.nameSpan);
      continue;
    }
    if (!settingForm(s)) {
      ck.error("INVALID_SETTING", { setting: s.name, usage: SETTING_USAGE[s.name] }, s.span);
      continue;
    }
    if (s.value) {
      const v = constantValue(s.value);
      if (!v || v.isNegative() || !v.isInteger() || v.cmp(Rational.fromInt(MAX_PROXY_LIMIT)) > 0) {
        ck.error("INVALID_PROXY_LIMIT", { value: printExpr(s.value), max: MAX_PROXY_LIMIT }, s.value.span);
      }
    }
  }
}

/** The most proxies a rule may let one member hold: a meeting's roster is far smaller. */
export const MAX_PROXY_LIMIT = 100;

/** What a checked rule declares for the meetings that use it: its proxy limit (0 when absent) and whether write-ins count. */
export function ruleSettings(decl: A.RuleDecl): { proxies: number; writeIns: boolean } {
  const settings = decl.kind === "scorecard" ? [] : (decl.settings ?? []);
  let proxies = 0;
  let writeIns = false;
  for (const s of settings) {
    const form = settingForm(s);
    if (!form) continue;
    if (s.name === "proxies" && s.value) {
      const v = constantValue(s.value);
      if (v && v.isInteger() && !v.isNegative()) proxies = Number(v.toString());
    } else if (s.name === "write_ins" && decl.kind === "election") writeIns = form.writeIns ?? false;
  }
  return { proxies, writeIns };
}
