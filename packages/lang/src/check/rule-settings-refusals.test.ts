/**
 * The settings of a rule (rule-settings.ts): every refusal of `proxies:` and `write_ins:` with its whole diagnostic
 * (severity, code, the complete message, the span and the text it covers), the proxy limit at and around its maximum,
 * and the settings a compiled rule reports to the meetings that use it. The messages are written out by hand, as a
 * reader of the rule would expect them, not built from the message catalogue.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";

/** One diagnostic: severity, code, message, span (line:column-endLine:endColumn, the end exclusive) and the text it covers. */
type Found = [severity: "error" | "warning", code: string, message: string, span: string, text: string];

/** A source written line by line, so that the line and column of a diagnostic can be read off the test. */
const lines = (...ls: string[]) => ls.join("\n");

function found(source: string): Found[] {
  return compile(source).diagnostics.map((d) => [d.severity, d.code, d.message, `${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`, source.slice(d.span.offset, d.span.endOffset)]);
}

/** A vote that needs nothing else: its settings go on lines 4, 5, … */
const vote = (...settings: string[]) => lines("vote v {", "  quorum: true", "  passes: yes > no", ...settings, "}");
/** An election that needs nothing else: its settings go on lines 6, 7, … */
const election = (...settings: string[]) => lines("election e {", "  void: false", "  turnout: true", "  elected: votes > 1/2 of voters", "  runoff: votes > 0", ...settings, "}");

const PROXIES_USAGE =
  "Write the proxy limit as 'proxies: at most N', N a whole number (a member present may hold at most N proxies; 0, or no 'proxies:' line, allows none).";
const WRITE_INS_USAGE = "Write 'write_ins: allowed' (names off the candidate list count) or 'write_ins: not allowed' (the default).";
const limit = (value: string) => `The proxy limit must be a whole number from 0 to 100: a member holds whole proxies, not ${value}.`;

describe("the settings of a rule are refused, saying why and where", () => {
  it.each<[string, string, Found[]]>([
    // ---- written twice ----
    [
      "proxies written twice in a vote (Chinese name)",
      lines("vote 表决 {", "  quorum: present > 1/2 of entitled", "  passes: yes > no", "  proxies: at most 1", "  proxies: at most 2", "}"),
      [["error", "DUPLICATE_SETTING", "'proxies:' is written twice; a rule declares it once.", "5:3-5:10", "proxies"]],
    ],
    [
      "write_ins written twice in an election, even with different words",
      election("  write_ins: allowed", "  write_ins: not allowed"),
      [["error", "DUPLICATE_SETTING", "'write_ins:' is written twice; a rule declares it once.", "7:3-7:12", "write_ins"]],
    ],
    [
      "proxies written three times: each repeat is refused",
      vote("  proxies: at most 1", "  proxies: at most 1", "  proxies: at most 1"),
      [
        ["error", "DUPLICATE_SETTING", "'proxies:' is written twice; a rule declares it once.", "5:3-5:10", "proxies"],
        ["error", "DUPLICATE_SETTING", "'proxies:' is written twice; a rule declares it once.", "6:3-6:10", "proxies"],
      ],
    ],
    // ---- write-ins outside an election ----
    [
      "write_ins in a vote",
      vote("  write_ins: allowed"),
      [["error", "WRITE_INS_NOT_ELECTION", "'write_ins:' belongs to an election; a vote has no candidates to write in.", "4:3-4:12", "write_ins"]],
    ],
    [
      "write_ins in a rating, even 'not allowed'",
      lines("rating 测评 {", "  levels 好, 差", "  write_ins: not allowed", '  grade { "合格" otherwise }', "}"),
      [["error", "WRITE_INS_NOT_ELECTION", "'write_ins:' belongs to an election; a rating has no candidates to write in.", "3:3-3:12", "write_ins"]],
    ],
    [
      "write_ins twice in a vote: written twice, and each outside an election",
      vote("  write_ins: allowed", "  write_ins: allowed"),
      [
        ["error", "WRITE_INS_NOT_ELECTION", "'write_ins:' belongs to an election; a vote has no candidates to write in.", "4:3-4:12", "write_ins"],
        ["error", "DUPLICATE_SETTING", "'write_ins:' is written twice; a rule declares it once.", "5:3-5:12", "write_ins"],
        ["error", "WRITE_INS_NOT_ELECTION", "'write_ins:' belongs to an election; a vote has no candidates to write in.", "5:3-5:12", "write_ins"],
      ],
    ],
    [
      "write_ins in the wrong words in a vote: only that it is no election's",
      vote("  write_ins: yes"),
      [["error", "WRITE_INS_NOT_ELECTION", "'write_ins:' belongs to an election; a vote has no candidates to write in.", "4:3-4:12", "write_ins"]],
    ],
    // ---- the wrong words: the whole setting, with its reason ----
    ["proxies with a number but no 'at most'", vote("  proxies: 2"), [["error", "INVALID_SETTING", PROXIES_USAGE, "4:3-4:13", "proxies: 2"]]],
    ["proxies: at most, without a number", vote("  proxies: at most"), [["error", "INVALID_SETTING", PROXIES_USAGE, "4:3-4:19", "proxies: at most"]]],
    [
      "proxies: at least 2, with its reason",
      vote('  proxies: at least 2 "至多两人"'),
      [["error", "INVALID_SETTING", PROXIES_USAGE, "4:3-4:29", 'proxies: at least 2 "至多两人"']],
    ],
    ["write_ins: yes", election("  write_ins: yes"), [["error", "INVALID_SETTING", WRITE_INS_USAGE, "6:3-6:17", "write_ins: yes"]]],
    ["write_ins: not", election("  write_ins: not"), [["error", "INVALID_SETTING", WRITE_INS_USAGE, "6:3-6:17", "write_ins: not"]]],
    ["write_ins: allowed with a number", election("  write_ins: allowed 2"), [["error", "INVALID_SETTING", WRITE_INS_USAGE, "6:3-6:23", "write_ins: allowed 2"]]],
    [
      "write_ins: not allowed with a number",
      election("  write_ins: not allowed 0"),
      [["error", "INVALID_SETTING", WRITE_INS_USAGE, "6:3-6:27", "write_ins: not allowed 0"]],
    ],
    [
      "the wrong words and then the right ones: the second is still written twice",
      vote("  proxies: 2", "  proxies: at most 2"),
      [
        ["error", "INVALID_SETTING", PROXIES_USAGE, "4:3-4:13", "proxies: 2"],
        ["error", "DUPLICATE_SETTING", "'proxies:' is written twice; a rule declares it once.", "5:3-5:10", "proxies"],
      ],
    ],
    // ---- the proxy limit: a whole number from 0 to 100 ----
    ["a limit just above the maximum", vote("  proxies: at most 101"), [["error", "INVALID_PROXY_LIMIT", limit("101"), "4:20-4:23", "101"]]],
    ["a limit far above the maximum", vote("  proxies: at most 1000"), [["error", "INVALID_PROXY_LIMIT", limit("1000"), "4:20-4:24", "1000"]]],
    ["a limit of 101 written as a fraction", vote("  proxies: at most 202/2"), [["error", "INVALID_PROXY_LIMIT", limit("202/2"), "4:20-4:25", "202/2"]]],
    ["a negative limit", vote("  proxies: at most -1"), [["error", "INVALID_PROXY_LIMIT", limit("-1"), "4:20-4:22", "-1"]]],
    ["a decimal limit", vote("  proxies: at most 2.5"), [["error", "INVALID_PROXY_LIMIT", limit("2.5"), "4:20-4:23", "2.5"]]],
    ["a percentage", vote("  proxies: at most 50%"), [["error", "INVALID_PROXY_LIMIT", limit("50%"), "4:20-4:23", "50%"]]],
    ["a fraction in an election", election("  proxies: at most 1/2"), [["error", "INVALID_PROXY_LIMIT", limit("1/2"), "6:20-6:23", "1/2"]]],
    ["a division by zero", vote("  proxies: at most 1/0"), [["error", "INVALID_PROXY_LIMIT", limit("1/0"), "4:20-4:23", "1/0"]]],
    // ---- accepted ----
    ["a limit of exactly the maximum", vote("  proxies: at most 100"), []],
    ["a limit of the maximum written as a fraction", vote("  proxies: at most 200/2"), []],
    ["a limit of 99", election("  proxies: at most 99"), []],
    ["a limit of 0", vote("  proxies: at most 0"), []],
    ["both settings of an election, each once", election("  proxies: at most 3", "  write_ins: not allowed"), []],
  ])("%s", (_what, source, expected) => {
    expect(found(source)).toEqual(expected);
  });
});

describe("the settings a compiled rule reports", () => {
  it.each<[string, string, { proxies: number; writeIns: boolean }]>([
    ["a vote that declares nothing", vote(), { proxies: 0, writeIns: false }],
    ["a vote with a limit of 1", vote('  proxies: at most 1 "每名代表接受委托不得超过一人"'), { proxies: 1, writeIns: false }],
    ["a vote with the largest limit", vote("  proxies: at most 100"), { proxies: 100, writeIns: false }],
    ["a vote with a limit of 0", vote("  proxies: at most 0"), { proxies: 0, writeIns: false }],
    ["a limit written as a fraction", vote("  proxies: at most 200/2"), { proxies: 100, writeIns: false }],
    ["an election that allows write-ins", election("  write_ins: allowed"), { proxies: 0, writeIns: true }],
    ["an election that allows write-ins and proxies", election("  write_ins: allowed", "  proxies: at most 99"), { proxies: 99, writeIns: true }],
    ["an election that allows proxies, then write-ins", election("  proxies: at most 3", "  write_ins: allowed"), { proxies: 3, writeIns: true }],
    ["an election that does not allow write-ins", election("  proxies: at most 3", "  write_ins: not allowed"), { proxies: 3, writeIns: false }],
    ["an election that declares nothing", election(), { proxies: 0, writeIns: false }],
    ["a rating with a limit (Chinese names)", lines("rating 测评 {", "  levels 满意, 不满意", "  proxies: at most 2", '  grade { "合格" otherwise }', "}"), { proxies: 2, writeIns: false }],
    [
      "a scorecard, which has no settings",
      lines("scorecard s {", "  input x: count", "  criterion c max 1 { 1 when x > 0  0 otherwise }", "}"),
      { proxies: 0, writeIns: false },
    ],
  ])("%s", (_what, source, settings) => {
    const m = compile(source);
    expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(m.rules.map((r) => r.settings)).toEqual([settings]);
  });

  it("compiles no rule whose settings are refused", () => {
    const m = compile(lines(vote("  proxies: at most 101"), election("  write_ins: maybe"), vote("  proxies: at most 1").replace("vote v", "vote w")));
    expect(m.rules.map((r) => [r.name, r.settings])).toEqual([["w", { proxies: 1, writeIns: false }]]);
  });
});
