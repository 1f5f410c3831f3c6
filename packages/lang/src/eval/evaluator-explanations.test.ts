/**
 * Whole results of the exact evaluator (outcome, facts, values, criteria, reasons, and every explanation step with its
 * substituted detail) for a vote and a scorecard that use each construct. Each expected result was worked out and
 * checked by hand from the rule text; the arithmetic is in the details themselves. The vote's margins: quorum
 * present > 20 needs 21 present; passes yes > 1/2 of (yes + no) is yes > no, so it needs no + 1 yes.
 */

import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import type { CompiledRule } from "../types.ts";
import { writtenOutcome } from "../test-support/written.ts";

function rule(src: string): CompiledRule {
  const m = compile(src);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return m.rules[0]!;
}

const RULES: Record<string, CompiledRule> = {
  card: rule(`scorecard s "卡" {
  input n: number min 1 max 5
  input k: text one of "甲", "乙"
  input f: boolean
  input c: count
  let half = c / 2
  let big = half > 1 and f
  let name = k
  require not (n > 4) "n 最多 4"
  criterion a "甲项" max 10 { 10 when n >= 3 and k = "甲" 5 when -c + 10 > 2/3 of c or big 0 otherwise "不够" }
  criterion b max 3 { 2.5 when min(n, c) = max(1, c) 0 otherwise }
  grade { "好" when score >= 10 and a != 0 "中" when score > 5 "差" otherwise }
}`),
  // Constant sides (2/3, 1 + 1), a boolean compared, `*` shown as ×, and reasons listing every condition tried.
  bands: rule(`scorecard t {
  input a: count max 10
  input f: boolean
  let x = a * 2
  criterion c max 5 { 5 when a >= 2/3 and f = true 3 when a > 1 + 1 0 otherwise }
  criterion d max 5 { 5 when x > 18 4 when x > 16 0 otherwise }
}`),
  // `<` on numbers, `!=` on texts, `not` in a reason, and a criterion that is only `otherwise` (its reason today reads
  // "no band matched: " with nothing after it: pinned as it is, worth rewording).
  less: rule(`scorecard u {
  input a: count max 10
  input k: text
  criterion c max 5 { 5 when a < 3 and k != "乙" 2 when not (a < 5) 0 otherwise }
  criterion d max 10 { a otherwise }
}`),
  // max() whose first argument is the larger, `!=` between equal texts, a constant side ending in `/`, a bare `true`.
  maxed: rule(`scorecard w {
  input a: count max 10
  input k: text
  criterion c max 10 { max(a, 2) when k != "乙" and a > (1 + 1) / 3 1 when true 0 otherwise }
}`),
  vote: rule(`vote v "表决" { let valid = yes + no require valid <= present quorum: present > 2/3 of entitled passes: yes > 1/2 of valid }`),
};

const RESULTS: [string, Record<string, unknown>, unknown][] = [
  ["card", {"n": 3, "k": "甲", "f": true, "c": 2}, {"rule": "s", "label": "卡", "kind": "scorecard", "score": {"num": "25", "den": "2", "decimal": "12.5"}, "max": 13, "grade": "好", "criteria": [{"name": "a", "label": "甲项", "points": 10, "max": 10, "reason": "n >= 3 and k = \"甲\" (3 >= 3 and \"甲\" = \"甲\")"}, {"name": "b", "label": "b", "points": {"num": "5", "den": "2", "decimal": "2.5"}, "max": 3, "reason": "min(n, c) = max(1, c) (min(3, 2) = max(1, 2))"}], "values": {"half": 1, "big": false, "name": "甲"}, "explanation": [{"clause": "half", "text": "half = c / 2", "detail": "2 / 2 = 1", "result": 1, "span": {"line": 6, "column": 3}}, {"clause": "big", "text": "big = half > 1 and f", "detail": "1 > 1 and true = false", "result": false, "span": {"line": 7, "column": 3}}, {"clause": "name", "text": "name = k", "detail": "\"甲\"", "result": "甲", "span": {"line": 8, "column": 3}}, {"clause": "require", "text": "require not (n > 4)", "detail": "not (3 > 4 → false) → true", "result": true, "span": {"line": 9, "column": 3}}, {"clause": "a", "text": "10 when n >= 3 and k = \"甲\"", "detail": "(3 >= 3 → true) and (\"甲\" = \"甲\" → true) → true → 10 points", "result": 10, "span": {"line": 10, "column": 29}}, {"clause": "b", "text": "2.5 when min(n, c) = max(1, c)", "detail": "min(3, 2) = 2 = max(1, 2) = 2 → true → 2.5 points", "result": {"num": "5", "den": "2", "decimal": "2.5"}, "span": {"line": 11, "column": 23}}, {"clause": "grade", "text": "\"好\" when score >= 10 and a != 0", "detail": "(12.5 >= 10 → true) and (10 != 0 → true) → true", "result": "好", "span": {"line": 12, "column": 11}}]}],
  ["card", {"n": 2, "k": "乙", "f": false, "c": 6}, {"rule": "s", "label": "卡", "kind": "scorecard", "score": 0, "max": 13, "grade": "差", "criteria": [{"name": "a", "label": "甲项", "points": 0, "max": 10, "reason": "不够"}, {"name": "b", "label": "b", "points": 0, "max": 3, "reason": "no band matched: min(2, 6) = 2 = max(1, 6) = 6 → false"}], "values": {"half": 3, "big": false, "name": "乙"}, "explanation": [{"clause": "half", "text": "half = c / 2", "detail": "6 / 2 = 3", "result": 3, "span": {"line": 6, "column": 3}}, {"clause": "big", "text": "big = half > 1 and f", "detail": "3 > 1 and false = false", "result": false, "span": {"line": 7, "column": 3}}, {"clause": "name", "text": "name = k", "detail": "\"乙\"", "result": "乙", "span": {"line": 8, "column": 3}}, {"clause": "require", "text": "require not (n > 4)", "detail": "not (2 > 4 → false) → true", "result": true, "span": {"line": 9, "column": 3}}, {"clause": "a", "text": "0 otherwise", "detail": "(2 >= 3 → false) and (\"乙\" = \"甲\" → false) → false; (-6 + 10 = 4 > 2/3 × 6 = 4 → false) or (false → false) → false; otherwise → 0 points", "result": 0, "span": {"line": 10, "column": 89}}, {"clause": "b", "text": "0 otherwise", "detail": "min(2, 6) = 2 = max(1, 6) = 6 → false; otherwise → 0 points", "result": 0, "span": {"line": 11, "column": 54}}, {"clause": "grade", "text": "\"差\" otherwise", "detail": "(0 >= 10 → false) and (0 != 0 → false) → false; 0 > 5 → false; otherwise", "result": "差", "span": {"line": 12, "column": 62}}]}],
  ["card", {"n": 1.5, "k": "乙", "f": true, "c": 4}, {"rule": "s", "label": "卡", "kind": "scorecard", "score": 5, "max": 13, "grade": "差", "criteria": [{"name": "a", "label": "甲项", "points": 5, "max": 10, "reason": "-c + 10 > 2/3 of c or big (-4 + 10 > 2/3 × 4 or true)"}, {"name": "b", "label": "b", "points": 0, "max": 3, "reason": "no band matched: min(1.5, 4) = 1.5 = max(1, 4) = 4 → false"}], "values": {"half": 2, "big": true, "name": "乙"}, "explanation": [{"clause": "half", "text": "half = c / 2", "detail": "4 / 2 = 2", "result": 2, "span": {"line": 6, "column": 3}}, {"clause": "big", "text": "big = half > 1 and f", "detail": "2 > 1 and true = true", "result": true, "span": {"line": 7, "column": 3}}, {"clause": "name", "text": "name = k", "detail": "\"乙\"", "result": "乙", "span": {"line": 8, "column": 3}}, {"clause": "require", "text": "require not (n > 4)", "detail": "not (1.5 > 4 → false) → true", "result": true, "span": {"line": 9, "column": 3}}, {"clause": "a", "text": "5 when -c + 10 > 2/3 of c or big", "detail": "(-4 + 10 = 6 > 2/3 × 4 = 8/3 → true) or (true → true) → true → 5 points", "result": 5, "span": {"line": 10, "column": 56}}, {"clause": "b", "text": "0 otherwise", "detail": "min(1.5, 4) = 1.5 = max(1, 4) = 4 → false; otherwise → 0 points", "result": 0, "span": {"line": 11, "column": 54}}, {"clause": "grade", "text": "\"差\" otherwise", "detail": "(5 >= 10 → false) and (5 != 0 → true) → false; 5 > 5 → false; otherwise", "result": "差", "span": {"line": 12, "column": 62}}]}],
  ["vote", {"entitled": 30, "present": 21, "yes": 11, "no": 9, "abstain": 1}, {"rule": "v", "label": "表决", "kind": "vote", "outcome": "passed", "facts": {"entitled": 30, "present": 21, "yes": 11, "no": 9, "abstain": 1, "cast": 21}, "values": {"valid": 20, "quorum": true, "passes": true}, "margins": {"quorum": {"count": "present", "actual": 21, "needed": 21, "margin": 0, "bound": "at_least", "range": {"min": 0, "max": 30}}, "passes": {"count": "yes", "actual": 11, "needed": 10, "margin": 1, "bound": "at_least", "range": {"min": 0, "max": 21}}}, "explanation": [{"clause": "valid", "text": "valid = yes + no", "detail": "11 + 9 = 20", "result": 20, "span": {"line": 1, "column": 15}}, {"clause": "require", "text": "require valid <= present", "detail": "20 <= 21 → true", "result": true, "span": {"line": 1, "column": 36}}, {"clause": "quorum", "text": "present > 2/3 of entitled", "detail": "21 > 2/3 × 30 = 20 → true", "result": true, "span": {"line": 1, "column": 61}, "needed": 21, "margin": 0}, {"clause": "passes", "text": "yes > 1/2 of valid", "detail": "11 > 1/2 × 20 = 10 → true", "result": true, "span": {"line": 1, "column": 95}, "needed": 10, "margin": 1}]}],
  ["vote", {"entitled": 30, "present": 20, "yes": 11, "no": 9, "abstain": 0}, {"rule": "v", "label": "表决", "kind": "vote", "outcome": "no_quorum", "facts": {"entitled": 30, "present": 20, "yes": 11, "no": 9, "abstain": 0, "cast": 20}, "values": {"valid": 20, "quorum": false, "passes": true}, "margins": {"quorum": {"count": "present", "actual": 20, "needed": 21, "margin": -1, "bound": "at_least", "range": {"min": 0, "max": 30}}, "passes": {"count": "yes", "actual": 11, "needed": 10, "margin": 1, "bound": "at_least", "range": {"min": 0, "max": 20}}}, "explanation": [{"clause": "valid", "text": "valid = yes + no", "detail": "11 + 9 = 20", "result": 20, "span": {"line": 1, "column": 15}}, {"clause": "require", "text": "require valid <= present", "detail": "20 <= 20 → true", "result": true, "span": {"line": 1, "column": 36}}, {"clause": "quorum", "text": "present > 2/3 of entitled", "detail": "20 > 2/3 × 30 = 20 → false", "result": false, "span": {"line": 1, "column": 61}, "needed": 21, "margin": -1}, {"clause": "passes", "text": "yes > 1/2 of valid", "detail": "11 > 1/2 × 20 = 10 → true", "result": true, "span": {"line": 1, "column": 95}, "needed": 10, "margin": 1}]}],
  ["vote", {"entitled": 30, "present": 21, "yes": 10, "no": 10, "abstain": 0}, {"rule": "v", "label": "表决", "kind": "vote", "outcome": "rejected", "facts": {"entitled": 30, "present": 21, "yes": 10, "no": 10, "abstain": 0, "cast": 20}, "values": {"valid": 20, "quorum": true, "passes": false}, "margins": {"quorum": {"count": "present", "actual": 21, "needed": 21, "margin": 0, "bound": "at_least", "range": {"min": 0, "max": 30}}, "passes": {"count": "yes", "actual": 10, "needed": 11, "margin": -1, "bound": "at_least", "range": {"min": 0, "max": 21}}}, "explanation": [{"clause": "valid", "text": "valid = yes + no", "detail": "10 + 10 = 20", "result": 20, "span": {"line": 1, "column": 15}}, {"clause": "require", "text": "require valid <= present", "detail": "20 <= 21 → true", "result": true, "span": {"line": 1, "column": 36}}, {"clause": "quorum", "text": "present > 2/3 of entitled", "detail": "21 > 2/3 × 30 = 20 → true", "result": true, "span": {"line": 1, "column": 61}, "needed": 21, "margin": 0}, {"clause": "passes", "text": "yes > 1/2 of valid", "detail": "10 > 1/2 × 20 = 10 → false", "result": false, "span": {"line": 1, "column": 95}, "needed": 11, "margin": -1}]}],
  ["bands", {"a": 0, "f": true}, {"rule":"t","label":"t","kind":"scorecard","score":0,"max":10,"grade":null,"criteria":[{"name":"c","label":"c","points":0,"max":5,"reason":"no band matched: (0 >= 2/3 → false) and (true = true → true) → false; 0 > 1 + 1 = 2 → false"},{"name":"d","label":"d","points":0,"max":5,"reason":"no band matched: 0 > 18 → false; 0 > 16 → false"}],"values":{"x":0},"explanation":[{"clause":"x","text":"x = a * 2","detail":"0 × 2 = 0","result":0,"span":{"line":4,"column":3}},{"clause":"c","text":"0 otherwise","detail":"(0 >= 2/3 → false) and (true = true → true) → false; 0 > 1 + 1 = 2 → false; otherwise → 0 points","result":0,"span":{"line":5,"column":69}},{"clause":"d","text":"0 otherwise","detail":"0 > 18 → false; 0 > 16 → false; otherwise → 0 points","result":0,"span":{"line":6,"column":51}}]}],
  ["bands", {"a": 3, "f": false}, {"rule":"t","label":"t","kind":"scorecard","score":3,"max":10,"grade":null,"criteria":[{"name":"c","label":"c","points":3,"max":5,"reason":"a > 1 + 1 (3 > 1 + 1)"},{"name":"d","label":"d","points":0,"max":5,"reason":"no band matched: 6 > 18 → false; 6 > 16 → false"}],"values":{"x":6},"explanation":[{"clause":"x","text":"x = a * 2","detail":"3 × 2 = 6","result":6,"span":{"line":4,"column":3}},{"clause":"c","text":"3 when a > 1 + 1","detail":"3 > 1 + 1 = 2 → true → 3 points","result":3,"span":{"line":5,"column":52}},{"clause":"d","text":"0 otherwise","detail":"6 > 18 → false; 6 > 16 → false; otherwise → 0 points","result":0,"span":{"line":6,"column":51}}]}],
  ["less", {"a": 2, "k": "甲"}, {"rule":"u","label":"u","kind":"scorecard","score":7,"max":15,"grade":null,"criteria":[{"name":"c","label":"c","points":5,"max":5,"reason":"a < 3 and k != \"乙\" (2 < 3 and \"甲\" != \"乙\")"},{"name":"d","label":"d","points":2,"max":10,"reason":"no band matched: "}],"values":{},"explanation":[{"clause":"c","text":"5 when a < 3 and k != \"乙\"","detail":"(2 < 3 → true) and (\"甲\" != \"乙\" → true) → true → 5 points","result":5,"span":{"line":4,"column":23}},{"clause":"d","text":"a otherwise","detail":"otherwise → 2 points","result":2,"span":{"line":5,"column":24}}]}],
  ["less", {"a": 7, "k": "乙"}, {"rule":"u","label":"u","kind":"scorecard","score":9,"max":15,"grade":null,"criteria":[{"name":"c","label":"c","points":2,"max":5,"reason":"not (a < 5) (not (7 < 5))"},{"name":"d","label":"d","points":7,"max":10,"reason":"no band matched: "}],"values":{},"explanation":[{"clause":"c","text":"2 when not (a < 5)","detail":"not (7 < 5 → false) → true → 2 points","result":2,"span":{"line":4,"column":49}},{"clause":"d","text":"a otherwise","detail":"otherwise → 7 points","result":7,"span":{"line":5,"column":24}}]}],
  ["less", {"a": 3, "k": "甲"}, {"rule":"u","label":"u","kind":"scorecard","score":3,"max":15,"grade":null,"criteria":[{"name":"c","label":"c","points":0,"max":5,"reason":"no band matched: (3 < 3 → false) and (\"甲\" != \"乙\" → true) → false; not (3 < 5 → true) → false"},{"name":"d","label":"d","points":3,"max":10,"reason":"no band matched: "}],"values":{},"explanation":[{"clause":"c","text":"0 otherwise","detail":"(3 < 3 → false) and (\"甲\" != \"乙\" → true) → false; not (3 < 5 → true) → false; otherwise → 0 points","result":0,"span":{"line":4,"column":68}},{"clause":"d","text":"a otherwise","detail":"otherwise → 3 points","result":3,"span":{"line":5,"column":24}}]}],
  ["maxed", {"a": 5, "k": "甲"}, {"rule":"w","label":"w","kind":"scorecard","score":5,"max":10,"grade":null,"criteria":[{"name":"c","label":"c","points":5,"max":10,"reason":"k != \"乙\" and a > (1 + 1) / 3 (\"甲\" != \"乙\" and 5 > (1 + 1) / 3)"}],"values":{},"explanation":[{"clause":"c","text":"max(a, 2) when k != \"乙\" and a > (1 + 1) / 3","detail":"(\"甲\" != \"乙\" → true) and (5 > (1 + 1) / 3 → true) → true → max(5, 2) = 5 points","result":5,"span":{"line":4,"column":24}}]}],
  ["maxed", {"a": 3, "k": "乙"}, {"rule":"w","label":"w","kind":"scorecard","score":1,"max":10,"grade":null,"criteria":[{"name":"c","label":"c","points":1,"max":10,"reason":"true (true)"}],"values":{},"explanation":[{"clause":"c","text":"1 when true","detail":"true → 1 points","result":1,"span":{"line":4,"column":68}}]}],
];

describe("explained results", () => {
  it.each(RESULTS)("%s on %j", (name, input, result) => {
    // A result computes parts of itself when first read; as written (toJSON) it holds all of them.
    expect(writtenOutcome(RULES[name]!.evaluate(input))).toEqual({ ok: true, result });
  });
});
