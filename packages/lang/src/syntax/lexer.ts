/** Tokens of the gavel language and the lexer that produces them. */

import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import { diagnostic } from "../diagnostics/index.ts";
import type { Diagnostic } from "../types.ts";
import { spanOfOffsets } from "./span.ts";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\u3000\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });

const IDENTIFIER = /[\p{L}_][\p{L}\p{N}_]*/uy;

/** Chevrotain drops a pattern's `u` flag, so Unicode names (满意票) are matched by a custom matcher. */
function matchIdentifier(text: string, offset: number): RegExpExecArray | null {
  IDENTIFIER.lastIndex = offset;
  return IDENTIFIER.exec(text);
}

/**
 * Characters a name can start with, so the lexer can keep its first-character dispatch (without a hint a
 * custom matcher disables it, and every pattern is tried at every offset). Every code unit from U+0080 up
 * is listed: the matcher itself decides which of those are letters (and astral letters start with a surrogate).
 */
const IDENTIFIER_START: number[] = [
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_".split("").map((c) => c.charCodeAt(0)),
  ...Array.from({ length: 0x10000 - 0x80 }, (_, i) => 0x80 + i),
];

export const Identifier = createToken({ name: "Identifier", pattern: { exec: matchIdentifier }, line_breaks: false, start_chars_hint: IDENTIFIER_START });

function keyword(word: string, soft = false): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    // Soft keywords are also names: `max` is a criterion keyword and a function, `quorum` a clause and an expectation.
    categories: soft ? [Identifier] : [],
  });
}

export const Import = keyword("import");
export const Vote = keyword("vote");
export const Scorecard = keyword("scorecard");
export const Input = keyword("input");
export const Let = keyword("let");
export const Criterion = keyword("criterion");
export const When = keyword("when");
export const Otherwise = keyword("otherwise");
export const Grade = keyword("grade", true);
export const Test = keyword("test");
export const Expect = keyword("expect");
export const Of = keyword("of");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const True = keyword("true");
export const False = keyword("false");
export const Quorum = keyword("quorum", true);
export const Passes = keyword("passes", true);
export const Max = keyword("max", true);
export const Min = keyword("min", true);
export const One = keyword("one", true);
export const ErrorKw = keyword("error", true);
export const Require = keyword("require", true);
// The election and rating kinds are soft: rules written before them may use these words as names.
export const Election = keyword("election", true);
export const Rating = keyword("rating", true);
export const Levels = keyword("levels", true);
// Settings a vote, election or rating declares (`proxies: at most 1`, `write_ins: allowed`); soft, so older rules keep them as names.
export const Proxies = keyword("proxies", true);
export const WriteIns = keyword("write_ins", true);
// Soft: `where` filters a list inside an aggregate (`count(cases where …)`), and stays usable as a name elsewhere.
export const Where = keyword("where", true);

/** A date `2026-02-13`: before the numbers, so that it is not read as 2026 - 02 - 13. */
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}(?![\d.%])/ });
export const Percent = createToken({ name: "Percent", pattern: /\d+(?:\.\d+)?%/ });
export const Decimal = createToken({ name: "Decimal", pattern: /\d+\.\d+/ });
export const Integer = createToken({ name: "Integer", pattern: /\d+/ });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });

export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=|≥/ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=|≤/ });
export const NotEq = createToken({ name: "NotEq", pattern: /!=|≠/ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*|×/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LCurly = createToken({ name: "LCurly", pattern: /\{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Question = createToken({ name: "Question", pattern: /\?/ });
export const Dot = createToken({ name: "Dot", pattern: /\./ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });

export const keywordTokens: TokenType[] = [
  Import, Vote, Scorecard, Input, Let, Criterion, When, Otherwise, Grade, Test, Expect,
  Of, And, Or, Not, True, False, Quorum, Passes, Max, Min, One, ErrorKw, Require, Election, Rating, Levels, Where, Proxies, WriteIns,
];

export const allTokens: TokenType[] = [
  WhiteSpace, Comment,
  ...keywordTokens,
  Identifier,
  DateLiteral, Percent, Decimal, Integer, StringLiteral,
  GreaterEq, LessEq, NotEq, Greater, Less, Equals, Plus, Minus, Star, Slash,
  LParen, RParen, LCurly, RCurly, Comma, Colon, Question, Dot, LBracket, RBracket,
];

export const gavelLexer = new Lexer(allTokens, {
  positionTracking: "full",
  // Fails loudly at start-up if a token ever disables the first-character dispatch (see IDENTIFIER_START).
  ensureOptimizations: true,
  skipValidations: true,
});

/** Full-width punctuation a Chinese keyboard produces, with the character gavel expects instead. */
const FULL_WIDTH: Record<string, string> = {
  "：": ":", "，": ",", "（": "(", "）": ")", "｛": "{", "｝": "}", "“": '"', "”": '"', "＝": "=",
  "＞": ">", "＜": "<", "％": "%", "＋": "+", "－": "-", "／": "/", "？": "?", "【": "[", "】": "]",
};

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Splits source text into tokens; unknown characters become diagnostics, never exceptions. */
export function tokenize(source: string): LexResult {
  const result = gavelLexer.tokenize(source);
  const diagnostics: Diagnostic[] = result.errors.map((e) => {
    const ch = source.slice(e.offset, e.offset + e.length);
    const first = [...ch][0] ?? "";
    const span = spanOfOffsets(source, e.offset, e.offset + Math.max(1, first.length));
    const replacement = FULL_WIDTH[first];
    if (first === '"') return diagnostic("error", "UNTERMINATED_STRING", {}, span);
    if (replacement) return diagnostic("error", "FULL_WIDTH_CHARACTER", { char: first, replacement }, span);
    return diagnostic("error", "UNKNOWN_CHARACTER", { char: first }, span);
  });
  return { tokens: result.tokens, comments: (result.groups["comments"] ?? []) as IToken[], diagnostics };
}

/** Decodes a string literal's text (with quotes) into its value. */
export function unquote(image: string): string {
  const body = image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined);
  return body.replace(/\\(.)/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** Encodes a value as a string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}
