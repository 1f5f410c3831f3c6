/**
 * The checker's refusals and warnings (checker.ts), each with its whole diagnostic: severity, code, the complete
 * message and the span it points at. The messages are written out here by hand, as a reader of the rule would
 * expect them, not built from the message catalog. Accepted rules are checked for what the checker decided about
 * them: a let's type, a field's and a level's label, the rule compiling and scoring within its maxima.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { getHover } from "../tooling/service.ts";

/** One diagnostic: severity, code, message and span (line:column-endLine:endColumn, the end exclusive). */
type Found = [severity: "error" | "warning", code: string, message: string, span: string];

/** A source written line by line, so that the line and column of a diagnostic can be read off the test. */
const lines = (...ls: string[]) => ls.join("\n");

function found(source: string): Found[] {
  return compile(source).diagnostics.map((d) => [d.severity, d.code, d.message, `${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`]);
}

/** The type the checker gave a let (or any symbol) of a rule. */
function typeOf(source: string, rule: string, name: string): string | undefined {
  return compile(source).analysed.infos.get(rule)?.symbols.get(name)?.type;
}

const ratioMix = (other: string) => `Cannot mix a ratio with a ${other}: a ratio is a share (e.g. 75%), a ${other} is an amount. Use 'SHARE of AMOUNT' to turn a share into an amount.`;
const TYPES = "count, number, ratio, boolean, text, date";

describe("the checker refuses, saying why and where", () => {
  it.each<[string, string, Found[]]>([
    // ---- a let with bands: one type for every band's value ----
    [
      "a let whose bands give a count, then a ratio",
      lines("scorecard s {", "  input x: count", "  input r: ratio", "  let a = {", "    x when x > 0", "    r otherwise", "  }", "  criterion c max 1 { 1 when a > 0  0 otherwise }", "}"),
      [["error", "UNIT_MISMATCH", ratioMix("count"), "6:5-6:6"]],
    ],
    [
      "a let whose bands give a ratio, then a number (Chinese names)",
      lines("scorecard 评分 {", "  input 率: ratio", "  input 分: number", "  let 值 = {", "    率 when 分 > 0", "    分 otherwise", "  }", "  criterion 项 max 1 { 1 when 值 > 0  0 otherwise }", "}"),
      [["error", "UNIT_MISMATCH", ratioMix("number"), "6:5-6:6"]],
    ],
    [
      "a let whose bands give a count, then a condition",
      lines("scorecard s {", "  input x: count", "  let a = {", "    x when x > 0", "    (x > 5) otherwise", "  }", "  criterion c max 1 { 1 when a > 0  0 otherwise }", "}"),
      [["error", "TYPE_MISMATCH", "The bands of 'a' give a count and a boolean: every band of a let must give one type.", "5:5-5:12"]],
    ],
    [
      "a let whose bands give a text, a date and a condition, once",
      lines("scorecard s {", "  input x: count", "  let a = {", '    "甲" when x > 5', "    2026-01-01 when x > 1", "    true otherwise", "  }", '  criterion c max 1 { 1 when a = "甲"  0 otherwise }', "}"),
      [["error", "TYPE_MISMATCH", "The bands of 'a' give a text and a date: every band of a let must give one type.", "5:5-5:15"]],
    ],
    [
      "a let whose band value is not defined, only for that",
      lines("scorecard s {", "  input x: count", "  let a = {", '    "甲" when x > 5', "    未知 otherwise", "  }", '  criterion c max 1 { 1 when a = "甲"  0 otherwise }', "}"),
      [["error", "UNDEFINED_NAME", "'未知' is not defined here.", "5:5-5:7"]],
    ],
    [
      "a let without otherwise, with a band hidden by an earlier one, in the wrong order",
      lines("scorecard s {", "  input x: count", "  let a = {", "    1 when x > 0", "    2 when x > 5", "    3 when x >= 9", "  }", "  criterion c max 3 { a otherwise }", "}"),
      [
        ["error", "MISSING_OTHERWISE", "Let 'a' has no 'otherwise' band, so some inputs would get no result; add one as the last band.", "3:7-3:8"],
        ["warning", "BANDS_UNORDERED", "Bands of let 'a' are out of order: x above 5 gives more points (2) than above 0 (1).", "3:7-3:8"],
        ["warning", "BANDS_UNORDERED", "Bands of let 'a' are out of order: x at least 9 gives more points (3) than above 5 (2).", "3:7-3:8"],
        ["error", "UNREACHABLE_BAND", "This band of let 'a' can never match: every x above 5 is already taken by an earlier band. Put the stricter band first.", "5:5-5:17"],
        ["error", "UNREACHABLE_BAND", "This band of let 'a' can never match: every x at least 9 is already taken by an earlier band. Put the stricter band first.", "6:5-6:18"],
      ],
    ],
    [
      "a let naming a whole list",
      lines("scorecard s {", "  input cases: list of { days: count }", "  let a = cases", "  criterion c max 1 { 1 when a > 0  0 otherwise }", "}"),
      [["error", "LIST_NOT_A_VALUE", "cases is a list; count, sum, min, max or share turns it into one value.", "3:11-3:16"]],
    ],
    [
      "a let named like an input, and one named score",
      lines("scorecard s {", "  input x: count", "  let x = 1", "  let score = 2", "  criterion c max 1 { 1 when x > 0  0 otherwise }", "}"),
      [
        ["error", "DUPLICATE_NAME", "'x' is already defined as the input 'x'; choose another name.", "3:7-3:8"],
        ["error", "RESERVED_NAME", "'score' is already defined as the built-in 'score'; choose another name.", "4:7-4:12"],
        ["warning", "UNUSED_LET", "'score' is defined but never used.", "4:7-4:12"],
      ],
    ],

    // ---- votes ----
    [
      "a vote without clauses",
      "vote 表决 { }",
      [
        ["error", "MISSING_CLAUSE", "Vote '表决' has no 'quorum:' clause (write 'quorum: true' if this body needs none).", "1:6-1:8"],
        ["error", "MISSING_CLAUSE", "Vote '表决' has no 'passes:' clause.", "1:6-1:8"],
      ],
    ],
    [
      "a vote without passes",
      lines("vote v {", "  quorum: present > 1/2 of entitled", "}"),
      [["error", "MISSING_CLAUSE", "Vote 'v' has no 'passes:' clause.", "1:6-1:7"]],
    ],
    [
      "a vote without quorum",
      lines("vote v {", "  passes: yes > no", "}"),
      [["error", "MISSING_CLAUSE", "Vote 'v' has no 'quorum:' clause (write 'quorum: true' if this body needs none).", "1:6-1:7"]],
    ],
    [
      "a vote with a clause twice, an unused let, a requirement and a clause that are not conditions",
      lines("vote v {", "  let 票 = yes + no", "  let 未用 = abstain", "  quorum: true", "  quorum: 票 > 1/2 of entitled", "  require present", "  passes: yes / cast", "}"),
      [
        ["warning", "UNUSED_LET", "'未用' is defined but never used.", "3:7-3:9"],
        ["error", "DUPLICATE_CLAUSE", "The 'quorum' clause is written twice; a vote has one quorum and one passes clause.", "5:3-5:9"],
        ["error", "TYPE_MISMATCH", "A requirement must be a condition (true or false), but present is a count.", "6:11-6:18"],
        ["error", "TYPE_MISMATCH", "The 'passes' clause must be a condition (true or false), but yes / cast is a ratio.", "7:11-7:21"],
      ],
    ],
    [
      "a vote's let named like a fact",
      lines("vote v {", "  let present = 1", "  quorum: present > 0", "  passes: yes > no", "}"),
      [["error", "RESERVED_NAME", "'present' is already defined as the built-in 'present'; choose another name.", "2:7-2:14"]],
    ],

    // ---- elections ----
    [
      "an election with votes outside a candidate's clause, an unknown clause, a clause twice, a missing one",
      lines("election 选举 {", "  void: votes > 0", "  turnot: true", "  elected: voters > 1", "  runoff: votes >= 1/3 of ballots", "  runoff: votes > valid", "  let 未用 = 1", "}"),
      [
        ["error", "MISSING_CLAUSE", "Election '选举' has no 'turnout:' clause (write 'turnout: true' if any turnout is valid).", "1:10-1:12"],
        ["error", "UNDEFINED_NAME", "'votes' is not defined here; did you mean 'voters'?", "2:9-2:14"],
        ["error", "UNKNOWN_CLAUSE", "An election has no 'turnot:' clause; its clauses are void, turnout, elected, runoff; did you mean 'turnout'?", "3:3-3:9"],
        ["error", "CLAUSE_WITHOUT_VOTES", "The 'elected' clause is tried for each candidate and must use 'votes' (the candidate's votes), e.g. 'votes > 1/2 of voters'.", "4:12-4:22"],
        ["error", "DUPLICATE_CLAUSE", "The 'runoff' clause is written twice; an election has one each of void, turnout, elected and runoff.", "6:3-6:9"],
        ["warning", "UNUSED_LET", "'未用' is defined but never used.", "7:7-7:9"],
      ],
    ],
    [
      "an election without clauses",
      lines("election e {", "}"),
      [
        ["error", "MISSING_CLAUSE", "Election 'e' has no 'void:' clause (write 'void: false' if nothing voids a round).", "1:10-1:11"],
        ["error", "MISSING_CLAUSE", "Election 'e' has no 'turnout:' clause (write 'turnout: true' if any turnout is valid).", "1:10-1:11"],
        ["error", "MISSING_CLAUSE", "Election 'e' has no 'elected:' clause.", "1:10-1:11"],
        ["error", "MISSING_CLAUSE", "Election 'e' has no 'runoff:' clause.", "1:10-1:11"],
      ],
    ],
    [
      "an election whose votes end with its clause, a clause that is not a condition, a clause with no near name",
      lines("election e {", "  elected: votes > 1/2 of voters", "  void: votes > ballots", "  turnout: voters", "  截止: voters", "  runoff: round > 1", "}"),
      [
        ["error", "UNDEFINED_NAME", "'votes' is not defined here; did you mean 'voters'?", "3:9-3:14"],
        ["error", "TYPE_MISMATCH", "The 'turnout' clause must be a condition (true or false), but voters is a count.", "4:12-4:18"],
        ["error", "UNKNOWN_CLAUSE", "An election has no '截止:' clause; its clauses are void, turnout, elected, runoff.", "5:3-5:5"],
        ["error", "CLAUSE_WITHOUT_VOTES", "The 'runoff' clause is tried for each candidate and must use 'votes' (the candidate's votes), e.g. 'votes > 1/2 of voters'.", "6:11-6:20"],
      ],
    ],

    // ---- ratings ----
    [
      "a rating without levels or grade",
      lines("rating 测评 {", "}"),
      [
        ["error", "MISSING_LEVELS", "Rating '测评' declares no levels; write e.g. 'levels 满意, 基本满意, 不满意'.", "1:8-1:10"],
        ["error", "MISSING_GRADE", "Rating '测评' has no grade block; a rating's result is a grade.", "1:8-1:10"],
      ],
    ],
    [
      "a rating with a level named ballots, a level twice, levels twice, and a grade without otherwise",
      lines("rating r {", "  levels ballots, 好, 好", "  levels 中", "  let 率 = 好 / ballots", "  let 空 = 1", "  require 好", "  grade {", '    "优" when 率 >= 90%', '    "良" when 率', "  }", "}"),
      [
        ["error", "RESERVED_NAME", "'ballots' is already defined as the built-in 'ballots'; choose another name.", "2:10-2:17"],
        ["error", "DUPLICATE_NAME", "'好' is already defined as the input '好'; choose another name.", "2:22-2:23"],
        ["error", "DUPLICATE_LEVELS", "A rating declares its levels once.", "3:3-3:11"],
        ["warning", "UNUSED_LET", "'空' is defined but never used.", "5:7-5:8"],
        ["error", "TYPE_MISMATCH", "A requirement must be a condition (true or false), but 好 is a count.", "6:11-6:12"],
        ["error", "MISSING_OTHERWISE", "The grade has no 'otherwise' band, so some inputs would get no result; add one as the last band.", "7:3-10:4"],
        ["error", "TYPE_MISMATCH", "A grade's condition must be a condition (true or false), but 率 is a ratio.", "9:14-9:15"],
      ],
    ],

    // ---- inputs: types and constraints ----
    [
      "inputs of unknown types, their constraints not judged",
      lines("scorecard s {", '  input x: cuont min 1 one of "a"', "  input y: 数字", "  criterion c max 1 { 1 when x > 0 and y > 0  0 otherwise }", "}"),
      [
        ["error", "UNKNOWN_TYPE", `'cuont' is not a type; use one of ${TYPES} (did you mean 'count'?).`, "2:12-2:17"],
        ["error", "UNKNOWN_TYPE", `'数字' is not a type; use one of ${TYPES}.`, "3:12-3:14"],
      ],
    ],
    [
      "constraints that do not fit their input",
      lines(
        "scorecard s {",
        '  input t: text min 1 "说明"',
        "  input d: date max 2",
        "  input b: boolean min 0 max 1",
        '  input k: count one of "甲", "乙"',
        "  input n: number min 5 max 1",
        "  input m: number min 0.5 max 0.25",
        "  input z: count min -2",
        "  input w: count min -1 max -3",
        "  input y: number min 3 max 3",
        '  criterion c max 1 { 1 when t = "a" and d > 2026-01-01 and b and k > 0 and n > 0 and m > 0 and z > 0 and w > 0 and y > 0  0 otherwise }',
        "}",
      ),
      [
        ["error", "BAD_CONSTRAINT", "'min' and 'max' apply to numbers, not to text.", "2:3-2:27"],
        ["error", "BAD_CONSTRAINT", "'min' and 'max' apply to numbers, not to date.", "3:3-3:22"],
        ["error", "BAD_CONSTRAINT", "'min' and 'max' apply to numbers, not to boolean.", "4:3-4:31"],
        ["error", "BAD_CONSTRAINT", "'one of' applies to text inputs, not to count.", "5:3-5:33"],
        ["error", "BAD_CONSTRAINT", "min 5 is greater than max 1: no value is allowed.", "6:3-6:30"],
        ["error", "BAD_CONSTRAINT", "min 0.5 is greater than max 0.25: no value is allowed.", "7:3-7:35"],
        ["error", "BAD_CONSTRAINT", "A count is never negative, so min -2 is meaningless.", "8:22-8:24"],
        ["error", "BAD_CONSTRAINT", "min -1 is greater than max -3: no value is allowed.", "9:3-9:31"],
        ["error", "BAD_CONSTRAINT", "A count is never negative, so min -1 is meaningless.", "9:22-9:24"],
      ],
    ],
    [
      "a list input with constraints, and fields of a wrong type, twice, or wrongly constrained",
      lines("scorecard s {", '  input 案件: list of { 天数: count min -1, 类型: text one of "甲", 标记: boolean max 1, 天数: number, 日期: dat } min 1', "  criterion c max 1 { 1 when count(案件) > 0  0 otherwise }", "}"),
      [
        ["error", "BAD_CONSTRAINT", "'min' and 'max' apply to numbers, not to list.", "2:3-2:108"],
        ["error", "BAD_CONSTRAINT", "A count is never negative, so min -1 is meaningless.", "2:37-2:39"],
        ["error", "BAD_CONSTRAINT", "'min' and 'max' apply to numbers, not to boolean.", "2:62-2:79"],
        ["error", "DUPLICATE_NAME", "'天数' is already defined as the field '天数'; choose another name.", "2:81-2:83"],
        ["error", "UNKNOWN_TYPE", `'dat' is not a type; use one of ${TYPES} (did you mean 'date'?).`, "2:97-2:100"],
      ],
    ],

    // ---- criteria: maxima, points, sub-criteria ----
    [
      "negative maxima",
      lines("scorecard s {", "  input x: count", "  criterion c max -1 { x otherwise }", "  criterion d max -2 { 0 otherwise }", "}"),
      [
        ["error", "BAD_MAX", "The maximum of 'c' must not be negative.", "3:19-3:21"],
        ["error", "BAD_MAX", "The maximum of 'd' must not be negative.", "4:19-4:21"],
        ["error", "POINTS_EXCEED_MAX", "0 points is more than the maximum -2 of 'd'.", "4:24-4:25"],
      ],
    ],
    [
      "sub-criteria over their parent's maximum, and a criterion with both bands and sub-criteria",
      lines(
        "scorecard 星级 {",
        "  input 次数: count",
        '  criterion 服务 "社区服务" max 10 {',
        "    criterion 活动 max 6 { 6 when 次数 >= 12  0 otherwise }",
        "    criterion 满意 max 5 { 5 when 次数 >= 6  0 otherwise }",
        "  }",
        "  criterion 混合 max 4 {",
        "    criterion 甲 max 2 { 2 when 次数 > 0  0 otherwise }",
        "    1 otherwise",
        "  }",
        "  criterion 总 max 4.5 {",
        "    criterion 乙 max 2.5 { 2.5 when 次数 > 1  0 otherwise }",
        "    criterion 丙 max 2.5 { 2.5 when 次数 > 2  0 otherwise }",
        "  }",
        "}",
      ),
      [
        ["error", "POINTS_OUT_OF_RANGE", "The sub-criteria of '服务' can give 11 points together, more than its maximum 10.", "3:13-3:15"],
        ["error", "CRITERION_MIXED", "Criterion '混合' has bands and sub-criteria; give it either bands or sub-criteria (its points are then their sum).", "7:13-7:15"],
        ["error", "POINTS_OUT_OF_RANGE", "The sub-criteria of '总' can give 5 points together, more than its maximum 4.5.", "11:13-11:14"],
      ],
    ],
    [
      "points that are not numbers",
      lines("scorecard s {", "  input x: count", "  input r: ratio", '  criterion a max 1 { "十" otherwise }', "  criterion b max 1 { (x > 1) otherwise }", "  criterion c max 1 { 50% when x > 0  r otherwise }", "}"),
      [
        ["error", "TYPE_MISMATCH", 'Points must be a number, but "十" is a text.', "4:23-4:26"],
        ["error", "TYPE_MISMATCH", "Points must be a number, but (x > 1) is a boolean.", "5:23-5:30"],
        ["error", "TYPE_MISMATCH", "Points must be a number, but 50% is a ratio.", "6:23-6:26"],
        ["error", "TYPE_MISMATCH", "Points must be a number, but r is a ratio.", "6:39-6:40"],
      ],
    ],
    [
      "points above the maximum, and computed points not proven within 0..max",
      lines(
        "scorecard s {",
        "  input x: count",
        "  input n: number min -1 max 3",
        "  input m: number",
        "  criterion a max 10 { 12 when x >= 10  31/3 when x >= 5  10 otherwise }",
        "  criterion b max 10 { x when x <= 11  x otherwise }",
        "  criterion c max 5 { n otherwise }",
        "  criterion d max 5 { m otherwise }",
        "  criterion e max 10 { -5 otherwise }",
        "}",
      ),
      [
        ["error", "POINTS_EXCEED_MAX", "12 points is more than the maximum 10 of 'a'.", "5:24-5:26"],
        ["error", "POINTS_EXCEED_MAX", "31/3 points is more than the maximum 10 of 'a'.", "5:41-5:45"],
        ["error", "POINTS_OUT_OF_RANGE", "The points x of 'b' can be 0 to 11, outside 0..10: bound them, e.g. max(0, min(10, x)), or bound the inputs with min/max.", "6:24-6:25"],
        ["error", "POINTS_OUT_OF_RANGE", "The points x of 'b' can be 0 to unbounded, outside 0..10: bound them, e.g. max(0, min(10, x)), or bound the inputs with min/max.", "6:40-6:41"],
        ["error", "POINTS_OUT_OF_RANGE", "The points n of 'c' can be -1 to 3, outside 0..5: bound them, e.g. max(0, min(5, n)), or bound the inputs with min/max.", "7:23-7:24"],
        ["error", "POINTS_OUT_OF_RANGE", "The points m of 'd' can be unbounded to unbounded, outside 0..5: bound them, e.g. max(0, min(5, m)), or bound the inputs with min/max.", "8:23-8:24"],
        ["error", "POINTS_OUT_OF_RANGE", "The points -5 of 'e' can be -5, outside 0..10: bound them, e.g. max(0, min(10, -5)), or bound the inputs with min/max.", "9:24-9:26"],
      ],
    ],
    [
      "a let's bands and a let's expression beyond a criterion's maximum",
      lines("scorecard s {", "  input x: count max 4", "  let a = {", "    12 when x > 3", "    0 otherwise", "  }", "  let b = x + 1", "  criterion c max 10 { a otherwise }", "  criterion d max 4 { b otherwise }", "  criterion e max 5 { b otherwise }", "}"),
      [
        ["error", "POINTS_OUT_OF_RANGE", "The points a of 'c' can be 0 to 12, outside 0..10: bound them, e.g. max(0, min(10, a)), or bound the inputs with min/max.", "8:24-8:25"],
        ["error", "POINTS_OUT_OF_RANGE", "The points b of 'd' can be 1 to 5, outside 0..4: bound them, e.g. max(0, min(4, b)), or bound the inputs with min/max.", "9:23-9:24"],
      ],
    ],
    [
      "criteria named twice, like an input, or score; a criterion seen by another",
      lines("scorecard s {", "  input x: count", "  criterion c max 1 { 1 when x > 0  0 otherwise }", "  criterion d max 1 { 1 when 得分 > 0  0 otherwise }", "  criterion c max 1 { 0 otherwise }", "  criterion x max 1 { 0 otherwise }", "  criterion score max 1 { 0 otherwise }", "  criterion 得分 max 1 { 0 otherwise }", "}"),
      [
        ["error", "UNDEFINED_NAME", "'得分' is not defined here.", "4:30-4:32"],
        ["error", "DUPLICATE_NAME", "'c' is already defined as the criterion 'c'; choose another name.", "5:13-5:14"],
        ["error", "DUPLICATE_NAME", "'x' is already defined as the input 'x'; choose another name.", "6:13-6:14"],
        ["error", "RESERVED_NAME", "'score' is already defined as the built-in 'score'; choose another name.", "7:13-7:18"],
      ],
    ],

    // ---- scorecards: criteria, grades, requirements, unused names ----
    [
      "a scorecard without criteria",
      lines("scorecard 评分 {", "  input 数: count", "}"),
      [
        ["error", "NO_CRITERIA", "Scorecard '评分' has no criterion, so it can only score 0.", "1:11-1:13"],
        ["warning", "UNUSED_INPUT", "The input '数' is never used by any criterion, let or grade.", "2:9-2:10"],
      ],
    ],
    [
      "conditions that are not conditions, two grades, a grade without otherwise, unused names",
      lines("scorecard s {", "  input x: count", "  input 未用: number", "  let 空 = x + 1", "  require x", "  criterion c max 1 { 1 when x  0 otherwise }", '  grade { "好" when score  "差" otherwise }', "  grade {", '    "甲" when c >= 1', "  }", "}"),
      [
        ["warning", "UNUSED_INPUT", "The input '未用' is never used by any criterion, let or grade.", "3:9-3:11"],
        ["warning", "UNUSED_LET", "'空' is defined but never used.", "4:7-4:8"],
        ["error", "TYPE_MISMATCH", "A requirement must be a condition (true or false), but x is a count.", "5:11-5:12"],
        ["error", "TYPE_MISMATCH", "A band's condition must be a condition (true or false), but x is a count.", "6:30-6:31"],
        ["error", "TYPE_MISMATCH", "A grade's condition must be a condition (true or false), but score is a number.", "7:20-7:25"],
        ["error", "DUPLICATE_GRADE", "A scorecard has one grade block.", "8:3-10:4"],
        ["error", "MISSING_OTHERWISE", "The grade has no 'otherwise' band, so some inputs would get no result; add one as the last band.", "8:3-10:4"],
      ],
    ],
    [
      "an input declared twice: the first declaration bounds it",
      lines("scorecard s {", "  input n: number min 0 max 1", "  input n: number", "  criterion c max 1 { n otherwise }", "}"),
      [["error", "DUPLICATE_NAME", "'n' is already defined as the input 'n'; choose another name.", "3:9-3:10"]],
    ],

    // ---- ratios of counts compared with a share ----
    [
      "a ratio of counts compared with a share, nothing keeping it at most 1 (warned once per ratio)",
      lines("scorecard s {", "  input 办结: count", "  input 受理: count", "  let 率 = 办结 / 受理", "  criterion c max 1 { 1 when 率 >= 90%  0 otherwise }", '  grade { "好" when 90% <= 率 and (办结 / 受理) > 1/2  "差" otherwise }', "}"),
      [
        ["warning", "UNBOUNDED_RATIO", "率 is compared with a share, but nothing keeps 办结 <= 受理, so impossible input can score above 100%: add 'require 办结 <= 受理'.", "5:30-5:31"],
        ["warning", "UNBOUNDED_RATIO", "(办结 / 受理) is compared with a share, but nothing keeps 办结 <= 受理, so impossible input can score above 100%: add 'require 办结 <= 受理'.", "6:33-6:42"],
      ],
    ],
    [
      "a ratio whose requirement points the wrong way",
      lines("scorecard s {", "  input a: count", "  input b: count", "  require a >= b", "  criterion c max 1 { 1 when a / b >= 90%  0 otherwise }", "}"),
      [["warning", "UNBOUNDED_RATIO", "a / b is compared with a share, but nothing keeps a <= b, so impossible input can score above 100%: add 'require a <= b'.", "5:30-5:35"]],
    ],
    [
      "a ratio compared from the share's side, in a grade",
      lines("scorecard s {", "  input a: count", "  input b: count", "  criterion c max 1 { 1 when a > 0  0 otherwise }", '  grade { "好" when 1/2 < a / b  "差" otherwise }', "}"),
      [["warning", "UNBOUNDED_RATIO", "a / b is compared with a share, but nothing keeps a <= b, so impossible input can score above 100%: add 'require a <= b'.", "5:26-5:31"]],
    ],
    [
      "a ratio whose requirement is an equality",
      lines("scorecard s {", "  input a: count", "  input b: count", "  require a = b or a < b", "  criterion c max 1 { 1 when a / b >= 90%  0 otherwise }", "}"),
      [["warning", "UNBOUNDED_RATIO", "a / b is compared with a share, but nothing keeps a <= b, so impossible input can score above 100%: add 'require a <= b'.", "5:30-5:35"]],
    ],
    [
      "a part over a sum that does not contain it",
      lines("scorecard s {", "  input 满意: count", "  input 基本: count", "  input 不满意: count", "  let 总 = 基本 + 不满意", "  criterion c max 1 { 1 when 满意 / 总 >= 2/3  0 otherwise }", "}"),
      [["warning", "UNBOUNDED_RATIO", "满意 / 总 is compared with a share, but nothing keeps 满意 <= 总, so impossible input can score above 100%: add 'require 满意 <= 总'.", "6:30-6:36"]],
    ],
    [
      "a part that counts a term twice, over a sum with it once",
      lines("scorecard s {", "  input a: count", "  input b: count", "  let 率 = (a + a) / (a + b)", "  criterion c max 1 { 1 when 率 >= 90%  0 otherwise }", "}"),
      [["warning", "UNBOUNDED_RATIO", "率 is compared with a share, but nothing keeps (a + a) <= (a + b), so impossible input can score above 100%: add 'require (a + a) <= (a + b)'.", "5:30-5:31"]],
    ],
    [
      "a selection of one list over the count of another",
      lines("scorecard s {", "  input 甲: list of { 办结: boolean }", "  input 乙: list of { 办结: boolean }", "  criterion c max 1 { 1 when count(甲 where 办结) / count(乙) >= 90%  0 otherwise }", "}"),
      [["warning", "UNBOUNDED_RATIO", "count(甲 where 办结) / count(乙) is compared with a share, but nothing keeps count(甲 where 办结) <= count(乙), so impossible input can score above 100%: add 'require count(甲 where 办结) <= count(乙)'.", "4:30-4:58"]],
    ],
  ])("%s", (_name, source, expected) => {
    expect(found(source)).toEqual(expected);
  });
});

describe("the checker accepts, without errors or warnings", () => {
  it.each<[string, string]>([
    ["a vote whose lets are used", lines("vote v {", "  let 票 = yes + no", "  quorum: present > 1/2 of entitled", "  passes: yes >= 2/3 of 票", "  require present >= 3", "}")],
    ["an election using votes in its per-candidate clauses", lines("election e {", "  let 有效 = valid", "  void: ballots > voters", "  turnout: voters > 1/2 of registered", "  elected: votes > 1/2 of 有效", "  runoff: votes >= 1/3 of ballots", "}")],
    ["a rating using its levels and ballots", lines("rating r {", "  levels 满意, 不满意", "  let 率 = 满意 / ballots", "  require ballots > 0", '  grade { "好" when 率 >= 2/3  "差" when 不满意 > 0  "中" otherwise }', "}")],
    ["constraints that fit", lines("scorecard s {", "  input r: ratio min 0 max 1", "  input e: number min 3 max 3", "  input f: number min -2", "  input k: count min 0", '  input t: text one of "甲", "乙"', "  criterion c max 1 { 1 when r > 50% and e > 0 and f > 0 and k > 0 and t = \"甲\"  0 otherwise }", "}")],
    ["a list whose fields fit their constraints", lines("scorecard s {", '  input cases: list of { days: count min 0 max 30, kind: text one of "a", "b", done: date? }', "  criterion c max 1 { 1 when count(cases where days > 3 and kind = \"a\" and not absent(done)) > 0  0 otherwise }", "}")],
    ["points equal to the maximum, and a maximum of 0", lines("scorecard s {", "  input x: count", "  criterion c max 10 { 10 when x > 0  0 otherwise }", "  criterion z max 0 { 0 otherwise }", "}")],
    ["computed points bounded by the input's range", lines("scorecard s {", "  input n: number min 0 max 10", "  criterion c max 10 { n otherwise }", "}")],
    ["computed points bounded by their band's condition", lines("scorecard s {", "  input x: count", "  criterion c max 10 { x when x <= 10  10 otherwise }", "}")],
    ["sub-criteria whose maxima add up to their parent's", lines("scorecard s {", "  input x: count", "  criterion 总 max 4.5 {", "    criterion 甲 max 2.5 { 2.5 when x > 1  0 otherwise }", "    criterion 乙 max 2 { 2 when x > 2  0 otherwise }", "  }", "}")],
    ["a grade that sees the total, criteria and sub-criteria", lines("scorecard s {", "  input x: count", "  criterion 总 max 2 {", "    criterion 甲 max 1 { 1 when x > 0  0 otherwise }", "    criterion 乙 max 1 { 1 when x > 1  0 otherwise }", "  }", '  grade { "好" when 甲 >= 1 and 总 >= 1 and score >= 1  "差" otherwise }', "}")],
    ["an input used only by a requirement, and one only by a grade", lines("scorecard s {", "  input a: count", "  input b: count", "  input g: boolean", "  require a <= 10", "  criterion c max 1 { 1 when b > 0  0 otherwise }", '  grade { "好" when g  "差" otherwise }', "}")],
    ["a let's bands scoring within the maximum", lines("scorecard s {", "  input x: count", "  let a = {", "    10 when x >= 12", "    6 when x >= 6", "    0 otherwise", "  }", "  criterion c max 10 { a otherwise }", "}")],
    ["a let's expression scoring within the maximum", lines("scorecard s {", "  input x: count max 4", "  let b = x + 1", "  criterion e max 5 { b otherwise }", "}")],
    ...[
      ["a <= b", "require a <= b"],
      ["b >= a", "require b >= a"],
      ["a < b", "require a < b"],
      ["b > a", "require b > a"],
      ["a <= b among other requirements, in parentheses", "require a >= 0 and (a <= b) and b >= 0"],
      ["a <= b through lets", "let 分子 = a\n  let 分母 = (b)\n  require 分子 <= 分母"],
      ["b >= a through lets", "let 分子 = a\n  let 分母 = b\n  require 分母 >= 分子"],
    ].map(([what, requirement]): [string, string] => [
      `a ratio of counts kept at most 1 by ${what}`,
      lines("scorecard s {", "  input a: count", "  input b: count", `  ${requirement}`, "  criterion c max 1 { 1 when a / b >= 90% and 50% < a / b  0 otherwise }", "}"),
    ]),
    ["a part over a sum that contains it, through lets", lines("scorecard s {", "  input 满意: count", "  input 基本: count", "  input 不满意: count", "  let 认可 = 满意 + 基本", "  let 总 = 认可 + 不满意", "  let 率 = 认可 / 总", "  criterion c max 1 { 1 when 率 >= 2/3 and (满意 + 基本) / (满意 + 基本 + 不满意) >= 1/2  0 otherwise }", "}")],
    ["a selection over its own list", lines("scorecard s {", "  input 案件: list of { 办结: boolean }", "  let 已办 = count(案件 where 办结)", "  let 全部 = count(案件)", "  criterion c max 1 { 1 when 已办 / 全部 >= 90%  0 otherwise }", "}")],
    ["ratios that are not a division of counts, or not compared with a constant", lines("scorecard s {", "  input r: ratio", "  input n: number", "  input a: count", "  input b: count", "  criterion c max 1 { 1 when r >= 90% and n / a >= 50% and a / b >= r  0 otherwise }", "}")],
  ])("%s", (_name, source) => {
    const m = compile(source);
    expect(found(source)).toEqual([]);
    expect(m.rules.map((r) => r.name)).toEqual([m.analysed.program.items.find((i) => i.kind !== "import" && i.kind !== "test")!.name]);
  });

  it("compiles a rule that only has warnings, and not one with an error", () => {
    const warned = compile(lines("scorecard s {", "  input x: count", "  input y: count", "  criterion c max 1 { 1 when x > 0  0 otherwise }", "}"));
    expect(warned.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(warned.rules.map((r) => r.name)).toEqual(["s"]);
    expect(warned.analysed.infos.get("s")?.ok).toBe(true);
    const refused = compile(lines("scorecard s {", "  input x: count", "  criterion c max 1 { 2 when x > 0  0 otherwise }", "}"));
    expect(refused.rules).toEqual([]);
    expect(refused.analysed.infos.get("s")?.ok).toBe(false);
  });

  it("scores computed points up to the maximum it proved", () => {
    const m = compile(lines("scorecard s {", "  input x: count", "  input n: number min 0 max 10", "  criterion c max 10 { x when x <= 10  10 otherwise }", "  criterion d max 10 { n otherwise }", "}"));
    const rule = m.rules[0]!;
    const scores = [
      [0, 0],
      [10, 10],
      [11, 0],
      [1000, 10],
    ].map(([x, n]) => {
      const out = rule.evaluate({ x, n });
      return out.ok && out.result.kind === "scorecard" ? out.result.criteria.map((c) => c.points) : out;
    });
    expect(scores).toEqual([
      [0, 0],
      [10, 10],
      [10, 0],
      [10, 10],
    ]);
  });

  it("lets the grade see the total, criteria and sub-criteria", () => {
    const rule = compile(lines("scorecard s {", "  input x: count", "  criterion 总 max 2 {", "    criterion 甲 max 1 { 1 when x > 0  0 otherwise }", "    criterion 乙 max 1 { 1 when x > 1  0 otherwise }", "  }", "  criterion 另 max 1 { 1 when x > 2  0 otherwise }", '  grade { "优" when score >= 3  "好" when 甲 >= 1 and 乙 >= 1  "中" when 总 >= 1  "差" otherwise }', "}")).rules[0]!;
    const grades = [0, 1, 2, 3].map((x) => {
      const out = rule.evaluate({ x });
      return out.ok && out.result.kind === "scorecard" ? out.result.grade : out;
    });
    expect(grades).toEqual(["差", "中", "好", "优"]);
  });
});

describe("what the checker learns about names", () => {
  const withBands = (bands: string, inputs = "") => lines("scorecard s {", "  input x: count", "  input n: number", "  input r: ratio", "  input t: text", "  input d: date", inputs, "  let a = {", bands, "  }", "  criterion c max 1 { 1 when x > 0  0 otherwise }", "}");
  it.each<[string, string, string]>([
    ["only numbers", "    2 when x > 5\n    1 otherwise", "literal"],
    ["a number, then a count", "    2 when x > 5\n    x otherwise", "count"],
    ["a count, then a number", "    x when x > 5\n    1 otherwise", "count"],
    ["a count, a number, a count", "    x when x > 5\n    1 when x > 2\n    x otherwise", "count"],
    ["a count, then a number input", "    x when x > 5\n    n otherwise", "number"],
    ["a number input, then a count", "    n when x > 5\n    x otherwise", "number"],
    ["a number, then a percentage", "    2 when x > 5\n    50% otherwise", "ratio"],
    ["a ratio, then a number", "    r when x > 5\n    1 otherwise", "ratio"],
    ["a ratio, then a ratio", "    r when x > 5\n    50% otherwise", "ratio"],
    ["texts", '    t when x > 5\n    "乙" otherwise', "text"],
    ["dates", "    d when x > 5\n    2026-01-01 otherwise", "date"],
    ["conditions", "    (x > 1) when x > 5\n    false otherwise", "boolean"],
    ["a count, then a ratio", "    x when x > 5\n    r otherwise", "error"],
    ["a text, then a date", "    t when x > 5\n    d otherwise", "error"],
  ])("a let whose bands give %s is a %s", (_name, bands, type) => {
    expect(typeOf(withBands(bands), "s", "a")).toBe(type);
  });

  it("names a let's type in a later refusal", () => {
    const refused = found(lines("scorecard s {", "  input x: count", "  input n: number", "  let a = {", "    x when x > 5", "    n otherwise", "  }", '  criterion c max 1 { 1 when a = "甲"  0 otherwise }', "}"));
    expect(refused).toEqual([["error", "TYPE_MISMATCH", 'Cannot compare number a with text "甲".', "8:30-8:37"]]);
  });

  it("labels a list's fields by the list, and a rating's levels as levels", () => {
    const card = compile(lines("scorecard s {", "  input 案件: list of { 天数: count, 日期: date? }", "  criterion c max 1 { 1 when count(案件) > 0  0 otherwise }", "}")).analysed.infos.get("s")!;
    const fields = card.symbols.get("案件")?.fields;
    expect([...(fields?.values() ?? [])].map((f) => [f.name, f.kind, f.type, f.label, f.optional])).toEqual([
      ["天数", "field", "count", "案件.天数", false],
      ["日期", "field", "date", "案件.日期", true],
    ]);
    expect(card.symbols.get("案件")?.type).toBe("records");
    expect(card.symbols.get("score")).toEqual({ kind: "score", name: "score", type: "number", label: "总分 / total score" });
    expect([card.symbols.get("c")?.kind, card.symbols.get("c")?.type]).toEqual(["criterion", "number"]);
    const rating = compile(lines("rating r {", "  levels 满意, 不满意", '  grade { "好" when 满意 > 不满意  "差" otherwise }', "}")).analysed.infos.get("r")!;
    expect(["满意", "不满意", "ballots"].map((n) => [rating.symbols.get(n)?.kind, rating.symbols.get(n)?.type, rating.symbols.get(n)?.label])).toEqual([
      ["input", "count", "测评等次 / level 满意"],
      ["input", "count", "测评等次 / level 不满意"],
      ["fact", "count", "测评票 / rating ballots: the sum of the level counts"],
    ]);
  });

  it("shows an election's votes only in its per-candidate clauses", () => {
    const source = lines("election e {", "  void: ballots > voters", "  turnout: voters > 1/2 of registered", "  elected: votes > 1/2 of voters", "  runoff: votes >= 1/3 of ballots", "}");
    const info = compile(source).analysed.infos.get("e")!;
    expect(info.ok).toBe(true);
    expect(info.symbols.get("votes")).toEqual({ kind: "fact", name: "votes", type: "count", label: "得票 / one candidate's votes (in elected: and runoff:)" });
    expect(getHover(source, source.indexOf("votes >") + 1)?.contents).toBe("**votes** — fact, count\n\n得票 / one candidate's votes (in elected: and runoff:)");
  });

  it.each<[string, string]>([
    ["void", "**void:** the round is void (`void_ballots`) when this holds; checked first. 收回选票多于投票人数：`ballots > voters`."],
    ["turnout", "**turnout:** the election is valid only when this holds (`void_turnout` otherwise). `voters > 1/2 of registered`."],
    ["elected", "**elected:** round 1: a candidate (their `votes`) qualifies when this holds; the most votes win the seats."],
    ["runoff", "**runoff:** round 2 and later (另行选举): a candidate qualifies when this holds. `votes >= 1/3 of ballots`."],
  ])("explains the election clause %s on hover", (clause, doc) => {
    const source = lines("election e {", "  void: ballots > voters", "  turnout: voters > 1/2 of registered", "  elected: votes > 1/2 of voters", "  runoff: votes >= 1/3 of ballots", "}");
    expect(getHover(source, source.indexOf(`${clause}:`) + 1)?.contents).toBe(doc);
  });
});

/** Defects these tests found in checker.ts when they were written (each was accepted or worded wrongly before). */
describe("defects these tests found, fixed on 2026-12-02", () => {
  it("refuses a let whose bands give a text and a number (was accepted as a text)", () => {
    const source = lines("scorecard s {", "  input x: count", "  let a = {", '    "甲" when x > 5', "    1 otherwise", "  }", '  criterion c max 1 { 1 when a = "甲"  0 otherwise }', "}");
    expect(found(source)).toEqual([["error", "TYPE_MISMATCH", "The bands of 'a' give a text and a number: every band of a let must give one type.", "5:5-5:6"]]);
  });

  it("refuses a let whose bands give a number and then a text (was accepted as a text)", () => {
    const source = lines("scorecard s {", "  input x: count", "  let a = {", '    5 when x > 5 "多"', '    "甲" otherwise', "  }", '  criterion c max 1 { 1 when a = "甲"  0 otherwise }', "}");
    expect(found(source)).toEqual([["error", "TYPE_MISMATCH", "The bands of 'a' give a number and a text: every band of a let must give one type.", "5:5-5:8"]]);
  });

  it("says 'one of' does not apply to a list input (it said 'min' and 'max' do not)", () => {
    const source = lines("scorecard s {", '  input cases: list of { a: count } one of "x"', "  criterion c max 1 { 1 when count(cases) > 0  0 otherwise }", "}");
    expect(found(source)).toEqual([["error", "BAD_CONSTRAINT", "'one of' applies to text inputs, not to list.", "2:3-2:47"]]);
  });

  it("refuses a rating's second grade without calling the rating a scorecard", () => {
    const source = lines("rating r {", "  levels 好, 差", '  grade { "a" otherwise }', '  grade { "b" otherwise }', "}");
    const d = compile(source).diagnostics;
    expect(d.map((x) => [x.code, `${x.span.line}:${x.span.column}`])).toEqual([["DUPLICATE_GRADE", "4:3"]]);
    expect(d[0]!.message).not.toMatch(/scorecard/);
  });

  it("lets a grade see criteria declared after it (they were refused as declared twice)", () => {
    const source = lines("scorecard s {", "  input x: count", '  grade { "好" when 甲 >= 1 and 总 >= 1 and score >= 1  "差" otherwise }', "  criterion 总 max 2 {", "    criterion 甲 max 1 { 1 when x > 0  0 otherwise }", "    criterion 乙 max 1 { 1 when x > 1  0 otherwise }", "  }", "}");
    expect(found(source)).toEqual([]);
  });

  it("refuses points that name nothing once, not again as out of range", () => {
    const source = lines("scorecard s {", "  criterion d max 1 { 未知 otherwise }", "}");
    expect(found(source)).toEqual([["error", "UNDEFINED_NAME", "'未知' is not defined here.", "2:23-2:25"]]);
  });

  it("refuses a rating's second grade where it is written", () => {
    const source = lines("rating r {", "  levels 好, 差", '  grade { "a" otherwise }', '  grade { "b" otherwise }', "}");
    expect(compile(source).diagnostics.map((d) => [d.severity, d.code, `${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`])).toEqual([["error", "DUPLICATE_GRADE", "4:3-4:26"]]);
  });
});
