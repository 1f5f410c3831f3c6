/**
 * Test blocks (test-blocks.ts): every refusal of `test "…" { rule(args) expect … }` with its whole diagnostic
 * (severity, code, the complete message, the span and the text it covers), the targets each kind of rule lets a test
 * expect (shown by accepting them, and by refusing the others with a hint), and which diagnostics make a test fail
 * on its own (the module's `testErrors`). The messages are written out by hand, as a reader of the rule would expect
 * them, not built from the message catalogue.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { outcomesOf } from "./test-blocks.ts";

/** One diagnostic: severity, code, message, span (line:column-endLine:endColumn, the end exclusive) and the text it covers. */
type Found = [severity: "error" | "warning", code: string, message: string, span: string, text: string];

/** A source written line by line, so that the line and column of a diagnostic can be read off the test. */
const lines = (...ls: string[]) => ls.join("\n");

function found(source: string): Found[] {
  return compile(source).diagnostics.map((d) => [d.severity, d.code, d.message, `${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`, source.slice(d.span.offset, d.span.endOffset)]);
}

/** One rule of each kind, without a diagnostic of their own: 41 lines, so the tests after them start on line 42. */
const RULES = lines(
  "vote 表决 {",
  "  let 赞成率 = yes / cast",
  "  quorum: present > 1/2 of entitled",
  "  passes: 赞成率 > 1/2",
  "}",
  "election 选举 {",
  "  let 投票率 = voters / registered",
  "  void: ballots > voters",
  "  turnout: 投票率 > 1/2",
  "  elected: votes > 1/2 of voters",
  "  runoff: votes >= 1/3 of ballots",
  "}",
  "rating 测评 {",
  "  levels 满意, 基本满意, 不满意",
  "  let 认可率 = (满意 + 基本满意) / ballots",
  "  grade {",
  '    "不称职" when 认可率 < 2/3',
  '    "优秀" when 满意 >= 2/3 of ballots',
  '    "称职" otherwise',
  "  }",
  "}",
  "scorecard 评分 {",
  "  input x: count",
  "  input note: text?",
  "  input cases: list of { days: count, closed: boolean }",
  "  input candidates: count",
  '  let 档 = { "高" when x >= 5 "满五件"  "低" otherwise }',
  "  let elected = candidates + 1",
  "  criterion c max 10 {",
  '    10 when 档 = "高" and count(cases where closed) > 0 and elected > 0 and not absent(note)',
  "    0 otherwise",
  "  }",
  "  grade {",
  '    "优秀" when score >= 8',
  '    "称职" otherwise',
  "  }",
  "}",
  "scorecard bare {",
  "  input x: count",
  "  criterion c max 1 { 1 when x > 0  0 otherwise }",
  "}",
);

/** The rules above and then the tests, one a line from line 42. */
const withTests = (...tests: string[]) => `${RULES}\n${tests.join("\n")}`;

/** A call of each rule with every argument it needs. */
const VOTE = "表决(entitled: 30, present: 20, yes: 12, no: 5, abstain: 3)";
const ELECTION = '选举(registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: {"王建国": 400, "李秀英": 350})';
const RATING = "测评(满意: 20, 基本满意: 6, 不满意: 4)";
const SCORECARD = "评分(x: 5, cases: [], candidates: 2)";

const VOTE_OUTCOMES = "An outcome is one of passed, rejected, no_quorum.";
const ELECTION_OUTCOMES = "An outcome is one of void_ballots, void_turnout, complete, runoff, incomplete, tie.";
const unknownTarget = (target: string, rule: string, hint?: string) => `'${target}' is not something '${rule}' produces${hint ? `; did you mean '${hint}'?` : "."}`;
const missing = (name: string) => `The test gives no value for '${name}'.`;
const names = (target: string) => `'expect ${target}' compares names with = or != and a text of names separated by 、 or commas, e.g. expect ${target} = "Wang, Li".`;

describe("the rules of the tests below are clean", () => {
  it("has no diagnostic of its own", () => {
    expect(found(RULES)).toEqual([]);
  });
});

describe("a test block is refused, saying why and where", () => {
  it.each<[string, string[], Found[]]>([
    // ---- the rule ----
    [
      "a rule that does not exist, with a hint or without; nothing else is checked then",
      ['test "a" { 表诀(yes: 1) expect outcome = passed }', 'test "b" { votee() }'],
      [
        ["error", "UNDEFINED_RULE", "There is no rule '表诀' in this file or its imports; did you mean '表决'?", "42:12-42:14", "表诀"],
        ["error", "UNDEFINED_RULE", "There is no rule 'votee' in this file or its imports.", "43:12-43:17", "votee"],
      ],
    ],
    [
      "two tests named alike, then a third, empty",
      [`test "同名" { ${VOTE} expect outcome = passed }`, `test "同名" { ${VOTE} expect outcome = passed }`, `test "同名" { ${VOTE} }`],
      [
        ["warning", "DUPLICATE_TEST", 'Another test is also named "同名".', "43:1-43:96", `test "同名" { ${VOTE} expect outcome = passed }`],
        ["warning", "DUPLICATE_TEST", 'Another test is also named "同名".', "44:1-44:72", `test "同名" { ${VOTE} }`],
        ["warning", "EMPTY_TEST", "This test expects nothing, so it can never fail.", "44:1-44:72", `test "同名" { ${VOTE} }`],
      ],
    ],
    // ---- the arguments ----
    [
      "an argument given twice",
      ['test "a" { 表决(entitled: 30, entitled: 31, present: 20, yes: 12, no: 5, abstain: 3) expect outcome = passed }'],
      [["error", "DUPLICATE_ARGUMENT", "'entitled' is given twice.", "42:29-42:37", "entitled"]],
    ],
    [
      "arguments the rule does not take, with a hint or without (a Chinese one is not matched with English names)",
      ['test "a" { 表决(entitle: 30, present: 20, yes: 12, no: 5, abstain: 3, 反对: 1, zzz: 0) expect outcome = passed }'],
      [
        ["error", "MISSING_ARGUMENT", missing("entitled"), "42:12-42:14", "表决"],
        ["error", "UNKNOWN_ARGUMENT", "'表决' has no input 'entitle'; did you mean 'entitled'?", "42:15-42:22", "entitle"],
        ["error", "UNKNOWN_ARGUMENT", "'表决' has no input '反对'.", "42:69-42:71", "反对"],
        ["error", "UNKNOWN_ARGUMENT", "'表决' has no input 'zzz'.", "42:76-42:79", "zzz"],
      ],
    ],
    [
      "a list given to a one-value input, and one value given to a list input",
      ['test "a" { 评分(x: [{days: 1}], cases: 3, candidates: 2) expect score = 0 }'],
      [
        ["error", "LIST_NOT_EXPECTED", "'x' is not a list input; give it one value.", "42:18-42:29", "[{days: 1}]"],
        ["error", "LIST_EXPECTED", "'cases' is a list of records: write [{field: value, …}, …].", "42:38-42:39", "3"],
      ],
    ],
    [
      "fields the records of a list input do not have, with a hint or without",
      ['test "a" { 评分(x: 1, cases: [{day: 3, closed: true}, {days: 1, 关闭: false, note: "x"}], candidates: 2) expect score = 0 }'],
      [
        ["error", "UNKNOWN_FIELD", "The records of 'cases' have no field 'day'; the fields are days, closed; did you mean 'days'?", "42:30-42:33", "day"],
        ["error", "UNKNOWN_FIELD", "The records of 'cases' have no field '关闭'; the fields are days, closed.", "42:63-42:65", "关闭"],
        ["error", "UNKNOWN_FIELD", "The records of 'cases' have no field 'note'; the fields are days, closed.", "42:74-42:78", "note"],
      ],
    ],
    [
      "votes by name: only an election's candidates take them (a scorecard's input named candidates does not)",
      [
        'test "a" { 选举(registered: 1000, voters: {"王": 1}, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: 3) expect outcome = tie }',
        'test "b" { 表决(entitled: 30, present: 20, yes: {"a": 1}, no: 5, abstain: 3) expect outcome = passed }',
        'test "c" { 评分(x: {"a": 1}, cases: [], candidates: {"a": 1}) expect score = 0 }',
      ],
      [
        ["error", "TALLY_NOT_EXPECTED", "'voters' takes one value, not votes by name; only an election's 'candidates' does.", "42:41-42:49", '{"王": 1}'],
        ["error", "TALLY_EXPECTED", `'candidates' is the votes of each candidate: write {"Wang": 400, "Li": 350}.`, "42:109-42:110", "3"],
        ["error", "TALLY_NOT_EXPECTED", "'yes' takes one value, not votes by name; only an election's 'candidates' does.", "43:47-43:55", '{"a": 1}'],
        ["error", "TALLY_NOT_EXPECTED", "'x' takes one value, not votes by name; only an election's 'candidates' does.", "44:18-44:26", '{"a": 1}'],
        ["error", "TALLY_NOT_EXPECTED", "'candidates' takes one value, not votes by name; only an election's 'candidates' does.", "44:51-44:59", '{"a": 1}'],
      ],
    ],
    [
      "arguments left out: each at the rule's name, an optional input excepted, none when the test expects an error",
      [
        'test "a" { 表决(entitled: 30, yes: 12, no: 5) expect outcome = passed }',
        'test "b" { 选举(registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1) expect outcome = tie }',
        'test "c" { 测评(满意: 20) expect grade = "优秀" }',
        'test "d" { 评分(x: 1) expect score = 0 }',
        'test "e" { 表决() }',
        'test "f" { 表决() expect error }',
        'test "g" { 测评() expect error "NO_BALLOTS" expect ballots = 0 }',
        'test "h" { 评分() expect score = 0 expect error }',
      ],
      [
        ["error", "MISSING_ARGUMENT", missing("present"), "42:12-42:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("abstain"), "42:12-42:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("candidates"), "43:12-43:14", "选举"],
        ["error", "MISSING_ARGUMENT", missing("基本满意"), "44:12-44:14", "测评"],
        ["error", "MISSING_ARGUMENT", missing("不满意"), "44:12-44:14", "测评"],
        ["error", "MISSING_ARGUMENT", missing("cases"), "45:12-45:14", "评分"],
        ["error", "MISSING_ARGUMENT", missing("candidates"), "45:12-45:14", "评分"],
        ["warning", "EMPTY_TEST", "This test expects nothing, so it can never fail.", "46:1-46:18", 'test "e" { 表决() }'],
        ["error", "MISSING_ARGUMENT", missing("entitled"), "46:12-46:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("present"), "46:12-46:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("yes"), "46:12-46:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("no"), "46:12-46:14", "表决"],
        ["error", "MISSING_ARGUMENT", missing("abstain"), "46:12-46:14", "表决"],
      ],
    ],
    // ---- what a test expects ----
    [
      "a vote: outcome, quorum, passes, its lets and facts; not a scorecard's score or grade",
      [`test "a" { ${VOTE} expect outcom = passed expect quorom = true expect pases = false expect 赞成 = 1 expect score = 1 expect grade = "x" expect x = 1 }`],
      [
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("outcom", "表决", "outcome"), "42:77-42:83", "outcom"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("quorom", "表决", "quorum"), "42:100-42:106", "quorom"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("pases", "表决", "passes"), "42:121-42:126", "pases"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("赞成", "表决", "赞成率"), "42:142-42:144", "赞成"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("score", "表决"), "42:156-42:161", "score"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("grade", "表决"), "42:173-42:178", "grade"],
        // The facts are targets too: `no` is the nearest.
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("x", "表决", "no"), "42:192-42:193", "x"],
      ],
    ],
    [
      "an election: outcome, elected, tied, void, turnout, its facts and lets; not votes",
      [`test "a" { ${ELECTION} expect electd = "王建国" expect tide = "" expect vod = false expect turnot = true expect votes = 400 expect 投票 = 1 expect ballot = 3 expect xy = 1 }`],
      [
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("electd", "选举", "elected"), "42:137-42:143", "electd"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("tide", "选举", "tied"), "42:159-42:163", "tide"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("vod", "选举", "void"), "42:176-42:179", "vod"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("turnot", "选举", "turnout"), "42:195-42:201", "turnot"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("votes", "选举", "voters"), "42:216-42:221", "votes"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("投票", "选举", "投票率"), "42:235-42:237", "投票"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("ballot", "选举", "ballots"), "42:249-42:255", "ballot"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("xy", "选举"), "42:267-42:269", "xy"],
      ],
    ],
    [
      "a rating: grade, ballots, its levels and lets; not an outcome or a score",
      [`test "a" { ${RATING} expect grad = "优秀" expect ballot = 30 expect 满 = 1 expect outcome = passed expect score = 1 }`],
      [
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("grad", "测评", "grade"), "42:47-42:51", "grad"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("ballot", "测评", "ballots"), "42:66-42:72", "ballot"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("满", "测评", "满意"), "42:85-42:86", "满"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("outcome", "测评"), "42:98-42:105", "outcome"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("score", "测评"), "42:122-42:127", "score"],
      ],
    ],
    [
      "a scorecard: score, grade, its criteria and lets; not its inputs, nor a vote's clause",
      [`test "a" { ${SCORECARD} expect scor = 1 expect x = 5 expect note = "a" expect cases = 0 expect 挡 = "高" expect quorum = true }`],
      [
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("scor", "评分", "score"), "42:54-42:58", "scor"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("x", "评分", "c"), "42:70-42:71", "x"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("note", "评分"), "42:83-42:87", "note"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("cases", "评分"), "42:101-42:106", "cases"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("挡", "评分"), "42:118-42:119", "挡"],
        ["error", "UNKNOWN_EXPECTATION", unknownTarget("quorum", "评分"), "42:133-42:139", "quorum"],
      ],
    ],
    [
      "outcomes: a vote's and an election's, each only its own, and only as a name",
      [
        `test "a" { ${VOTE} expect outcome = complete expect outcome = "passed" expect outcome = 1 expect outcome != rejected }`,
        `test "b" { ${ELECTION} expect outcome = passed expect outcome = no_quorum expect outcome = tie }`,
      ],
      [
        ["error", "UNKNOWN_OUTCOME", VOTE_OUTCOMES, "42:87-42:95", "complete"],
        ["error", "UNKNOWN_OUTCOME", VOTE_OUTCOMES, "42:113-42:121", '"passed"'],
        ["error", "UNKNOWN_OUTCOME", VOTE_OUTCOMES, "42:139-42:140", "1"],
        ["error", "UNKNOWN_OUTCOME", ELECTION_OUTCOMES, "43:147-43:153", "passed"],
        ["error", "UNKNOWN_OUTCOME", ELECTION_OUTCOMES, "43:171-43:180", "no_quorum"],
      ],
    ],
    [
      "names elected or tied: = or != and a text, the whole expectation the span; a scorecard's let named elected is a number",
      [`test "a" { ${ELECTION} expect elected > "王建国" expect tied = 3 expect elected = 王建国 expect tied != "" expect elected = "" }`, `test "b" { ${SCORECARD} expect elected = 3 }`],
      [
        ["error", "EXPECT_NAMES", names("elected"), "42:130-42:152", 'expect elected > "王建国"'],
        ["error", "EXPECT_NAMES", names("tied"), "42:153-42:168", "expect tied = 3"],
        ["error", "EXPECT_NAMES", names("elected"), "42:169-42:189", "expect elected = 王建国"],
      ],
    ],
    [
      "grades no band gives, with the grades and a hint; a number, another text target and a rule without grades are left alone",
      [
        `test "a" { ${SCORECARD} expect grade = "优秀 " expect grade = "  优秀  " expect grade = "称值" expect grade != "xyz" expect grade = "优 秀" expect grade = 3 expect 档 = "中" }`,
        `test "b" { ${RATING} expect grade = "秀" expect grade = "称职" }`,
        'test "c" { bare(x: 1) expect grade = "A" }',
      ],
      [
        ["error", "UNKNOWN_GRADE", `'评分' has no grade "优秀 "; its grades are "优秀", "称职"; did you mean "优秀"?`, "42:62-42:67", '"优秀 "'],
        // Too far from 优秀 for a "did you mean", but 优秀 once the spaces are trimmed.
        ["error", "UNKNOWN_GRADE", `'评分' has no grade "  优秀  "; its grades are "优秀", "称职"; did you mean "优秀"?`, "42:83-42:91", '"  优秀  "'],
        // The nearest grade, not the first.
        ["error", "UNKNOWN_GRADE", `'评分' has no grade "称值"; its grades are "优秀", "称职"; did you mean "称职"?`, "42:107-42:111", '"称值"'],
        ["error", "UNKNOWN_GRADE", `'评分' has no grade "xyz"; its grades are "优秀", "称职".`, "42:128-42:133", '"xyz"'],
        ["error", "UNKNOWN_GRADE", `'评分' has no grade "优 秀"; its grades are "优秀", "称职"; did you mean "优秀"?`, "42:149-42:154", '"优 秀"'],
        ["error", "UNKNOWN_GRADE", `'测评' has no grade "秀"; its grades are "不称职", "优秀", "称职"; did you mean "优秀"?`, "43:55-43:58", '"秀"'],
      ],
    ],
  ])("%s", (_what, tests, expected) => {
    expect(found(withTests(...tests))).toEqual(expected);
  });
});

describe("what a test may expect of each kind of rule", () => {
  it.each<[string, string]>([
    ["a vote: outcome, quorum, passes, a fact (given or derived) and a let", `test "vote" { ${VOTE} expect outcome = passed expect quorum = true expect passes = true expect cast = 20 expect 赞成率 = 3/5 expect entitled = 30 expect outcome != no_quorum }`],
    [
      "an election: outcome, elected, tied, void, turnout, a fact (given or derived) and a let",
      `test "election" { ${ELECTION} expect outcome = runoff expect elected = "王建国" expect tied != "李秀英" expect void = false expect turnout = true expect valid = 596 expect 投票率 = 3/5 expect seats = 3 }`,
    ],
    ["a rating: grade, ballots, a level and a let", `test "rating" { ${RATING} expect grade = "优秀" expect ballots = 30 expect 认可率 = 13/15 expect 满意 = 20 expect grade != "称职" }`],
    ["a scorecard: score, grade, a criterion and lets (one named elected)", `test "scorecard" { 评分(x: 5, cases: [{days: 3, closed: true}], candidates: 2, note: "备注") expect score = 0 expect grade = "称职" expect c = 0 expect 档 = "高" expect elected = 3 }`],
    ["a scorecard without grades: any grade text", 'test "bare" { bare(x: 1) expect grade = "A" expect score = 1 }'],
    ["an election with no candidate at all", 'test "none" { 选举(registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: {}) expect elected = "" }'],
    ["expectations of errors, with or without a code, and with other expectations", 'test "errors" { 测评(满意: 0, 基本满意: 0, 不满意: 0) expect error "NO_BALLOTS" }\ntest "error" { 表决(entitled: 30) expect error expect outcome = passed }'],
  ])("%s", (_what, tests) => {
    expect(found(withTests(tests))).toEqual([]);
  });

  it("takes a rating's levels as its arguments, even one named like the built-in ballots", () => {
    const source = lines("rating r {", "  levels ballots, 好", '  grade { "好" otherwise }', "}", 'test "t" { r(好: 1) expect grade = "好" }', 'test "u" { r(好: 1, ballots: 2) expect grade = "好" }');
    expect(found(source)).toEqual([
      ["error", "RESERVED_NAME", "'ballots' is already defined as the built-in 'ballots'; choose another name.", "2:10-2:17", "ballots"],
      ["error", "MISSING_ARGUMENT", missing("ballots"), "5:12-5:13", "r"],
    ]);
  });

  it("suggests a rating's let, the nearest target, for a misspelt one", () => {
    const source = lines("rating r {", "  levels 好, 差", "  let ab = 好 - 差", '  grade { "好" when ab > 0  "差" otherwise }', "}", 'test "t" { r(好: 1, 差: 0) expect xy = 1 expect b = 1 expect 好 = 1 expect ab = 1 expect ballots = 1 }');
    expect(found(source)).toEqual([
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("xy", "r", "ab"), "6:33-6:35", "xy"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("b", "r", "ab"), "6:47-6:48", "b"],
    ]);
  });

  it("refuses an election's targets in a vote and a vote's in an election", () => {
    const source = lines(
      "vote v { quorum: true passes: yes > no }",
      "election e { void: false turnout: true elected: votes > 0 runoff: votes > 0 }",
      'test "v" { v(entitled: 3, present: 3, yes: 2, no: 1, abstain: 0) expect outcome = passed expect void = false expect turnout = true expect elected = "a" expect tied = "" expect ballots = 1 }',
      'test "e" { e(registered: 1, voters: 1, ballots: 1, invalid: 0, seats: 1, round: 1, candidates: {}) expect quorum = true expect passes = true expect yes = 1 expect outcome = complete }',
    );
    expect(found(source)).toEqual([
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("void", "v"), "3:97-3:101", "void"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("turnout", "v"), "3:117-3:124", "turnout"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("elected", "v"), "3:139-3:146", "elected"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("tied", "v"), "3:160-3:164", "tied"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("ballots", "v"), "3:177-3:184", "ballots"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("quorum", "e"), "4:107-4:113", "quorum"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("passes", "e"), "4:128-4:134", "passes"],
      ["error", "UNKNOWN_EXPECTATION", unknownTarget("yes", "e"), "4:149-4:152", "yes"],
    ]);
  });

  // BUG (reported, not fixed): outcomesOf says a scorecard and a rating have no outcomes, but gives them a vote's. A
  // rating's `expect outcome = tie` is refused twice, the second time with "An outcome is one of passed, rejected,
  // no_quorum." (outcomes a rating never has), and `expect outcome = passed` once only.
  it("refuses an outcome of a rating once, as a target it does not produce (it was refused twice)", () => {
    const source = lines("rating 测评 {", "  levels 满意, 不满意", '  grade { "合格" otherwise }', "}", 'test "t" { 测评(满意: 1, 不满意: 0) expect outcome = tie }');
    expect(found(source)).toEqual([["error", "UNKNOWN_EXPECTATION", unknownTarget("outcome", "测评"), "5:37-5:44", "outcome"]]);
  });
});

describe("the errors that make a test fail on its own", () => {
  it("keeps each test's errors, not its warnings, and nothing for a test without errors", () => {
    const source = withTests(
      `test "同名" { ${VOTE} expect outcome = passed }`,
      `test "同名" { ${VOTE} expect outcome = passed }`,
      'test "empty" { 表决(entitled: 30, present: 20, yes: 12, no: 5, abstain: 3) }',
      'test "empty and missing" { 表决(entitled: 30) }',
      `test "wrong" { ${VOTE} expect outcom = passed expect outcome = tie }`,
    );
    const m = compile(source);
    expect([...m.analysed.testErrors].map(([t, errors]) => [t.name, errors.map((d) => [d.severity, d.code])])).toEqual([
      [
        "empty and missing",
        [
          ["error", "MISSING_ARGUMENT"],
          ["error", "MISSING_ARGUMENT"],
          ["error", "MISSING_ARGUMENT"],
          ["error", "MISSING_ARGUMENT"],
        ],
      ],
      [
        "wrong",
        [
          ["error", "UNKNOWN_EXPECTATION"],
          ["error", "UNKNOWN_OUTCOME"],
        ],
      ],
    ]);
    expect(m.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.code, d.span.line])).toEqual([
      ["DUPLICATE_TEST", 43],
      ["EMPTY_TEST", 44],
      ["EMPTY_TEST", 45],
    ]);
  });
});

describe("the outcomes a test may expect, by rule kind", () => {
  it.each([
    ["vote", ["passed", "rejected", "no_quorum"]],
    ["election", ["void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"]],
    // A scorecard and a rating have a grade, not an outcome: completion offers no outcome in their tests.
    ["scorecard", []],
    ["rating", []],
  ] as const)("%s: %j", (kind, outcomes) => {
    expect(outcomesOf(kind)).toEqual(outcomes);
  });
});
