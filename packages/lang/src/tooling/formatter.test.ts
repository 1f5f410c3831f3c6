import { describe, expect, it } from "vitest";
import { displayWidth, format } from "./formatter.ts";

describe("display width (columns in a monospace font)", () => {
  // Each wide block's first and last code point, and its neighbours outside it (Unicode East Asian Width: W and F,
  // as the formatter groups them). Adjacent blocks (…33FF|3400…, …9FFF|A000…) keep both neighbours wide.
  const WIDTHS: [number, number][] = [
    [0x10ff, 1], [0x1100, 2], [0x115f, 2], [0x1160, 1], [0x2e7f, 1], [0x2e80, 2], [0x303e, 2], [0x303f, 1], [0x3040, 1],
    [0x3041, 2], [0x33ff, 2], [0x3400, 2], [0x4dbf, 2], [0x4dc0, 1], [0x4dff, 1], [0x4e00, 2], [0x9fff, 2], [0xa000, 2],
    [0xa4cf, 2], [0xa4d0, 1], [0xabff, 1], [0xac00, 2], [0xd7a3, 2], [0xd7a4, 1], [0xf8ff, 1], [0xf900, 2], [0xfaff, 2],
    [0xfb00, 1], [0xfe2f, 1], [0xfe30, 2], [0xfe4f, 2], [0xfe50, 1], [0xfeff, 1], [0xff00, 2], [0xff60, 2], [0xff61, 1],
    [0xffdf, 1], [0xffe0, 2], [0xffe6, 2], [0xffe7, 1], [0x1ffff, 1], [0x20000, 2], [0x3fffd, 2], [0x3fffe, 1],
  ];

  it.each(WIDTHS.map(([code, width]) => [code.toString(16).toUpperCase(), width, code] as const))("U+%s takes %i column(s)", (_hex, width, code) => {
    expect(displayWidth(String.fromCodePoint(code))).toBe(width);
  });

  it("adds up a mixed line, counting a character outside the BMP once", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("score 考核 A")).toBe(6 + 4 + 2);
    expect(displayWidth("𠀀a")).toBe(3);
    expect(displayWidth("ｶ")).toBe(1);
  });
});

/** Written carelessly, one member a line, with each layout the formatter has a rule for. */
const CARELESS = `# 案件办理
import "std/major-matter.gavel"
scorecard 办结 "限时办结" {
input 案件: list of { received: date, resolved: date?, limit: count max 30, kind: text one of "信访", "投诉" } "案件清单"
input 短: list of { d: date }
input 满意: count "满意票"
let 档 = { 10 when 满意 >= 8 "高"  5 when 满意 >= 4  0 otherwise "低" } "档次"
let 已办结 = count(案件 where not absent(resolved))
criterion 综合 "综合" max 20 {
criterion 时限 max 10 { 10 when 已办结 >= 2 "按期" 0 otherwise }
criterion 质量 max 10 { 档 otherwise }
}
grade { "好" when score >= 15 "差" otherwise }
}
vote 表决 {
let 档位 = { 2 when yes > no "多"  1 otherwise }
quorum: present > 1/2 of entitled
passes: 档位 = 2
}
test "两件" {
办结(案件: [{received: 2026-01-05, resolved: 2026-01-06, limit: 3, kind: "信访"}, {received: 2026-01-05, limit: 3, kind: "投诉"}], 短: [{d: 2026-01-01}], 满意: 9)
expect score = 20
expect grade = "好"
}
test "错" {
表决(entitled: 3, present: 4, yes: 1, no: 0, abstain: 0)
expect error "TALLY_INCONSISTENT"
}
`;

/**
 * The canonical form of CARELESS, read line by line: two-space indents; columns aligned by display width (a Chinese
 * character is two); band points right-aligned; a record type over 72 columns as a block; a rule's runs of members
 * apart by one blank line; a test's records one per line when an argument holds more than one.
 */
const CANONICAL = `# 案件办理
import "std/major-matter.gavel"

scorecard 办结 "限时办结" {
  input 案件: list of {
    received: date,
    resolved: date?,
    limit: count max 30,
    kind: text one of "信访", "投诉"
  } "案件清单"
  input 短:   list of { d: date }
  input 满意: count  "满意票"

  let 档 = {
    10 when 满意 >= 8  "高"
     5 when 满意 >= 4
     0 otherwise       "低"
  } "档次"
  let 已办结 = count(案件 where not absent(resolved))

  criterion 综合 "综合" max 20 {
    criterion 时限 max 10 {
      10 when 已办结 >= 2  "按期"
       0 otherwise
    }

    criterion 质量 max 10 {
      档 otherwise
    }
  }

  grade {
    "好" when score >= 15
    "差" otherwise
  }
}

vote 表决 {
  let 档位 = { 2 when yes > no "多"  1 otherwise }
  quorum: present > 1/2 of entitled
  passes: 档位 = 2
}

test "两件" {
  办结(
      案件: [
        {received: 2026-01-05, resolved: 2026-01-06, limit: 3, kind: "信访"},
        {received: 2026-01-05, limit: 3, kind: "投诉"}
      ],
      短: [{d: 2026-01-01}],
      满意: 9
    )
    expect score = 20
    expect grade = "好"
}

test "错" {
  表决(entitled: 3, present: 4, yes: 1, no: 0, abstain: 0)
    expect error "TALLY_INCONSISTENT"
}
`;

/** The rest: unlabelled rules and blocks, comments before a closing brace, an election's let and require, trailing blanks. */
const CARELESS_REST = `scorecard 首项 {
criterion 出勤 max 5 { 5 when 到会 >= 3   0 otherwise
# 到会不足
}
input 到会: count?
input 记录: list of { received: date, resolved: date?, limit: count min 1 max 30, note: text }
let 档 = { 2 when 到会 >= 2  1 otherwise
# 最低一档
}
}
election 选举 {
let 有效 = ballots - invalid
require 有效 >= 0 "有效票不为负"
void: ballots > voters
elected: votes > 1/2 of 有效
}
rating 测评 {
levels 好, 中, 差
require ballots >= 1
grade { "优" when 好 >= 2/3 of ballots "平" otherwise }
}
vote 议 {
require present >= 1 "须有人到会"\x20\x20\x20
quorum: present > 1/2 of entitled # 过半\x20\x20\x20
passes: yes > no
}
test "无到会" {
首项(记录: [], 档: 1)
expect error
}
`;

const CANONICAL_REST = `scorecard 首项 {
  criterion 出勤 max 5 {
    5 when 到会 >= 3
    0 otherwise
    # 到会不足
  }

  input 到会: count?
  input 记录: list of {
    received: date,
    resolved: date?,
    limit: count min 1 max 30,
    note: text
  }

  let 档 = {
    2 when 到会 >= 2
    1 otherwise
    # 最低一档
  }
}

election 选举 {
  let 有效 = ballots - invalid
  require 有效 >= 0  "有效票不为负"
  void:    ballots > voters
  elected: votes > 1/2 of 有效
}

rating 测评 {
  levels 好, 中, 差

  require ballots >= 1

  grade {
    "优" when 好 >= 2/3 of ballots
    "平" otherwise
  }
}

vote 议 {
  require present >= 1  "须有人到会"
  quorum: present > 1/2 of entitled  # 过半
  passes: yes > no
}

test "无到会" {
  首项(记录: [], 档: 1)
    expect error
}
`;

describe("formatter layout, against a file written out by hand", () => {
  it("lays out long record inputs as blocks, banded lets, sub-criteria, a vote's inline bands and a table of records", () => {
    expect(format(CARELESS)).toEqual({ ok: true, text: CANONICAL });
  });

  it("lays out unlabelled rules and blocks, comments before a closing brace, and an election's let and require", () => {
    expect(format(CARELESS_REST)).toEqual({ ok: true, text: CANONICAL_REST });
  });

  it.each([["CANONICAL", CANONICAL], ["CANONICAL_REST", CANONICAL_REST]])("leaves %s as it is", (_name, text) => {
    expect(format(text)).toEqual({ ok: true, text });
  });
});
