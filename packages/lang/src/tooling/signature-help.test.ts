import { describe, expect, it } from "vitest";
import { callAt, getSignatureHelp } from "./signature-help.ts";
import { getCompletions } from "./service.ts";

const SRC = `scorecard 测评 "满意度测评" {
  input 满意:   count  "满意票"
  input 不满意: count  "不满意票"
  input 培训天数: number min 0 max 366 "年度培训天数"
  input 已公示: boolean "是否公示"
  input 类别: text one of "村", "社区" "单位类别"

  let 满意率 = 满意 / (满意 + 不满意)

  criterion 认可 max 10 {
    10 when 满意率 >= 2/3 and 培训天数 >= 15
     0 otherwise
  }
}

vote 表决 "表决" {
  quorum: present > 2/3 of entitled
  passes: yes > 1/2 of present
}
`;

/** The source with a test block appended whose call is written up to the cursor (marked `|`). */
function withTest(call: string): { source: string; offset: number } {
  const text = `${SRC}\ntest "t" {\n  ${call}\n}\n`;
  const offset = text.indexOf("|");
  return { source: text.replace("|", ""), offset };
}

/** The active parameter's own text in the active signature. */
function activeText(source: string, offset: number): string | undefined {
  const help = getSignatureHelp(source, offset);
  if (!help) return undefined;
  const signature = help.signatures[help.activeSignature]!;
  const parameter = signature.parameters[help.activeParameter];
  return parameter && signature.label.slice(parameter.label[0], parameter.label[1]);
}

describe("signature help in rule calls", () => {
  it("lists the called rule's inputs with their types and labels, in the order declared", () => {
    const { source, offset } = withTest("测评(|");
    const help = getSignatureHelp(source, offset)!;
    expect(help.kind).toBe("rule");
    expect(help.signatures).toHaveLength(1);
    expect(help.signatures[0]!.label).toBe("测评(满意: count, 不满意: count, 培训天数: number min 0 max 366, 已公示: boolean, 类别: text)");
    expect(help.signatures[0]!.documentation).toBe("满意度测评");
    expect(help.signatures[0]!.parameters.map((p) => p.documentation)).toEqual(["满意票", "不满意票", "年度培训天数", "是否公示", "单位类别"]);
    expect(help.activeParameter).toBe(0);
  });

  it("marks the argument being named, wherever it stands, and the next one not given after a comma", () => {
    expect(activeText(...Object.values(withTest("测评(培训天数: 1|")) as [string, number])).toBe("培训天数: number min 0 max 366");
    expect(activeText(...Object.values(withTest("测评(满意: 2, |")) as [string, number])).toBe("不满意: count");
    expect(activeText(...Object.values(withTest("测评(不满意: 2, 满意: 1, |")) as [string, number])).toBe("培训天数: number min 0 max 366");
    expect(activeText(...Object.values(withTest("测评(满意: 2, 已|")) as [string, number])).toBe("已公示: boolean");
    expect(activeText(...Object.values(withTest("表决(entitled: 30, present: 21, y|")) as [string, number])).toBe("yes: count");
  });

  it("keeps helping while the called rule itself has an error (not compiled)", () => {
    const text = `vote v "a" {\n  quorum: present > 2/3 of entitled\n}\ntest "c" {\n  v(entitled: 3, |`;
    const help = getSignatureHelp(text.replace("|", ""), text.indexOf("|"))!;
    expect(help.signatures[0]!.label).toBe("v(entitled: count, present: count, yes: count, no: count, abstain: count)");
    expect(help.activeParameter).toBe(1);
  });

  it("names a vote's facts as its parameters", () => {
    const { source, offset } = withTest("表决(|");
    expect(getSignatureHelp(source, offset)!.signatures[0]!.parameters.map((p) => p.text)).toEqual(["entitled: count", "present: count", "yes: count", "no: count", "abstain: count"]);
  });

  it("answers nothing outside a call, after its closing parenthesis, or for an unknown rule", () => {
    expect(getSignatureHelp(SRC, SRC.indexOf("quorum"))).toBeUndefined();
    const closed = withTest("测评(满意: 2)|");
    expect(getSignatureHelp(closed.source, closed.offset)).toBeUndefined();
    const unknown = withTest("没有这个(|");
    expect(getSignatureHelp(unknown.source, unknown.offset)).toBeUndefined();
  });
});

describe("signature help in functions", () => {
  const at = (expr: string) => {
    const text = `scorecard s {\n  input cases: list of { received: date, resolved: date?, limit: count }\n  let x = ${expr}`;
    return { source: text.replace("|", ""), offset: text.indexOf("|") };
  };

  it("shows add_workdays(date, n) with the argument under the cursor", () => {
    const first = at("add_workdays(|");
    const help = getSignatureHelp(first.source, first.offset)!;
    expect(help.kind).toBe("function");
    expect(help.signatures.map((s) => s.label)).toEqual(["add_workdays(date, n)"]);
    expect(activeText(first.source, first.offset)).toBe("date");
    const second = at("add_workdays(2026-01-05, |");
    expect(activeText(second.source, second.offset)).toBe("n");
  });

  it("offers both forms of count and picks the one with where once the argument filters", () => {
    const plain = at("count(cas|");
    const help = getSignatureHelp(plain.source, plain.offset)!;
    expect(help.signatures.map((s) => s.label)).toEqual(["count(cases)", "count(cases where COND)"]);
    expect(help.signatures[0]!.documentation).toBe("how many records (exact count)");
    expect(help.activeSignature).toBe(0);
    const filtered = at("count(cases where resolved <= |");
    expect(getSignatureHelp(filtered.source, filtered.offset)!.activeSignature).toBe(1);
  });

  it("speaks Chinese for an author whose UI is Chinese: forms, parameter names and words", () => {
    const plain = at("count(cas|");
    const help = getSignatureHelp(plain.source, plain.offset, { locale: "zh" })!;
    expect(help.signatures.map((s) => s.label)).toEqual(["count(cases)", "count(cases where 条件)"]);
    expect(help.signatures.map((s) => s.documentation)).toEqual(["记录条数（精确计数）", "记录条数（精确计数）"]);
    const date = at("add_workdays(|");
    const workdays = getSignatureHelp(date.source, date.offset, { locale: "zh" })!;
    expect(workdays.signatures.map((s) => s.label)).toEqual(["add_workdays(日期, n)"]);
    expect(workdays.signatures[0]!.documentation).toBe("该日期之后的第 n 个工作日，不含该日期本身（n = 0 即该日期）");
    const filtered = at("count(cases where resolved <= |");
    expect(getSignatureHelp(filtered.source, filtered.offset, { locale: "zh" })!.activeSignature).toBe(1);
  });

  it("keeps the innermost call: a nested function inside share's where", () => {
    const nested = at("share(cases where resolved <= add_workdays(received, |");
    const help = getSignatureHelp(nested.source, nested.offset)!;
    expect(help.callee).toBe("add_workdays");
    expect(activeText(nested.source, nested.offset)).toBe("n");
    const back = at("share(cases where resolved <= add_workdays(received, limit) |");
    expect(getSignatureHelp(back.source, back.offset)!.callee).toBe("share");
  });

  it("stays on the variadic parameter of min and max", () => {
    const third = at("min(1, 2, 3, |");
    expect(activeText(third.source, third.offset)).toBe("…");
  });

  it("does not count commas inside a string or a comment", () => {
    const text = `vote v "a, b" {\n  quorum: present > 2/3 of entitled # x, y\n  passes: yes > 1/2 of present\n}\ntest "c, d" {\n  v(entitled: 3, |`;
    const help = getSignatureHelp(text.replace("|", ""), text.indexOf("|"))!;
    expect(callAt(text.replace("|", ""), text.indexOf("|"))).toMatchObject({ callee: "v", argumentIndex: 1, named: ["entitled"] });
    expect(help.signatures[0]!.parameters[help.activeParameter]!.text).toBe("present: count");
  });
});

describe("completion inside rule(", () => {
  it("offers only the called rule's inputs not given yet, inserting 'name: '", () => {
    const { source, offset } = withTest("测评(满意: 2, |");
    const items = getCompletions(source, offset);
    expect(items.map((c) => c.label)).toEqual(["不满意", "培训天数", "已公示", "类别"]);
    expect(items.map((c) => c.insertText)).toEqual(["不满意: ", "培训天数: ", "已公示: ", "类别: "]);
    expect(items[0]!.detail).toBe("count · 不满意票");
  });

  it("offers a vote's facts, not the other rules, keywords or expectations", () => {
    const { source, offset } = withTest("表决(|");
    expect(getCompletions(source, offset).map((c) => c.label)).toEqual(["entitled", "present", "yes", "no", "abstain"]);
  });

  it("offers the values of a boolean or one-of input after its name", () => {
    const bool = withTest("测评(已公示: |");
    expect(getCompletions(bool.source, bool.offset).map((c) => c.label)).toEqual(["true", "false"]);
    const text = withTest("测评(类别: |");
    expect(getCompletions(text.source, text.offset).map((c) => c.label)).toEqual(['"村"', '"社区"']);
    const count = withTest("测评(满意: |");
    expect(getCompletions(count.source, count.offset)).toEqual([]);
  });

  it("still offers rules and expectations outside the parentheses", () => {
    const { source, offset } = withTest("测评(满意: 2)\n  |");
    const labels = getCompletions(source, offset).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["测评", "表决", "expect", "grade"]));
  });
});
