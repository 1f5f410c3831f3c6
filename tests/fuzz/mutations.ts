/**
 * fast-check arbitraries for rule-file fuzzing: real rule files mutated token by token (delete,
 * duplicate, swap, insert, replace a number), and random token soups, including Chinese text,
 * full-width punctuation and odd whitespace.
 */
import fc from "fast-check";

/** Words, numbers, strings, comments, whitespace runs and single characters, in source order. */
const TOKEN = /[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*|\d+(?:\.\d+)?%?|"[^"\n]*"|#[^\n]*|\s+|./gsu;

/** Splits a source into tokens whose concatenation is the source. */
export function tokens(source: string): string[] {
  return source.match(TOKEN) ?? [];
}

/** Pieces a mutation may insert: language words, operators, numbers, Chinese, full-width and odd characters. */
export const INSERTS: readonly string[] = [
  "vote", "scorecard", "input", "let", "criterion", "grade", "test", "expect", "when", "otherwise", "of",
  "quorum", "passes", "outcome", "score", "max", "min", "count", "number", "ratio", "boolean", "text", "one", "import",
  "and", "or", "not", "entitled", "present", "yes", "no", "abstain", "cast", "passed", "rejected", "no_quorum",
  ":", "{", "}", "(", ")", ",", "=", ">", ">=", "<", "<=", "!=", "+", "-", "*", "/", "%", "\"", "#", ".",
  "0", "1", "2/3", "1/0", "0/0", "90%", "0.000001", "99999999999999999999999", "-1", "1e309", "1/3",
  "票决", "赞成票", "考核", "优秀", "不称职", "：", "，", "（", "）", "“", "”", "、", "。", "％", "＞", "＝", "　",
  "\u00a0", "\ufeff", "\t", "\r\n", "\r", "\n", "\u2028", "😀", "\u0000", "\\", "'",
];

export type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "number"; at: number; text: string };

const position = fc.nat({ max: 100_000 });
const insertText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INSERTS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: position }),
  fc.record({ kind: fc.constant("duplicate" as const), at: position }),
  fc.record({ kind: fc.constant("swap" as const), at: position, with: position }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: insertText }),
  fc.record({ kind: fc.constant("number" as const), at: position, text: fc.constantFrom("0", "1", "-1", "2/3", "0.5", "100%", "1/0", "123456789012345678901234567890") }),
);

/** Applies mutations to the token list of a source; positions wrap around the list. */
export function mutate(source: string, mutations: readonly Mutation[]): string {
  const list = tokens(source);
  for (const m of mutations) {
    if (list.length === 0) {
      if (m.kind === "insert") list.push(m.text);
      continue;
    }
    const at = m.at % list.length;
    switch (m.kind) {
      case "delete":
        list.splice(at, 1);
        break;
      case "duplicate":
        list.splice(at, 0, list[at] ?? "");
        break;
      case "swap": {
        const other = m.with % list.length;
        [list[at], list[other]] = [list[other] ?? "", list[at] ?? ""];
        break;
      }
      case "insert":
        list.splice(at, 0, m.text);
        break;
      case "number": {
        const numbers = list.flatMap((token, i) => (/^\d/.test(token) ? [i] : []));
        const target = numbers[m.at % Math.max(1, numbers.length)];
        if (target !== undefined) list[target] = m.text;
        break;
      }
    }
  }
  return list.join("");
}

/** A random rule file made of language words and pieces, separated by random whitespace. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...INSERTS, "major_matter", "r", "x", "\"标签\""), fc.constantFrom(" ", "\n", "", "  ")), { maxLength: 80 })
  .map((pairs) => pairs.map(([token, space]) => token + space).join(""));
