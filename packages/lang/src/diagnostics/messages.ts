/**
 * The message catalog: every diagnostic and evaluation error sentence, keyed by message id, in English and
 * Simplified Chinese. A message is built from named arguments (names, types, values, hints) so a host can
 * re-render it in another language from the `messageId` and `args` kept on the diagnostic or error.
 * Keywords of the language (vote, quorum, otherwise, of …) and the user's own names are never translated.
 */

import type { Diagnostic, EvalError, MessageArg, Severity, Span } from "../types.ts";

export type Locale = "en" | "zh";

/** One catalog entry: the diagnostic code it belongs to and its sentence in each language. */
export interface MessageEntry<A> {
  code: string;
  en: (args: A) => string;
  zh: (args: A) => string;
}

function entry<A extends Record<string, MessageArg | undefined> = Record<string, never>>(
  code: string,
  en: (args: A) => string,
  zh: (args: A) => string,
): MessageEntry<A> {
  return { code, en, zh };
}

/** A name, value or keyword quoted for a Chinese sentence. */
const q = (s: string | number): string => `“${s}”`;
const enHint = (hint: string | undefined): string => (hint ? `; did you mean '${hint}'?` : ".");
const zhHint = (hint: string | undefined): string => (hint ? `；是否要写“${hint}”？` : "。");
const zhList = (items: readonly string[]): string => items.join("、");

/** JSON value types as input problems name them. */
const JSON_TYPE_EN: Record<string, string> = { integer: "a whole number", number: "a number", string: "a text", boolean: "true or false", object: "an object", array: "a list", null: "null", undefined: "absent" };
const JSON_TYPE_ZH: Record<string, string> = { integer: "整数", number: "数值", string: "文本", boolean: "真假值", object: "对象", array: "列表", null: "空值（null）", undefined: "缺失" };

/** What each type of the language is, in Chinese, after its keyword. */
const TYPE_ZH: Record<string, string> = {
  count: "计数",
  number: "数值",
  ratio: "比例",
  boolean: "真假值",
  text: "文本",
  date: "日期",
  records: "记录列表",
};
/** A type for a Chinese sentence: its gloss with the keyword; a bare number and an erroneous value have no keyword. */
/** A type as an author reads it: a constant number is a "literal" to the checker, a number to the author. */
const enType = (t: string): string => (t === "literal" ? "number" : t === "records" ? "list" : t);
const zhType = (t: string): string => (t === "literal" ? "数字" : t === "error" ? "有误的值" : TYPE_ZH[t] ? `${TYPE_ZH[t]}（${t}）` : t);

/** What a declared name is, in Chinese, for "already defined as …". */
const KIND_ZH: Record<string, string> = { input: "输入项", let: "中间值", criterion: "标准", fact: "内置事实", score: "总分" };

/** A band block: a criterion's bands (`criterion` given) or the grade's. */
/** Whose bands: a criterion's, a let's, or (neither named) the grade's. */
type BlockArgs = { criterion?: string; let?: string };
const enBlock = (a: BlockArgs): string => (a.criterion !== undefined ? `criterion '${a.criterion}'` : a.let !== undefined ? `let '${a.let}'` : "the grade");
const zhBlock = (a: BlockArgs): string => (a.criterion !== undefined ? `标准${q(a.criterion)}` : a.let !== undefined ? `中间值${q(a.let)}` : "等级评定（grade）");
const capitalize = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** A range of a band's subject: from `lo` (included when `loIn`) to `hi` (included when `hiIn`). */
type RangeArgs = { lo?: string; loIn: boolean; hi?: string; hiIn: boolean };
function enRange(a: RangeArgs): string {
  if (a.lo !== undefined && a.hi !== undefined) return `between ${a.lo} and ${a.hi}`;
  if (a.lo !== undefined) return `${a.loIn ? "at least" : "above"} ${a.lo}`;
  if (a.hi !== undefined) return `${a.hiIn ? "at most" : "below"} ${a.hi}`;
  return "any value";
}
function zhRange(a: RangeArgs): string {
  if (a.lo !== undefined && a.hi !== undefined) return `在 ${a.lo} 到 ${a.hi} 之间`;
  if (a.lo !== undefined) return a.loIn ? `不低于 ${a.lo}` : `高于 ${a.lo}`;
  if (a.hi !== undefined) return a.hiIn ? `不高于 ${a.hi}` : `低于 ${a.hi}`;
  return "取任何值";
}

/** Where a condition is required: a vote clause, a criterion band or a grade band. */
type PlaceArgs = { place: "clause" | "band" | "grade" | "require" | "where"; clause?: string };
const EN_PLACES = { band: "A band's condition", grade: "A grade's condition", require: "A requirement", where: "A 'where' condition" } as const;
const ZH_PLACES = { band: "分档的条件", grade: "等级的条件", require: "require 的条件", where: "where 的条件" } as const;
const enPlace = (a: PlaceArgs): string => (a.place === "clause" ? `The '${a.clause}' clause` : EN_PLACES[a.place]);
const zhPlace = (a: PlaceArgs): string => (a.place === "clause" ? `${a.clause} 条款` : ZH_PLACES[a.place]);

/** Words a policy officer understands for each token kind a syntax message names. */
const TOKEN_WORDS: Record<string, { en: string; zh: string }> = {
  Identifier: { en: "a name", zh: "一个名称" },
  Integer: { en: "a whole number", zh: "一个整数" },
  Decimal: { en: "a number", zh: "一个数字" },
  Percent: { en: "a percentage", zh: "一个百分数" },
  StringLiteral: { en: 'a text in quotes ("…")', zh: '一段带英文双引号的文本（"…"）' },
  LCurly: { en: "'{'", zh: "“{”" },
  RCurly: { en: "'}'", zh: "“}”" },
  LParen: { en: "'('", zh: "“(”" },
  RParen: { en: "')'", zh: "“)”" },
  Colon: { en: "':'", zh: "英文冒号“:”" },
  Comma: { en: "','", zh: "英文逗号“,”" },
  Equals: { en: "'='", zh: "“=”" },
  GreaterEq: { en: "'>='", zh: "“>=”" },
  LessEq: { en: "'<='", zh: "“<=”" },
  NotEq: { en: "'!='", zh: "“!=”" },
  Greater: { en: "'>'", zh: "“>”" },
  Less: { en: "'<'", zh: "“<”" },
  Plus: { en: "'+'", zh: "“+”" },
  Minus: { en: "'-'", zh: "“-”" },
  Star: { en: "'*'", zh: "“*”" },
  Slash: { en: "'/'", zh: "“/”" },
  DateLiteral: { en: "a date (2026-02-26)", zh: "一个日期（如 2026-02-26）" },
  Question: { en: "'?'", zh: "英文问号“?”" },
  Dot: { en: "'.'", zh: "“.”" },
  LBracket: { en: "'['", zh: "“[”" },
  RBracket: { en: "']'", zh: "“]”" },
  EOF: { en: "the end of the file", zh: "文件末尾" },
};
const enToken = (name: string): string => TOKEN_WORDS[name]?.en ?? `'${name.toLowerCase()}'`;
const zhToken = (name: string): string => TOKEN_WORDS[name]?.zh ?? q(name.toLowerCase());

/** What a grammar rule expects, for "Expected … here". */
const RULE_WORDS: Record<string, { en: string; zh: string }> = {
  primary: { en: "a number, a name, a text or '('", zh: "数字、名称、文本或“(”" },
  unary: { en: "a number, a name, a text or '('", zh: "数字、名称、文本或“(”" },
  notExpr: { en: "a number, a name, a text or '('", zh: "数字、名称、文本或“(”" },
  numberLiteral: { en: "a number", zh: "一个数字" },
  signedNumber: { en: "a number", zh: "一个数字" },
  expectation: { en: "'error' or a name to check, such as 'outcome'", zh: "“error”或要检查的名称（例如 outcome）" },
  band: { en: "'when' or 'otherwise'", zh: "“when”或“otherwise”" },
  gradeBand: { en: "'when' or 'otherwise'", zh: "“when”或“otherwise”" },
  clauseDecl: { en: "'quorum' or 'passes'", zh: "“quorum”或“passes”" },
  file: { en: "'vote', 'scorecard', 'test' or 'import'", zh: "“vote”“scorecard”“test”或“import”" },
  voteMember: { en: "'quorum:', 'passes:' or 'let'", zh: "“quorum:”“passes:”或“let”" },
  scorecardMember: { en: "'input', 'let', 'criterion' or 'grade'", zh: "“input”“let”“criterion”或“grade”" },
  criterionDecl: { en: "at least one band such as '10 when x >= 15', or sub-criteria", zh: "至少一档，例如“10 when x >= 15”，或若干细则" },
  letDecl: { en: "an expression, or '{' and bands", zh: "一个表达式，或“{”加分档" },
  inputDecl: { en: "a type (count, number, ratio, boolean, text, date) or 'list of { … }'", zh: "一种类型（count、number、ratio、boolean、text、date）或“list of { … }”" },
  literal: { en: "a value (a number, a date, a text, true, false or a name)", zh: "一个值（数字、日期、文本、true、false 或名称）" },
  testArg: { en: "a value, '{…}' or a list of records '[{…}, …]'", zh: "一个值、“{…}”或记录列表“[{…}, …]”" },
  gradeDecl: { en: "at least one grade band such as '\"优秀\" when score >= 90'", zh: "至少一个等级档，例如“\"优秀\" when score >= 90”" },
  compareOp: { en: "a comparison (>, >=, <, <=, =, !=)", zh: "比较符号（>、>=、<、<=、=、!=）" },
  constraint: { en: "'min', 'max' or 'one of'", zh: "“min”“max”或“one of”" },
};

/** The token a syntax error met: its text, the end of the file (`atEnd`), or nothing at all. */
type FoundArgs = { found?: string; atEnd?: boolean };
const enFound = (a: FoundArgs): string => (a.atEnd ? "the end of the file" : a.found !== undefined ? `'${a.found}'` : "nothing");
const zhFound = (a: FoundArgs): string => (a.atEnd ? "文件末尾" : a.found !== undefined ? q(a.found) : "空白");

type ValueArgs = { name: string; value: string };

/** Every message of the language, by id. Several ids may share a code (TYPE_MISMATCH has many variants). */
export const MESSAGES = {
  // Lexer
  UNTERMINATED_STRING: entry(
    "UNTERMINATED_STRING",
    () => 'This text is missing its closing quote " on the same line.',
    () => '这段文本在同一行内缺少结尾的英文双引号 "。',
  ),
  FULL_WIDTH_CHARACTER: entry<{ char: string; replacement: string }>(
    "UNKNOWN_CHARACTER",
    (a) => `The full-width character '${a.char}' is not allowed here; type '${a.replacement}' instead.`,
    (a) => `此处不能使用全角字符“${a.char}”；请改为半角的“${a.replacement}”（可切换到英文输入法）。`,
  ),
  UNKNOWN_CHARACTER: entry<{ char: string }>(
    "UNKNOWN_CHARACTER",
    (a) => `The character '${a.char}' is not part of the gavel language.`,
    (a) => `字符“${a.char}”不属于 gavel 语言。`,
  ),

  // Parser
  NESTING_TOO_DEEP: entry<{ max: number }>(
    "NESTING_TOO_DEEP",
    (a) => `This expression is nested more than ${a.max} levels deep; split it into 'let' definitions.`,
    (a) => `这个表达式嵌套超过 ${a.max} 层；请拆成几个 let 定义。`,
  ),
  SYNTAX_EXPECTED_TOKEN: entry<{ expected: string } & FoundArgs>(
    "SYNTAX",
    (a) => `Expected ${enToken(a.expected)} here, but found ${enFound(a)}.`,
    (a) => `此处应为${zhToken(a.expected)}，但遇到的是${zhFound(a)}。`,
  ),
  SYNTAX_UNEXPECTED: entry<FoundArgs>(
    "SYNTAX",
    (a) => `Unexpected ${enFound(a)}: expected 'vote', 'scorecard', 'test' or 'import'.`,
    (a) => `此处不应出现${zhFound(a)}：这里应以 vote、scorecard、test 或 import 开头。`,
  ),
  SYNTAX_EXPECTED_ALTERNATIVE: entry<{ rule: string } & FoundArgs>(
    "SYNTAX",
    (a) => `Expected ${RULE_WORDS[a.rule]?.en ?? "something else"} here, but found ${enFound(a)}.`,
    (a) => `此处应为${RULE_WORDS[a.rule]?.zh ?? "其他内容"}，但遇到的是${zhFound(a)}。`,
  ),
  SYNTAX_EXPECTED_ENTRY: entry<{ rule: string } & FoundArgs>(
    "SYNTAX",
    (a) => `Expected ${RULE_WORDS[a.rule]?.en ?? "at least one entry"} here, but found ${enFound(a)}.`,
    (a) => `此处应为${RULE_WORDS[a.rule]?.zh ?? "至少一项内容"}，但遇到的是${zhFound(a)}。`,
  ),

  // Checker: names
  RESERVED_NAME: entry<{ name: string }>(
    "RESERVED_NAME",
    (a) => `'${a.name}' is already defined as the built-in '${a.name}'; choose another name.`,
    (a) => `${q(a.name)}是内置名称，不能再定义；请换一个名字。`,
  ),
  DUPLICATE_NAME: entry<{ name: string; kind: string }>(
    "DUPLICATE_NAME",
    (a) => `'${a.name}' is already defined as the ${a.kind} '${a.name}'; choose another name.`,
    (a) => `${q(a.name)}已经定义为 ${a.kind}（${KIND_ZH[a.kind] ?? a.kind}）；请换一个名字。`,
  ),
  UNDEFINED_NAME: entry<{ name: string; hint?: string }>(
    "UNDEFINED_NAME",
    (a) => `'${a.name}' is not defined here${enHint(a.hint)}`,
    (a) => `此处未定义${q(a.name)}${zhHint(a.hint)}`,
  ),
  UNKNOWN_FUNCTION: entry<{ name: string; functions: string[] }>(
    "UNKNOWN_FUNCTION",
    (a) => `There is no function '${a.name}'; the functions are ${a.functions.join(", ")}.`,
    (a) => `没有名为${q(a.name)}的函数；可用的函数有 ${zhList(a.functions)}。`,
  ),
  ARGUMENT_COUNT: entry<{ name: string }>(
    "ARGUMENT_COUNT",
    (a) => `'${a.name}' needs at least one value.`,
    (a) => `${a.name} 至少需要一个值。`,
  ),

  // Checker: types and units
  TYPE_MISMATCH_NEGATE: entry<{ expr: string; type: string }>(
    "TYPE_MISMATCH",
    (a) => `'-' needs a number, but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `负号“-”后面需要数字，但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  TYPE_MISMATCH_NOT: entry<{ expr: string; type: string }>(
    "TYPE_MISMATCH",
    (a) => `'not' needs a condition, but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `not 后面需要一个条件，但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  TYPE_MISMATCH_LOGIC: entry<{ op: string; expr: string; type: string }>(
    "TYPE_MISMATCH",
    (a) => `'${a.op}' joins conditions, but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `${a.op} 用来连接条件，但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  TYPE_MISMATCH_COMPARE: entry<{ leftType: string; left: string; rightType: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `Cannot compare ${enType(a.leftType)} ${a.left} with ${enType(a.rightType)} ${a.right}.`,
    (a) => `不能把${zhType(a.leftType)} ${a.left} 与${zhType(a.rightType)} ${a.right} 相比较。`,
  ),
  TYPE_MISMATCH_EQUALITY_ONLY: entry<{ type: string }>(
    "TYPE_MISMATCH",
    (a) => `${a.type === "text" ? "Texts" : "Conditions"} can only be compared with = or !=.`,
    (a) => `${a.type === "text" ? "文本" : "条件"}只能用 = 或 != 比较。`,
  ),
  TYPE_MISMATCH_COMPARE_TYPES: entry<{ left: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `Cannot compare ${enType(a.left)} with ${enType(a.right)} here.`,
    (a) => `此处不能把${zhType(a.left)}与${zhType(a.right)}相比较。`,
  ),
  TYPE_MISMATCH_LET_BANDS: entry<{ name: string; left: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `The bands of '${a.name}' give a ${enType(a.left)} and a ${enType(a.right)}: every band of a let must give one type.`,
    (a) => `${q(a.name)}的各档给出了${zhType(a.left)}和${zhType(a.right)}：一个 let 的各档必须给出同一种类型。`,
  ),
  TYPE_MISMATCH_COMBINE_TYPES: entry<{ left: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `Cannot combine ${enType(a.left)} with ${enType(a.right)} here.`,
    (a) => `此处不能把${zhType(a.left)}与${zhType(a.right)}放在一起计算。`,
  ),
  TYPE_MISMATCH_ARITH: entry<{ op: string; left: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `'${a.op}' needs numbers, but got ${enType(a.left)} and ${enType(a.right)}.`,
    (a) => `“${a.op}”两边需要数字，但得到的是${zhType(a.left)}和${zhType(a.right)}。`,
  ),
  TYPE_MISMATCH_CONDITION: entry<PlaceArgs & { expr: string; type: string }>(
    "TYPE_MISMATCH",
    (a) => `${enPlace(a)} must be a condition (true or false), but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `${zhPlace(a)}必须是一个条件（成立或不成立），但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  TYPE_MISMATCH_POINTS: entry<{ expr: string; type: string }>(
    "TYPE_MISMATCH",
    (a) => `Points must be a number, but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `分值必须是数字，但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  UNIT_MISMATCH_COMPARE: entry<{ other: string }>(
    "UNIT_MISMATCH",
    (a) => `Cannot compare a ratio with a ${enType(a.other)}: a ratio is a share (e.g. 75%), a ${enType(a.other)} is an amount. Use 'SHARE of AMOUNT' to turn a share into an amount.`,
    (a) => `不能把比例（ratio）与${zhType(a.other)}相比较：比例是占比（如 75%），${enType(a.other)} 是数量。请用“占比 of 数量”把占比换算成数量，例如 2/3 of entitled。`,
  ),
  UNIT_MISMATCH_MIX: entry<{ other: string }>(
    "UNIT_MISMATCH",
    (a) => `Cannot mix a ratio with a ${enType(a.other)}: a ratio is a share (e.g. 75%), a ${enType(a.other)} is an amount. Use 'SHARE of AMOUNT' to turn a share into an amount.`,
    (a) => `不能把比例（ratio）与${zhType(a.other)}混在一起计算：比例是占比（如 75%），${enType(a.other)} 是数量。请用“占比 of 数量”把占比换算成数量，例如 2/3 of entitled。`,
  ),
  UNIT_MISMATCH_OF: entry<{ expr: string; type: string }>(
    "UNIT_MISMATCH",
    (a) => `'of' takes a share on its left, as in '2/3 of entitled', but ${a.expr} is a ${enType(a.type)}.`,
    (a) => `of 的左边应是一个占比，例如“2/3 of entitled”，但 ${a.expr} 是${zhType(a.type)}。`,
  ),
  OF_NOT_A_SHARE: entry<{ expr: string; value: string; hint?: string }>(
    "UNIT_MISMATCH",
    (a) => `'of' takes a share between 0 and 1 on its left, as in '2/3 of entitled', but ${a.expr} is ${a.value}, not a share${a.hint ? `; did you mean ${a.hint}?` : "."}`,
    (a) => `of 的左边应是 0 到 1 之间的占比，例如“2/3 of entitled”，但 ${a.expr} 等于 ${a.value}，不是占比${a.hint ? `；是否要写“${a.hint}”？` : "。"}`,
  ),
  UNBOUNDED_RATIO: entry<{ ratio: string; numerator: string; denominator: string }>(
    "UNBOUNDED_RATIO",
    (a) =>
      `${a.ratio} is compared with a share, but nothing keeps ${a.numerator} <= ${a.denominator}, so impossible input can score above 100%: add 'require ${a.numerator} <= ${a.denominator}'.`,
    (a) => `${a.ratio} 与占比比较，但没有约束保证 ${a.numerator} <= ${a.denominator}，不可能的数据也会得出超过100%的比率：请加上“require ${a.numerator} <= ${a.denominator}”。`,
  ),
  DIVISION_BY_ZERO_CONSTANT: entry<{ expr: string }>(
    "DIVISION_BY_ZERO",
    (a) => `${a.expr} divides by zero.`,
    (a) => `${a.expr} 的除数为零。`,
  ),
  RATIO_SCALE: entry<{ value: string }>(
    "RATIO_SCALE",
    (a) => `A ratio lies between 0 and 1, so comparing it with ${a.value} is suspicious; did you mean ${a.value}%?`,
    (a) => `比例的取值在 0 到 1 之间，拿它与 ${a.value} 比较很可能写错了；是否要写 ${a.value}%？`,
  ),

  // Checker: bands
  UNREACHABLE_BAND_AFTER_OTHERWISE: entry<BlockArgs>(
    "UNREACHABLE_BAND",
    (a) => `'otherwise' must be the last band of ${enBlock(a)}: the bands after it can never match.`,
    (a) => `otherwise 必须是${zhBlock(a)}的最后一档：写在它后面的分档永远不会被选中。`,
  ),
  UNREACHABLE_BAND_EMPTY: entry<BlockArgs & { subject: string }>(
    "UNREACHABLE_BAND",
    (a) => `This band of ${enBlock(a)} can never match: no value of ${a.subject} satisfies it.`,
    (a) => `${zhBlock(a)}的这一档永远不会被选中：${a.subject} 取任何值都不满足它的条件。`,
  ),
  UNREACHABLE_BAND_COVERED: entry<BlockArgs & RangeArgs & { subject: string }>(
    "UNREACHABLE_BAND",
    (a) => `This band of ${enBlock(a)} can never match: every ${a.subject} ${enRange(a)} is already taken by an earlier band. Put the stricter band first.`,
    (a) => `${zhBlock(a)}的这一档永远不会被选中：${a.subject} ${zhRange(a)} 的情况都已被前面的分档选走。请把条件更严格的一档放在前面。`,
  ),
  MISSING_OTHERWISE: entry<BlockArgs>(
    "MISSING_OTHERWISE",
    (a) => `${capitalize(enBlock(a))} has no 'otherwise' band, so some inputs would get no result; add one as the last band.`,
    (a) => `${zhBlock(a)}缺少 otherwise 分档，部分输入将得不到结果；请在最后加上一档 otherwise。`,
  ),
  BANDS_UNORDERED: entry<BlockArgs & { subject: string; lo: string; loIn: boolean; points: string; prevLo: string; prevLoIn: boolean; prevPoints: string }>(
    "BANDS_UNORDERED",
    (a) => `Bands of ${enBlock(a)} are out of order: ${a.subject} ${a.loIn ? "at least" : "above"} ${a.lo} gives more points (${a.points}) than ${a.prevLoIn ? "at least" : "above"} ${a.prevLo} (${a.prevPoints}).`,
    (a) => `${zhBlock(a)}的分档顺序不对：${a.subject} ${a.loIn ? "不低于" : "高于"} ${a.lo} 时得 ${a.points} 分，反而比${a.prevLoIn ? "不低于" : "高于"} ${a.prevLo} 时的 ${a.prevPoints} 分还多。`,
  ),

  // Checker: votes
  DUPLICATE_CLAUSE: entry<{ clause: string }>(
    "DUPLICATE_CLAUSE",
    (a) => `The '${a.clause}' clause is written twice; a vote has one quorum and one passes clause.`,
    (a) => `${a.clause} 条款写了两次；一项表决（vote）只有一个 quorum 条款和一个 passes 条款。`,
  ),
  MISSING_CLAUSE: entry<{ rule: string; clause: string }>(
    "MISSING_CLAUSE",
    (a) => `Vote '${a.rule}' has no '${a.clause}:' clause${a.clause === "quorum" ? " (write 'quorum: true' if this body needs none)" : ""}.`,
    (a) => `表决${q(a.rule)}缺少 ${a.clause}: 条款${a.clause === "quorum" ? "（如果无需法定人数，请写 quorum: true）" : ""}。`,
  ),

  // Checker: elections and ratings
  UNKNOWN_CLAUSE: entry<{ clause: string; clauses: string[]; hint?: string }>(
    "UNKNOWN_CLAUSE",
    (a) => `An election has no '${a.clause}:' clause; its clauses are ${a.clauses.join(", ")}${enHint(a.hint)}`,
    (a) => `选举（election）没有 ${a.clause}: 条款，它的条款是 ${zhList(a.clauses)}${zhHint(a.hint)}`,
  ),
  DUPLICATE_ELECTION_CLAUSE: entry<{ clause: string }>(
    "DUPLICATE_CLAUSE",
    (a) => `The '${a.clause}' clause is written twice; an election has one each of void, turnout, elected and runoff.`,
    (a) => `${a.clause} 条款写了两次；一项选举（election）的 void、turnout、elected、runoff 条款各只有一个。`,
  ),
  MISSING_ELECTION_CLAUSE: entry<{ rule: string; clause: string }>(
    "MISSING_CLAUSE",
    (a) => `Election '${a.rule}' has no '${a.clause}:' clause${a.clause === "void" ? " (write 'void: false' if nothing voids a round)" : a.clause === "turnout" ? " (write 'turnout: true' if any turnout is valid)" : ""}.`,
    (a) => `选举${q(a.rule)}缺少 ${a.clause}: 条款${a.clause === "void" ? "（如果没有使选举无效的情形，请写 void: false）" : a.clause === "turnout" ? "（如果不论多少人投票都有效，请写 turnout: true）" : ""}。`,
  ),
  CLAUSE_WITHOUT_VOTES: entry<{ clause: string }>(
    "CLAUSE_WITHOUT_VOTES",
    (a) => `The '${a.clause}' clause is tried for each candidate and must use 'votes' (the candidate's votes), e.g. 'votes > 1/2 of voters'.`,
    (a) => `${a.clause} 条款对每位候选人分别判断，必须用到 votes（该候选人的得票），例如 votes > 1/2 of voters。`,
  ),
  // Checker: settings for meetings (proxies, write-ins)
  INVALID_SETTING: entry<{ setting: string; usage: string }>(
    "INVALID_SETTING",
    (a) =>
      a.setting === "proxies"
        ? `Write the proxy limit as '${a.usage}', N a whole number (a member present may hold at most N proxies; 0, or no 'proxies:' line, allows none).`
        : `Write '${a.usage}' (names off the candidate list count) or 'write_ins: not allowed' (the default).`,
    (a) =>
      a.setting === "proxies"
        ? `委托投票的上限请写作 ${a.usage}，N 为整数（每名亲自出席的成员最多接受 N 人委托；写 0 或不写 proxies: 则不允许委托投票）。`
        : `请写 ${a.usage}（候选人名单以外的姓名计票）或 write_ins: not allowed（默认）。`,
  ),
  INVALID_PROXY_LIMIT: entry<{ value: string; max: number }>(
    "INVALID_PROXY_LIMIT",
    (a) => `The proxy limit must be a whole number from 0 to ${a.max}: a member holds whole proxies, not ${a.value}.`,
    (a) => `委托投票的上限必须是 0 到 ${a.max} 之间的整数：一人接受的委托是整数个，不能是 ${a.value}。`,
  ),
  DUPLICATE_SETTING: entry<{ setting: string }>(
    "DUPLICATE_SETTING",
    (a) => `'${a.setting}:' is written twice; a rule declares it once.`,
    (a) => `${a.setting}: 写了两次；一条规则只能声明一次。`,
  ),
  WRITE_INS_NOT_ELECTION: entry<{ kind: string }>(
    "WRITE_INS_NOT_ELECTION",
    (a) => `'write_ins:' belongs to an election; a ${a.kind} has no candidates to write in.`,
    (a) => `write_ins: 只用于选举（election）；${a.kind === "vote" ? "表决（vote）" : "测评（rating）"}没有候选人，无从另选他人。`,
  ),
  MISSING_LEVELS: entry<{ rule: string }>(
    "MISSING_LEVELS",
    (a) => `Rating '${a.rule}' declares no levels; write e.g. 'levels 满意, 基本满意, 不满意'.`,
    (a) => `测评${q(a.rule)}没有声明等次；请写例如 levels 满意, 基本满意, 不满意。`,
  ),
  DUPLICATE_LEVELS: entry(
    "DUPLICATE_LEVELS",
    () => "A rating declares its levels once.",
    () => "一项测评（rating）只能声明一次等次（levels）。",
  ),
  MISSING_RATING_GRADE: entry<{ rule: string }>(
    "MISSING_GRADE",
    (a) => `Rating '${a.rule}' has no grade block; a rating's result is a grade.`,
    (a) => `测评${q(a.rule)}缺少 grade 块；测评的结果是一个等级。`,
  ),
  EXPECT_NAMES: entry<{ target: string }>(
    "EXPECT_NAMES",
    (a) => `'expect ${a.target}' compares names with = or != and a text of names separated by 、 or commas, e.g. expect ${a.target} = "Wang, Li".`,
    (a) => `expect ${a.target} 只能用 = 或 != 与一段名单文本比较，名字之间用“、”或逗号分隔，例如 expect ${a.target} = "王建国、李秀英"。`,
  ),
  TALLY_EXPECTED: entry<{ name: string }>(
    "TALLY_EXPECTED",
    (a) => `'${a.name}' is the votes of each candidate: write {"Wang": 400, "Li": 350}.`,
    (a) => `${q(a.name)}是每位候选人的得票，请写 {"王建国": 400, "李秀英": 350}。`,
  ),
  TALLY_NOT_EXPECTED: entry<{ name: string }>(
    "TALLY_NOT_EXPECTED",
    (a) => `'${a.name}' takes one value, not votes by name; only an election's 'candidates' does.`,
    (a) => `${q(a.name)}只取一个值，不是按名字计的票数；只有选举的 candidates 才这样写。`,
  ),
  UNUSED_LET: entry<{ name: string }>(
    "UNUSED_LET",
    (a) => `'${a.name}' is defined but never used.`,
    (a) => `${q(a.name)}已定义，但从未使用。`,
  ),

  // Checker: scorecards and inputs
  UNKNOWN_TYPE: entry<{ type: string; types: string[]; hint?: string }>(
    "UNKNOWN_TYPE",
    (a) => `'${a.type}' is not a type; use one of ${a.types.join(", ")}${a.hint ? ` (did you mean '${a.hint}'?)` : ""}.`,
    (a) => `${q(a.type)}不是一种类型；请使用 ${zhList(a.types)} 之一${a.hint ? `（是否要写“${a.hint}”？）` : ""}。`,
  ),
  BAD_CONSTRAINT_MIN_MAX: entry<{ type: string }>(
    "BAD_CONSTRAINT",
    (a) => `'min' and 'max' apply to numbers, not to ${a.type}.`,
    (a) => `min 和 max 只能用于数字，不能用于${zhType(a.type)}。`,
  ),
  BAD_CONSTRAINT_ONE_OF: entry<{ type: string }>(
    "BAD_CONSTRAINT",
    (a) => `'one of' applies to text inputs, not to ${a.type}.`,
    (a) => `one of 只能用于文本（text）输入项，不能用于${zhType(a.type)}。`,
  ),
  BAD_CONSTRAINT_RANGE: entry<{ min: string; max: string }>(
    "BAD_CONSTRAINT",
    (a) => `min ${a.min} is greater than max ${a.max}: no value is allowed.`,
    (a) => `min ${a.min} 大于 max ${a.max}：没有任何值符合要求。`,
  ),
  BAD_CONSTRAINT_NEGATIVE_COUNT: entry<{ min: string }>(
    "BAD_CONSTRAINT",
    (a) => `A count is never negative, so min ${a.min} is meaningless.`,
    (a) => `计数（count）不会是负数，所以 min ${a.min} 没有意义。`,
  ),
  BAD_MAX: entry<{ name: string }>(
    "BAD_MAX",
    (a) => `The maximum of '${a.name}' must not be negative.`,
    (a) => `${q(a.name)}的满分（max）不能是负数。`,
  ),
  POINTS_EXCEED_MAX: entry<{ name: string; points: string; max: string }>(
    "POINTS_EXCEED_MAX",
    (a) => `${a.points} points is more than the maximum ${a.max} of '${a.name}'.`,
    (a) => `${a.points} 分超过了${q(a.name)}的满分 ${a.max} 分。`,
  ),
  POINTS_OUT_OF_RANGE: entry<{ name: string; points: string; range: string; max: string }>(
    "POINTS_OUT_OF_RANGE",
    (a) => `The points ${a.points} of '${a.name}' can be ${a.range}, outside 0..${a.max}: bound them, e.g. max(0, min(${a.max}, ${a.points})), or bound the inputs with min/max.`,
    (a) => `${q(a.name)}的分值 ${a.points} 可能为 ${a.range}，超出 0..${a.max}：请限定范围，例如 max(0, min(${a.max}, ${a.points}))，或用 min/max 限定输入。`,
  ),
  DUPLICATE_GRADE: entry<{ rule: "scorecard" | "rating" }>(
    "DUPLICATE_GRADE",
    (a) => `A ${a.rule} has one grade block.`,
    (a) => (a.rule === "rating" ? "一项测评（rating）只能有一个 grade 块。" : "一张评分表（scorecard）只能有一个 grade 块。"),
  ),
  NO_CRITERIA: entry<{ rule: string }>(
    "NO_CRITERIA",
    (a) => `Scorecard '${a.rule}' has no criterion, so it can only score 0.`,
    (a) => `评分表${q(a.rule)}没有任何 criterion（标准），只能得 0 分。`,
  ),
  UNUSED_INPUT: entry<{ name: string }>(
    "UNUSED_INPUT",
    (a) => `The input '${a.name}' is never used by any criterion, let or grade.`,
    (a) => `输入项${q(a.name)}没有被任何 criterion、let 或 grade 用到。`,
  ),

  // Checker: tests
  DUPLICATE_TEST: entry<{ name: string }>(
    "DUPLICATE_TEST",
    (a) => `Another test is also named "${a.name}".`,
    (a) => `还有一个测试也叫${q(a.name)}。`,
  ),
  UNDEFINED_RULE: entry<{ rule: string; hint?: string }>(
    "UNDEFINED_RULE",
    (a) => `There is no rule '${a.rule}' in this file or its imports${enHint(a.hint)}`,
    (a) => `本文件及其导入的文件中没有名为${q(a.rule)}的规则${zhHint(a.hint)}`,
  ),
  DUPLICATE_ARGUMENT: entry<{ name: string }>(
    "DUPLICATE_ARGUMENT",
    (a) => `'${a.name}' is given twice.`,
    (a) => `${q(a.name)}给了两次值。`,
  ),
  UNKNOWN_ARGUMENT: entry<{ rule: string; name: string; hint?: string }>(
    "UNKNOWN_ARGUMENT",
    (a) => `'${a.rule}' has no input '${a.name}'${enHint(a.hint)}`,
    (a) => `规则${q(a.rule)}没有输入项${q(a.name)}${zhHint(a.hint)}`,
  ),
  MISSING_ARGUMENT: entry<{ name: string }>(
    "MISSING_ARGUMENT",
    (a) => `The test gives no value for '${a.name}'.`,
    (a) => `这个测试没有给出${q(a.name)}的值。`,
  ),
  EMPTY_TEST: entry(
    "EMPTY_TEST",
    () => "This test expects nothing, so it can never fail.",
    () => "这个测试没有任何 expect，永远不会失败。",
  ),
  UNKNOWN_EXPECTATION: entry<{ target: string; rule: string; hint?: string }>(
    "UNKNOWN_EXPECTATION",
    (a) => `'${a.target}' is not something '${a.rule}' produces${enHint(a.hint)}`,
    (a) => `规则${q(a.rule)}不会产生${q(a.target)}${zhHint(a.hint)}`,
  ),
  UNKNOWN_GRADE: entry<{ grade: string; rule: string; grades: string[]; hint?: string }>(
    "UNKNOWN_GRADE",
    (a) => `'${a.rule}' has no grade "${a.grade}"; its grades are ${a.grades.map((g) => `"${g}"`).join(", ")}${a.hint ? `; did you mean "${a.hint}"?` : "."}`,
    (a) => `${q(a.rule)}没有等级“${a.grade}”，它的等级是 ${zhList(a.grades.map((g) => `“${g}”`))}${zhHint(a.hint)}`,
  ),
  UNKNOWN_OUTCOME: entry<{ outcomes: string[] }>(
    "UNKNOWN_OUTCOME",
    (a) => `An outcome is one of ${a.outcomes.join(", ")}.`,
    (a) => `表决结果（outcome）只能是 ${zhList(a.outcomes)} 之一。`,
  ),

  // Compiler
  IMPORT_NOT_FOUND: entry<{ path: string }>(
    "IMPORT_NOT_FOUND",
    (a) => `Cannot find the imported file "${a.path}".`,
    (a) => `找不到导入的文件“${a.path}”。`,
  ),
  IMPORT_HAS_ERRORS: entry<{ path: string }>(
    "IMPORT_HAS_ERRORS",
    (a) => `The imported file "${a.path}" has errors; fix them first.`,
    (a) => `导入的文件“${a.path}”有错误；请先改正它。`,
  ),
  DUPLICATE_RULE: entry<{ name: string }>(
    "DUPLICATE_RULE",
    (a) => `A rule named '${a.name}' already exists in this file or its imports.`,
    (a) => `本文件或其导入的文件中已经有名为${q(a.name)}的规则。`,
  ),

  // Evaluator: input
  INVALID_INPUT_OBJECT: entry(
    "INVALID_INPUT",
    () => "The input must be an object of named values.",
    () => "输入必须是一个由“名称: 值”组成的对象。",
  ),
  MISSING_INPUT: entry<{ name: string; label?: string }>(
    "MISSING_INPUT",
    (a) => `The input '${a.name}'${a.label ? ` (${a.label})` : ""} is missing.`,
    (a) => `缺少输入项${q(a.name)}${a.label ? `（${a.label}）` : ""}。`,
  ),
  MISSING_VALUE: entry<{ name: string }>(
    "MISSING_INPUT",
    (a) => `'${a.name}' has no value.`,
    (a) => `${q(a.name)}没有值。`,
  ),
  UNKNOWN_INPUT: entry<{ name: string; inputs: string[] }>(
    "UNKNOWN_INPUT",
    (a) => `'${a.name}' is not an input of this rule; the inputs are ${a.inputs.join(", ")}.`,
    (a) => `${q(a.name)}不是这条规则的输入项；输入项有 ${zhList(a.inputs)}。`,
  ),
  INVALID_INPUT_NUMBER: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be a number, but is ${a.value}.`,
    (a) => `${q(a.name)}必须是数字，但给出的是 ${a.value}。`,
  ),
  INVALID_INPUT_WHOLE: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' is a count and must be a whole number, but is ${a.value}.`,
    (a) => `${q(a.name)}是计数，必须是整数，但给出的是 ${a.value}。`,
  ),
  NEGATIVE_COUNT: entry<ValueArgs>(
    "NEGATIVE_COUNT",
    (a) => `'${a.name}' is a count and cannot be negative, but is ${a.value}.`,
    (a) => `${q(a.name)}是计数，不能是负数，但给出的是 ${a.value}。`,
  ),
  INVALID_INPUT_BOOLEAN: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be true or false, but is ${a.value}.`,
    (a) => `${q(a.name)}必须是 true 或 false，但给出的是 ${a.value}。`,
  ),
  INVALID_INPUT_TEXT: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be a text, but is ${a.value}.`,
    (a) => `${q(a.name)}必须是文本，但给出的是 ${a.value}。`,
  ),
  INVALID_INPUT_OPTION: entry<ValueArgs & { options: string[] }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be one of ${a.options.map((o) => JSON.stringify(o)).join(", ")}, but is ${a.value}.`,
    (a) => `${q(a.name)}只能是 ${a.options.map((o) => JSON.stringify(o)).join("、")} 之一，但给出的是 ${a.value}。`,
  ),
  OUT_OF_RANGE_MIN: entry<ValueArgs & { min: string }>(
    "OUT_OF_RANGE",
    (a) => `'${a.name}' is ${a.value} but must be at least ${a.min}.`,
    (a) => `${q(a.name)}是 ${a.value}，但不能小于 ${a.min}。`,
  ),
  OUT_OF_RANGE_MAX: entry<ValueArgs & { max: string }>(
    "OUT_OF_RANGE",
    (a) => `'${a.name}' is ${a.value} but must be at most ${a.max}.`,
    (a) => `${q(a.name)}是 ${a.value}，但不能大于 ${a.max}。`,
  ),
  INCONSISTENT_COUNTS_PRESENT: entry<{ present: string; entitled: string }>(
    "INCONSISTENT_COUNTS",
    (a) => `present (${a.present}) cannot exceed entitled (${a.entitled}): only members on the roster can be present.`,
    (a) => `实到人数 present（${a.present}）不能超过应到人数 entitled（${a.entitled}）：只有名册上的成员才能出席。`,
  ),
  INCONSISTENT_COUNTS_VOTERS: entry<{ voters: string; registered: string }>(
    "INCONSISTENT_COUNTS",
    (a) => `voters (${a.voters}) cannot exceed registered (${a.registered}): only registered voters vote.`,
    (a) => `参加投票人数 voters（${a.voters}）不能超过登记选民数 registered（${a.registered}）：只有登记的选民才能投票。`,
  ),
  INCONSISTENT_COUNTS_INVALID: entry<{ invalid: string; ballots: string }>(
    "INCONSISTENT_COUNTS",
    (a) => `invalid (${a.invalid}) cannot exceed ballots (${a.ballots}): an invalid ballot is a returned ballot.`,
    (a) => `无效票 invalid（${a.invalid}）不能超过收回选票 ballots（${a.ballots}）：无效票也是收回的选票。`,
  ),
  INCONSISTENT_VOTES_CANDIDATE: entry<{ name: string; votes: string; valid: string }>(
    "INCONSISTENT_VOTES",
    (a) => `${a.name} has ${a.votes} votes, more than the ${a.valid} valid ballots: a ballot marks a candidate at most once.`,
    (a) => `${a.name} 得 ${a.votes} 票，多于有效票 ${a.valid} 张：一张选票对一位候选人最多只能投一票。`,
  ),
  INCONSISTENT_VOTES_TOTAL: entry<{ total: string; valid: string; seats: string; most: string }>(
    "INCONSISTENT_VOTES",
    (a) => `The candidates have ${a.total} votes in all, more than ${a.valid} valid ballots × ${a.seats} seats = ${a.most}: a ballot marks at most as many names as there are seats.`,
    (a) => `候选人共得 ${a.total} 票，多于有效票 ${a.valid} 张 × 应选 ${a.seats} 名 = ${a.most} 票：每张选票所选人数不能多于应选名额。`,
  ),
  BAD_ELECTION_COUNT: entry<{ name: string; value: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' is ${a.value} but must be at least 1.`,
    (a) => `${q(a.name)}是 ${a.value}，但至少应为 1。`,
  ),
  INVALID_CANDIDATES: entry<{ value: string }>(
    "INVALID_INPUT",
    (a) => `'candidates' must be an object of whole vote counts by candidate name, e.g. {"Wang": 400}; got ${a.value}.`,
    (a) => `candidates 必须是以候选人姓名为键、得票数（整数）为值的对象，例如 {"王建国": 400}；实际是 ${a.value}。`,
  ),
  NO_RATING_BALLOTS: entry(
    "NO_BALLOTS",
    () => "No rating ballots: every level count is 0, so no level has a share.",
    () => "没有测评票：各等次票数都是 0，无法计算各等次所占比例。",
  ),
  INCONSISTENT_COUNTS_CAST: entry<{ cast: string; present: string }>(
    "INCONSISTENT_COUNTS",
    (a) => `yes + no + abstain = ${a.cast} votes, more than the ${a.present} members present: only present members vote, once each.`,
    (a) => `yes + no + abstain = ${a.cast} 票，多于实到的 ${a.present} 人：只有出席的成员才能投票，且每人只投一票。`,
  ),

  // Evaluator: expressions
  DIVISION_BY_ZERO: entry<{ expression: string; divisor: string; values: string[] }>(
    "DIVISION_BY_ZERO",
    (a) => `${a.expression} divides by zero: ${a.divisor} = 0${a.values.length ? ` (${a.values.join(", ")})` : ""}.`,
    (a) => `${a.expression} 的除数为零：${a.divisor} = 0${a.values.length ? `（${a.values.join("，")}）` : ""}。`,
  ),
  TYPE_MISMATCH_ORDER: entry<{ left: string; right: string }>(
    "TYPE_MISMATCH",
    (a) => `Cannot order ${a.left} and ${a.right}.`,
    (a) => `${a.left} 和 ${a.right} 无法比较大小。`,
  ),
  TYPE_MISMATCH_NUMBER_VALUE: entry<{ expr: string; value: string }>(
    "TYPE_MISMATCH",
    (a) => `${a.expr} should be a number but is ${a.value}.`,
    (a) => `${a.expr} 应当是数字，但它的值是 ${a.value}。`,
  ),
  TYPE_MISMATCH_CONDITION_VALUE: entry<{ expr: string; value: string }>(
    "TYPE_MISMATCH",
    (a) => `${a.expr} should be a condition but is ${a.value}.`,
    (a) => `${a.expr} 应当是一个条件，但它的值是 ${a.value}。`,
  ),
  REQUIREMENT_FAILED: entry<{ condition: string; detail: string; reason?: string }>(
    "REQUIREMENT_FAILED",
    (a) => `The input breaks a requirement of the rule: require ${a.condition} (${a.detail})${a.reason ? `: ${a.reason}` : ""}.`,
    (a) => `输入不满足规则的要求：require ${a.condition}（${a.detail}）${a.reason ? `：${a.reason}` : ""}。`,
  ),
  NO_BAND: entry<{ name: string }>(
    "NO_BAND",
    (a) => `No band of '${a.name}' matched.`,
    (a) => `标准${q(a.name)}没有任何一档符合。`,
  ),
  RULE_NOT_COMPILED: entry<{ rule: string }>(
    "RULE_NOT_COMPILED",
    (a) => `The rule '${a.rule}' does not exist or has errors.`,
    (a) => `规则${q(a.rule)}不存在或有错误。`,
  ),
  POINTS_EXCEED_MAX_VALUE: entry<{ name: string; points: string; max: string }>(
    "POINTS_EXCEED_MAX",
    (a) => `'${a.name}' would get ${a.points} points, more than its maximum ${a.max}.`,
    (a) => `${q(a.name)}将得 ${a.points} 分，超过了它的满分 ${a.max} 分。`,
  ),
  INVALID_DATE_LITERAL: entry<{ text: string }>(
    "INVALID_DATE",
    (a) => `${a.text} is not a date: no such day in the calendar (write YYYY-MM-DD).`,
    (a) => `${a.text} 不是有效日期：日历上没有这一天（请写成 YYYY-MM-DD）。`,
  ),
  NOT_A_LIST: entry<{ name: string; expr: string }>(
    "NOT_A_LIST",
    (a) => `'${a.name}' takes a list input or a field of one (cases or cases.limit), not ${a.expr}.`,
    (a) => `${q(a.name)}的参数应是列表输入或其字段（如 cases 或 cases.limit），而不是 ${a.expr}。`,
  ),
  UNKNOWN_FIELD: entry<{ list: string; field: string; fields: string[]; hint?: string }>(
    "UNKNOWN_FIELD",
    (a) => `The records of '${a.list}' have no field '${a.field}'; the fields are ${a.fields.join(", ")}${enHint(a.hint)}`,
    (a) => `${q(a.list)}的记录没有字段${q(a.field)}；字段有 ${zhList(a.fields)}${zhHint(a.hint)}`,
  ),
  WHERE_OUTSIDE_AGGREGATE: entry<{ expr: string }>(
    "WHERE_OUTSIDE_AGGREGATE",
    (a) => `'where' selects records only inside count, sum, min, max, share or distinct_months: ${a.expr}.`,
    (a) => `“where”只能用在 count、sum、min、max、share 或 distinct_months 的括号内：${a.expr}。`,
  ),
  LIST_NOT_A_VALUE: entry<{ expr: string }>(
    "LIST_NOT_A_VALUE",
    (a) => `${a.expr} is a list; count, sum, min, max or share turns it into one value.`,
    (a) => `${a.expr} 是一个列表；请用 count、sum、min、max 或 share 把它变成一个值。`,
  ),
  FUNCTION_ARGUMENTS: entry<{ name: string; expected: string }>(
    "FUNCTION_ARGUMENTS",
    (a) => `'${a.name}' takes ${a.expected}.`,
    (a) => `${q(a.name)}的参数应为：${a.expected}。`,
  ),
  SUBCRITERIA_EXCEED_MAX: entry<{ name: string; sum: string; max: string }>(
    "POINTS_OUT_OF_RANGE",
    (a) => `The sub-criteria of '${a.name}' can give ${a.sum} points together, more than its maximum ${a.max}.`,
    (a) => `${q(a.name)}的各项细则合计最高 ${a.sum} 分，超过了它的满分 ${a.max} 分。`,
  ),
  CRITERION_MIXED: entry<{ name: string }>(
    "CRITERION_MIXED",
    (a) => `Criterion '${a.name}' has bands and sub-criteria; give it either bands or sub-criteria (its points are then their sum).`,
    (a) => `标准${q(a.name)}同时写了分档和细则；只能二选一（写细则时得分为各细则之和）。`,
  ),
  LIST_EXPECTED: entry<{ name: string }>(
    "LIST_EXPECTED",
    (a) => `'${a.name}' is a list of records: write [{field: value, …}, …].`,
    (a) => `${q(a.name)}是记录列表：请写成 [{字段: 值, …}, …]。`,
  ),
  LIST_NOT_EXPECTED: entry<{ name: string }>(
    "LIST_NOT_EXPECTED",
    (a) => `'${a.name}' is not a list input; give it one value.`,
    (a) => `${q(a.name)}不是列表输入；请给出一个值。`,
  ),
  INVALID_INPUT_DATE: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be a date written YYYY-MM-DD, but is ${a.value}.`,
    (a) => `${q(a.name)}必须是 YYYY-MM-DD 格式的有效日期，但给出的是 ${a.value}。`,
  ),
  INVALID_INPUT_LIST: entry<ValueArgs>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be a list of records ([{…}, …]), but is ${a.value}.`,
    (a) => `${q(a.name)}必须是记录列表（[{…}, …]），但给出的是 ${a.value}。`,
  ),
  LIST_TOO_LONG: entry<{ name: string; length: string; max: string }>(
    "LIST_TOO_LONG",
    (a) => `'${a.name}' has ${a.length} records; a list input holds at most ${a.max}.`,
    (a) => `${q(a.name)}有 ${a.length} 条记录；列表输入最多 ${a.max} 条。`,
  ),
  DATE_OUTSIDE_CALENDAR: entry<{ expr: string; date: string; years: string[] }>(
    "DATE_OUTSIDE_CALENDAR",
    (a) => `${a.expr} needs working days around ${a.date}, outside the calendar's years (${a.years.join(", ")}); add that year to the calendar.`,
    (a) => `${a.expr} 需要 ${a.date} 前后的工作日，但日历只包含 ${zhList(a.years)} 年；请在日历中补充该年份。`,
  ),
  ABSENT_VALUE: entry<{ name: string; expr: string }>(
    "ABSENT_VALUE",
    (a) => `'${a.name}' is absent, so ${a.expr} has no value; compare it (false when absent) or ask absent(${a.name}) first.`,
    (a) => `${q(a.name)}缺失，${a.expr} 无法计算；请先用 absent(${a.name}) 判断（缺失值参与比较时结果为假）。`,
  ),
  EMPTY_AGGREGATE: entry<{ expr: string }>(
    "EMPTY_AGGREGATE",
    (a) => `${a.expr} has no records to take a value from.`,
    (a) => `${a.expr} 没有可取值的记录。`,
  ),
  BAD_WORKDAY_COUNT: entry<{ expr: string; value: string }>(
    "BAD_DAY_COUNT",
    (a) => `${a.expr} needs a whole number of days of at least 0, but it is ${a.value}.`,
    (a) => `${a.expr} 需要不小于 0 的整数天数，但给出的是 ${a.value}。`,
  ),
  BAD_CALENDAR: entry<{ reason: string }>(
    "BAD_CALENDAR",
    (a) => `The working-day calendar is not valid: ${a.reason}.`,
    (a) => `工作日日历有误：${a.reason}。`,
  ),
  NESTED_AGGREGATE: entry<{ name: string }>(
    "NESTED_AGGREGATE",
    (a) => `'${a.name}' inside a 'where' condition would run once for every record; compute it once in a let before.`,
    (a) => `where 条件中的${q(a.name)}会对每条记录各算一遍；请先用 let 算好。`,
  ),
  // ---- input validation: what the caller sent does not fit the declared inputs ----
  INPUT_MISSING: entry<{ name: string }>(
    "INVALID_INPUT",
    (a) => `Missing input '${a.name}'.`,
    (a) => `缺少输入项${q(a.name)}。`,
  ),
  INPUT_UNKNOWN: entry<{ name: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' is not an input of this rule.`,
    (a) => `${q(a.name)}不是本规则的输入项。`,
  ),
  INPUT_TYPE: entry<{ name: string; expected: string; actual: string; value: string }>(
    "INVALID_INPUT",
    (a) => `${a.name ? `'${a.name}'` : "The input"} must be ${JSON_TYPE_EN[a.expected] ?? a.expected}, not ${a.value}.`,
    (a) => `${a.name ? q(a.name) : "输入"}应为${JSON_TYPE_ZH[a.expected] ?? a.expected}，给出的是 ${a.value}。`,
  ),
  INPUT_BELOW_MIN: entry<{ name: string; min: string; value: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be >= ${a.min}, but is ${a.value}.`,
    (a) => `${q(a.name)}不能小于 ${a.min}，给出的是 ${a.value}。`,
  ),
  INPUT_ABOVE_MAX: entry<{ name: string; max: string; value: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be <= ${a.max}, but is ${a.value}.`,
    (a) => `${q(a.name)}不能大于 ${a.max}，给出的是 ${a.value}。`,
  ),
  INPUT_NOT_OPTION: entry<{ name: string; value: string; options: string[] }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be one of ${a.options.map((o) => `"${o}"`).join(", ")}, not "${a.value}".`,
    (a) => `${q(a.name)}应为 ${zhList(a.options.map((o) => q(o)))} 之一，给出的是${q(a.value)}。`,
  ),
  INPUT_NOT_DATE: entry<{ name: string; value: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' must be a date written YYYY-MM-DD, not "${a.value}".`,
    (a) => `${q(a.name)}应为 YYYY-MM-DD 形式的日期，给出的是${q(a.value)}。`,
  ),
  INPUT_TOO_MANY_RECORDS: entry<{ name: string; length: string; max: string }>(
    "INVALID_INPUT",
    (a) => `'${a.name}' has ${a.length} records; a list input holds at most ${a.max}.`,
    (a) => `${q(a.name)}有 ${a.length} 条记录；列表输入最多 ${a.max} 条。`,
  ),
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The arguments a message id needs. */
export type MessageArgsOf<K extends MessageId> = Parameters<(typeof MESSAGES)[K]["en"]>[0];

/** The catalog entry of an id, typed loosely, for rendering stored arguments. */
function looseEntry(id: string): MessageEntry<Record<string, MessageArg | undefined>> | undefined {
  return Object.prototype.hasOwnProperty.call(MESSAGES, id) ? (MESSAGES[id as MessageId] as unknown as MessageEntry<Record<string, MessageArg | undefined>>) : undefined;
}

/** Renders a message id with its arguments in a locale; undefined for an unknown id. */
export function renderMessage(id: string, args: Record<string, MessageArg> | undefined, locale: Locale): string | undefined {
  const e = looseEntry(id);
  return e ? e[locale](args ?? {}) : undefined;
}

/** Keeps only the defined arguments, so they survive JSON and compare equal. */
function definedArgs(args: object): Record<string, MessageArg> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as Record<string, MessageArg>;
}

/** The code, English message, id and arguments of a message, ready to spread into a diagnostic or error. */
export function message<K extends MessageId>(id: K, args: MessageArgsOf<K>): { code: string; message: string; messageId: K; args: Record<string, MessageArg> } {
  const stored = definedArgs(args);
  return { code: MESSAGES[id].code, message: renderMessage(id, stored, "en")!, messageId: id, args: stored };
}

/** A diagnostic built from the catalog (English message; see localizeDiagnostic for other languages). */
export function diagnostic<K extends MessageId>(severity: Severity, id: K, args: MessageArgsOf<K>, span: Span): Diagnostic {
  return { severity, ...message(id, args), span };
}

/** The diagnostic with its message in the locale, re-rendered from its id and arguments (unchanged without an id). */
export function localizeDiagnostic(d: Diagnostic, locale: Locale): Diagnostic {
  const text = d.messageId ? renderMessage(d.messageId, d.args, locale) : undefined;
  return text === undefined ? d : { ...d, message: text };
}

/** The evaluation error with its message in the locale, re-rendered from its id and arguments (unchanged without an id). */
export function localizeError(e: EvalError, locale: Locale): EvalError {
  const text = e.messageId ? renderMessage(e.messageId, e.args, locale) : undefined;
  return text === undefined ? e : { ...e, message: text };
}
