/** Find references and rename: every occurrence of a rule, input, let or criterion name in one file; renames keep the file valid. */

import { describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { applyReplacements, getReferences, getRename, prepareRename } from "./references.ts";
import type { ImportResolver } from "../types.ts";

const CARD = `scorecard 测评 "满意度测评" {
  input 满意: count
  input 不满意: count
  let 满意率 = 满意 / (满意 + 不满意)
  criterion 认可 max 10 {
    10 when 满意率 >= 2/3
     0 otherwise
  }
  grade {
    "优秀" when 认可 >= 10
    "一般" otherwise
  }
}

vote council "Council" {
  let 门槛 = 1/2 of entitled
  quorum: present > 门槛
  passes: yes > 门槛
}

test "测评 t" {
  测评(满意: 2, 不满意: 1)
    expect 满意率 = 2/3
    expect 认可 = 10
}

test "council t" {
  council(entitled: 4, present: 3, yes: 3, no: 0, abstain: 0)
    expect 门槛 = 2
    expect outcome = passed
}
`;

/** The offset of the n-th (0-based) occurrence of `text` in CARD, plus `into` characters. */
function at(text: string, n = 0, into = 1): number {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = CARD.indexOf(text, offset + 1);
  if (offset < 0) throw new Error(`no ${text} #${n}`);
  return offset + into;
}

/** The occurrences found, as the 1-based line of each. */
function linesOf(offset: number): number[] | undefined {
  return getReferences(CARD, offset)?.spans.map((s) => s.line);
}

describe("getReferences", () => {
  it.each([
    ["an input at its declaration", at("满意: count"), { kind: "input", name: "满意", rule: "测评" }, [2, 4, 4, 22]],
    ["an input at a use in a let", at("满意 /"), { kind: "input", name: "满意", rule: "测评" }, [2, 4, 4, 22]],
    ["an input at a test argument", at("满意: 2"), { kind: "input", name: "满意", rule: "测评" }, [2, 4, 4, 22]],
    ["a let at a use in a band", at("满意率 >="), { kind: "let", name: "满意率", rule: "测评" }, [4, 6, 23]],
    ["a let at an expectation", at("满意率 = 2/3"), { kind: "let", name: "满意率", rule: "测评" }, [4, 6, 23]],
    ["a criterion used by the grade", at("认可 >= 10"), { kind: "criterion", name: "认可", rule: "测评" }, [5, 10, 24]],
    ["a vote's let", at("门槛 ="), { kind: "let", name: "门槛", rule: "council" }, [16, 17, 18, 29]],
    ["a rule at its name", at("测评 \"满意度"), { kind: "rule", name: "测评" }, [1, 22]],
    ["a rule at a test's call", at("council("), { kind: "rule", name: "council" }, [15, 28]],
    // The cursor just after a name still finds it (editors put it there after a double click).
    ["a name with the cursor at its end", at("门槛 =", 0, 2), { kind: "let", name: "门槛", rule: "council" }, [16, 17, 18, 29]],
  ])("%s", (_what, offset, target, lines) => {
    expect(getReferences(CARD, offset)?.target).toEqual(target);
    expect(linesOf(offset)).toEqual(lines);
  });

  it.each([
    ["a vote fact", at("entitled")],
    ["a keyword", at("criterion")],
    ["a string", at("优秀")],
    ["an expectation of the outcome", at("outcome")],
    ["blank space between items", at("}\n\nvote", 0, 2)],
  ])("finds nothing to rename at %s", (_what, offset) => {
    expect(getReferences(CARD, offset)).toBeUndefined();
  });

  it("finds a rule from std called in this file, without a declaration here", () => {
    const source = `import "std/x.gavel"\ntest "t" {\n  x_rule(entitled: 1, present: 1, yes: 1, no: 0, abstain: 0)\n    expect outcome = passed\n}\n`;
    const resolveImport: ImportResolver = () => ({ file: "/std/x.gavel", source: `vote x_rule {\n  quorum: present > 0\n  passes: yes > 0\n}\n` });
    const refs = getReferences(source, source.indexOf("x_rule") + 1, { file: "/a.gavel", resolveImport });
    expect(refs?.declaration).toBeUndefined();
    expect(refs?.spans.map((s) => s.line)).toEqual([3]);
    expect(getRename(source, source.indexOf("x_rule") + 1, "y_rule", { file: "/a.gavel", resolveImport })).toMatchObject({ ok: false, code: "NOT_IN_FILE" });
  });
});

describe("getRename", () => {
  it.each([
    ["an input", at("不满意: count"), "反对", 3],
    ["a let from a use", at("满意率 >="), "满意比例", 3],
    ["a criterion", at("认可 max"), "recognition", 3],
    ["a rule", at("council("), "村民会议", 2],
    ["a vote's let", at("门槛 = 2"), "half", 4],
  ])("renames %s everywhere and the file stays valid", (_what, offset, newName, count) => {
    const outcome = getRename(CARD, offset, newName);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.edits).toHaveLength(count);
    const renamed = applyReplacements(CARD, outcome.edits);
    expect(compile(renamed).diagnostics).toEqual(compile(CARD).diagnostics.filter((d) => d.severity !== "error"));
    expect(renamed.split(newName).length - 1).toBe(count + CARD.split(newName).length - 1);
  });

  it.each([
    ["a keyword", at("满意率 >="), "criterion", "RESERVED_NAME"],
    ["a vote fact", at("门槛 ="), "present", "RESERVED_NAME"],
    ["the total score", at("满意率 >="), "score", "RESERVED_NAME"],
    ["a function", at("满意率 >="), "max", "RESERVED_NAME"],
    ["an outcome", at("council("), "passed", "RESERVED_NAME"],
    ["another input of the rule", at("满意率 >="), "不满意", "NAME_TAKEN"],
    ["another rule", at("council("), "测评", "NAME_TAKEN"],
    ["not a name", at("满意率 >="), "2x", "INVALID_NAME"],
    ["a name with a space", at("满意率 >="), "满意 率", "INVALID_NAME"],
    ["nothing renamable", at("entitled"), "whatever", "NO_NAME"],
  ])("refuses to rename to %s", (_what, offset, newName, code) => {
    expect(getRename(CARD, offset, newName)).toMatchObject({ ok: false, code });
  });

  it("renaming to the same name is no edit", () => {
    expect(getRename(CARD, at("门槛 ="), "门槛")).toMatchObject({ ok: true, edits: [] });
  });
});

/** Elections and ratings: their names, lets and levels are found and renamed like a scorecard's. */
describe("every rule kind", () => {
  const KINDS = `election 村委会 "村民委员会选举" {
  let 半数 = 1/2 of voters
  require seats > 0 "应选名额至少一名"
  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 半数
  runoff:  votes >= 1/3 of ballots
}

rating 测评票 "民主测评" {
  levels 满意, 基本满意, 不满意
  let 认可率 = (满意 + 基本满意) / ballots
  grade {
    "优秀" when 认可率 >= 2/3
    "一般" otherwise
  }
}

test "election t" {
  村委会(registered: 10, voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: {"王": 4, "李": 2})
    expect 半数 = 3
    expect elected = "王"
}

test "rating t" {
  测评票(满意: 2, 基本满意: 0, 不满意: 1)
    expect 认可率 = 2/3
    expect grade = "优秀"
}
`;
  const pos = (text: string, n = 0): number => {
    let offset = -1;
    for (let i = 0; i <= n; i++) offset = KINDS.indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`no ${text} #${n}`);
    return offset + 1;
  };

  it("the source compiles, so the edits below are checked against a valid file", () => {
    expect(compile(KINDS).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each([
    ["an election at its name", pos("村委会 \""), { kind: "rule", name: "村委会" }, [1, 20]],
    ["an election at a test's call", pos("村委会("), { kind: "rule", name: "村委会" }, [1, 20]],
    ["an election's let at a clause", pos("半数\n"), { kind: "let", name: "半数", rule: "村委会" }, [2, 6, 21]],
    ["an election's let at an expectation", pos("半数 = 3"), { kind: "let", name: "半数", rule: "村委会" }, [2, 6, 21]],
    ["a rating at its name", pos("测评票 \""), { kind: "rule", name: "测评票" }, [10, 26]],
    ["a rating's let in the grade", pos("认可率 >="), { kind: "let", name: "认可率", rule: "测评票" }, [12, 14, 27]],
    ["a rating's level at its declaration", pos("基本满意,"), { kind: "input", name: "基本满意", rule: "测评票" }, [11, 12, 26]],
    ["a rating's level at a test argument", pos("满意: 2"), { kind: "input", name: "满意", rule: "测评票" }, [11, 12, 26]],
  ])("finds %s", (_what, offset, target, lines) => {
    const refs = getReferences(KINDS, offset);
    expect(refs?.target).toEqual(target);
    expect(refs?.declaration).toBeDefined();
    expect(refs?.spans.map((s) => s.line)).toEqual(lines);
  });

  it.each([
    ["an election fact", pos("registered")],
    ["an election clause", pos("turnout:")],
    ["the rating's ballots", pos("ballots\n")],
  ])("finds nothing at %s", (_what, offset) => {
    expect(getReferences(KINDS, offset)).toBeUndefined();
  });

  it.each([
    ["an election", pos("村委会("), "村委选举", 2],
    ["an election's let", pos("半数 ="), "half", 3],
    ["a rating", pos("测评票 \""), "cadre_rating", 2],
    ["a rating's let", pos("认可率 ="), "approval", 3],
    ["a rating's level", pos("不满意\n"), "差", 2],
  ])("renames %s everywhere and the file stays valid", (_what, offset, newName, count) => {
    const outcome = getRename(KINDS, offset, newName);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.edits).toHaveLength(count);
    const renamed = applyReplacements(KINDS, outcome.edits);
    expect(compile(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(renamed.split(newName).length - 1).toBe(count + KINDS.split(newName).length - 1);
  });

  it.each([
    ["another level of the rating", pos("满意,"), "不满意", "NAME_TAKEN"],
    ["another election", pos("村委会("), "测评票", "NAME_TAKEN"],
    ["an election fact", pos("半数 ="), "voters", "WOULD_BREAK"],
  ])("refuses to rename to %s", (_what, offset, newName, code) => {
    expect(getRename(KINDS, offset, newName)).toMatchObject({ ok: false, code });
  });
});

describe("prepareRename and refusals in the author's language", () => {
  it("gives the occurrence under the cursor and the name it renames", () => {
    const offset = at("满意率 >=", 0, 2);
    const prepared = prepareRename(CARD, offset);
    expect(prepared).toMatchObject({ ok: true, name: "满意率" });
    if (!prepared.ok) return;
    expect(CARD.slice(prepared.span.offset, prepared.span.endOffset)).toBe("满意率");
    expect(prepared.span.offset).toBe(CARD.indexOf("满意率 >="));
  });

  it("refuses where there is no name, and a name declared in an imported file, in Chinese when asked", () => {
    expect(prepareRename(CARD, CARD.indexOf("max 10") + 1)).toEqual({ ok: false, code: "NO_NAME", message: "There is no rule, input, let or criterion name here to rename." });
    expect(prepareRename(CARD, CARD.indexOf("max 10") + 1, { locale: "zh" })).toMatchObject({ ok: false, code: "NO_NAME", message: "这里没有可以重命名的规则、输入项、let 或评分项名称。" });
    const resolveImport: ImportResolver = () => ({ file: "/b.gavel", source: 'vote x_rule "X" {\n  quorum: present > 0\n  passes: yes > no\n}\n' });
    const source = 'import "b.gavel"\n\ntest "t" {\n  x_rule(entitled: 1, present: 1, yes: 1, no: 0, abstain: 0)\n    expect outcome = passed\n}\n';
    expect(prepareRename(source, source.indexOf("x_rule") + 1, { file: "/a.gavel", resolveImport, locale: "zh" }))
      .toEqual({ ok: false, code: "NOT_IN_FILE", message: "“x_rule” 定义在导入的文件中，请到那里重命名。" });
  });

  it.each([
    ["INVALID_NAME", "1x", "“1x” 不是合法的名称：名称以字母或 _ 开头，只含字母、数字和 _。"],
    ["RESERVED_NAME", "quorum", "“quorum” 是语言的保留字，不能用作名称。"],
    ["NAME_TAKEN", "不满意", "“不满意” 已经是另一个规则或本规则成员的名称。"],
  ])("says %s in Chinese", (code, newName, message) => {
    expect(getRename(CARD, at("满意 /"), newName, { locale: "zh" })).toEqual({ ok: false, code, message });
  });
});
