/**
 * The language service's words in Chinese (CompileOptions.locale "zh"): hover and completion details for an editor
 * whose UI is in Chinese. The English texts are in service.ts and checker.ts; every key there has one here
 * (service-zh.test.ts checks).
 */

import type { FUNCTIONS } from "../check/index.ts";
import { FACT_LABELS, FUNCTION_DOCS } from "../check/index.ts";
import type { CompileOptions } from "../types.ts";

/** Keyword and clause help, as KEYWORD_DOCS and ELECTION_CLAUSE_DOCS in English. */
export const KEYWORD_DOCS_ZH: Record<string, string> = {
  vote: "**vote** 名称 \"标签\" { quorum: … passes: … } —— 表决规则。事实：entitled（应到）、present（实到）、yes（赞成）、no（反对）、abstain（弃权）、cast（投票）。",
  scorecard: "**scorecard** 名称 \"标签\" { input … let … criterion … grade … } —— 评分规则。",
  quorum: "**quorum:** 表决有效的条件。不满足时结果为 `no_quorum`（未达法定人数）。",
  passes: "**passes:** 在达到法定人数的前提下，事项通过的条件。",
  of: "**of** —— 某个数量的几分之几：`2/3 of entitled` 即 2/3 × entitled，精确计算。",
  when: "**when** —— 条件成立时适用该档；按顺序取第一个成立的档。",
  otherwise: "**otherwise** —— 前面各档都不成立时适用的档；总在最后。",
  criterion: "**criterion** 名称 \"标签\" max 分值 { 分数 when 条件 \"理由\" … 分数 otherwise } —— 评分项。",
  grade: "**grade** { \"等级\" when 条件 … \"等级\" otherwise } —— 用 `score`（总分）和各评分项的得分评定等级。",
  input: "**input** 名称: count | number | ratio | boolean | text | date [?] [min N] [max N] [one of \"甲\", \"乙\"] \"标签\"，或 名称: list of { 字段: 类型[?], … } —— `?` 表示该值可以缺省。",
  let: "**let** 名称 = 表达式，或 名称 = { 值 when 条件 … 值 otherwise } —— 命名的中间值，显示在每次计算的说明中。",
  where: "**where** —— 在汇总函数中只保留字段满足条件的记录：`count(cases where resolved <= add_workdays(received, limit))`。",
  require: "**require** 条件 \"理由\" —— 输入必须满足的事实（如 按时办结 <= 受理总数）；不满足时计算以 REQUIREMENT_FAILED 失败。",
  test: "**test** \"名称\" { 规则(输入: 值, …) expect outcome = passed } —— 测试块。",
  expect: "**expect** 目标 = 值，或 **expect error** —— 测试检查的内容。",
  import: "**import** \"文件.gavel\" —— 使用另一个文件中的规则（\"std/…\" 为标准库）。",
  election: "**election** 名称 \"标签\" { void: … turnout: … elected: … runoff: … } —— 一轮选举。事实：registered（登记选民）、voters（参加投票）、ballots（收回选票）、invalid（无效票）、valid（有效票）、seats（应选名额）、round（轮次）；`votes` 为某候选人的得票。结果：void_ballots、void_turnout、complete、runoff、incomplete、tie。",
  rating: "**rating** 名称 \"标签\" { levels 满意, 基本满意, 不满意  grade { … } } —— 对一个对象的民主测评：各等次的票数与占比，以及等级。事实：各等次和 `ballots`（票数合计）。",
  levels: "**levels** 甲, 乙, 丙 —— 测评票的等次；每个等次在表达式中是一个计数，也是规则的一个输入。",
  proxies: "**proxies:** at most N \"理由\" —— 委托投票：适用此规则的事项（表决、选举、测评）中，每名亲自到会的成员最多可代 N 名书面委托的缺席成员投票。为 0 或没有 `proxies:` 行时不允许委托投票。会议签到的上限取其各事项规则中最小的上限。",
  write_ins: "**write_ins:** allowed | not allowed —— 选举：候选人名单以外的姓名（另选他人）计为得票。没有此行（或为 `not allowed`）时，写了名单外姓名的选票不予接受。",
  void: "**void:** 此条件成立时本轮无效（`void_ballots`）；最先检查。收回选票多于投票人数：`ballots > voters`。",
  turnout: "**turnout:** 此条件成立时选举才有效（否则为 `void_turnout`）。如 `voters > 1/2 of registered`。",
  elected: "**elected:** 第一轮：候选人（其 `votes`）满足此条件即有当选资格；得票多者当选。",
  runoff: "**runoff:** 第二轮及以后（另行选举）：候选人满足此条件即有当选资格。如 `votes >= 1/3 of ballots`。",
};

/** Each built-in function, as FUNCTION_DOCS in English. */
export const FUNCTION_DOCS_ZH: Record<(typeof FUNCTIONS)[number], string> = {
  count: "count(cases) · count(cases where 条件)：记录条数（精确计数）",
  sum: "sum(cases.field) · sum(cases.field where 条件)：数值字段的精确合计（跳过缺省值；没有记录时为 0）",
  min: "min(a, b, …) 最小的值 · min(cases.field where 条件) 字段的最小值（没有记录时出错）",
  max: "max(a, b, …) 最大的值 · max(cases.field where 条件) 字段的最大值（没有记录时出错）",
  share: "share(cases where 条件)：count(cases where 条件) / count(cases)，一个比率（列表为空时出错）",
  distinct_months: "distinct_months(visits.date where 条件)：这些日期落在多少个不同的自然月",
  add_workdays: "add_workdays(日期, n)：该日期之后的第 n 个工作日，不含该日期本身（n = 0 即该日期）",
  workdays_between: "workdays_between(a, b)：a 之后到 b（含 b）的工作日数（b 早于 a 时为负）",
  add_days: "add_days(日期, n)：n 个自然日之后的日期（n 可为负）",
  days_between: "days_between(a, b)：从 a 到 b 的自然日数（b - a）",
  year: "year(日期)：年份，如 2026",
  quarter: "quarter(日期)：季度，1 … 4",
  month: "month(日期)：月份，1 … 12",
  day: "day(日期)：当月第几日，1 … 31",
  weekday: "weekday(日期)：星期几，1 = 星期一 … 7 = 星期日",
  absent: "absent(x)：可缺省的输入或字段 x 缺省时为真",
};

/** The built-in functions' documentation in the author's language: hover, completion and signature help read it. */
export function functionDocsIn(locale: CompileOptions["locale"]): Record<(typeof FUNCTIONS)[number], string> {
  return locale === "zh" ? FUNCTION_DOCS_ZH : FUNCTION_DOCS;
}

/** The kinds of names and rules, and the input types, as hover names them. */
export const KIND_WORDS_ZH: Record<string, string> = {
  fact: "事实", input: "输入", let: "中间值", criterion: "评分项", score: "总分", field: "字段",
  vote: "表决", scorecard: "评分表", election: "选举", rating: "测评", rule: "规则", keyword: "关键字", function: "函数",
  count: "计数", number: "数值", ratio: "比率", boolean: "是非", text: "文本", date: "日期", list: "列表",
};

/** The other completion details, by their English text. */
export const DETAILS_ZH: Record<string, string> = {
  "list of { field: type, … }: records": "list of { 字段: 类型, … }：记录列表",
  "at most N: proxies one member present may hold": "at most N：每名到会成员最多可接受的委托数",
  "names off the candidate list count": "名单以外的姓名计为得票",
  "only listed candidates (the default)": "只计名单上的候选人（默认）",
  expectation: "测试目标",
  level: "等次",
  "测评票 / rating ballots: the sum of the level counts": "测评票：各等次票数之和",
  "总分 / total score (in grade)": "总分（在 grade 中使用）",
  Inputs: "输入",
};

/**
 * A fact's label for the locale: the facts' labels are bilingual ("应到 / entitled: members on the roster"), which
 * suits the CLI and the schemas; a Chinese editor shows the Chinese half.
 */
export function factLabel(name: string, locale: "en" | "zh" = "en"): string | undefined {
  return bilingualLabel(FACT_LABELS[name], locale);
}

/** A bilingual label ("中文 / English: …") for the locale: a Chinese editor shows its own wording, else the Chinese half. */
export function bilingualLabel(label: string | undefined, locale: "en" | "zh" = "en"): string | undefined {
  if (label === undefined || locale === "en") return label;
  return DETAILS_ZH[label] ?? label.split(" / ")[0];
}

/** A word of KIND_WORDS_ZH in Chinese, or the word itself in English. */
export function kindWord(word: string, locale: "en" | "zh" = "en"): string {
  return locale === "zh" ? (KIND_WORDS_ZH[word] ?? word) : word;
}

/** A completion detail of DETAILS_ZH in Chinese, or the text itself in English. */
export function detailText(text: string, locale: "en" | "zh" = "en"): string {
  return locale === "zh" ? (DETAILS_ZH[text] ?? text) : text;
}

/** The bilingual labels lang gives built-in inputs (a rating's levels, an election's votes by candidate), for the locale. */
export function builtInLabel(label: string | undefined, locale: "en" | "zh" = "en"): string | undefined {
  if (label === undefined || locale === "en") return label;
  if (label === "候选人得票 / votes by candidate") return "候选人得票";
  return label.replace(/^测评等次 \/ level /u, "测评等次 ");
}
