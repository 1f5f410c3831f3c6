import { describe, expect, it } from "vitest";
import { FUNCTION_DOCS } from "../check/index.ts";
import { getCompletions, getHover, KEYWORD_DOCS } from "./service.ts";
import { factLabel, FUNCTION_DOCS_ZH, KEYWORD_DOCS_ZH } from "./service-zh.ts";

const VOTE = 'vote v "表决" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n';

describe("the language service in Chinese", () => {
  it("has every keyword and function help in Chinese", () => {
    expect(Object.keys(KEYWORD_DOCS_ZH).sort()).toEqual(Object.keys(KEYWORD_DOCS).sort());
    expect(Object.keys(FUNCTION_DOCS_ZH).sort()).toEqual(Object.keys(FUNCTION_DOCS).sort());
  });

  it("names a fact by the Chinese half of its label, and its kind and type in Chinese", () => {
    expect(factLabel("entitled", "zh")).toBe("应到");
    const hover = getHover(VOTE, VOTE.indexOf("entitled") + 2, { locale: "zh" });
    expect(hover?.contents).toBe("**entitled** — 事实，计数\n\n应到");
    expect(getHover(VOTE, VOTE.indexOf("entitled") + 2)?.contents).toBe("**entitled** — fact, count\n\n应到 / entitled: members on the roster");
  });

  it("gives a rating level's built-in label in Chinese", () => {
    const rating = 'rating r "测评" {\n  levels 满意, 不满意\n  grade {\n    "好" when 满意 > 不满意\n    "差" otherwise\n  }\n}\n';
    const at = rating.indexOf("满意 > ") + 1;
    expect(getHover(rating, at, { locale: "zh" })?.contents).toBe("**满意** — 输入，计数\n\n测评等次 满意");
  });

  it("names a rating's ballots as the rating's, not an election's", () => {
    const rating = 'rating r "测评" {\n  levels 满意, 不满意\n  grade {\n    "好" when ballots > 0 and 满意 > 不满意\n    "差" otherwise\n  }\n}\n';
    const at = rating.indexOf("ballots") + 1;
    expect(getHover(rating, at)?.contents).toBe("**ballots** — fact, count\n\n测评票 / rating ballots: the sum of the level counts");
    expect(getHover(rating, at, { locale: "zh" })?.contents).toBe("**ballots** — 事实，计数\n\n测评票：各等次票数之和");
  });

  it("gives completion details in Chinese", () => {
    const items = getCompletions(VOTE, VOTE.indexOf("present >"), { locale: "zh" });
    const atLineStart = getCompletions(VOTE, VOTE.indexOf("passes"), { locale: "zh" });
    expect(atLineStart.find((i) => i.label === "quorum")?.detail).toContain("表决有效的条件");
    expect(items.find((i) => i.label === "present")?.detail).toBe("实到");
    expect(items.find((i) => i.label === "add_workdays")?.detail).toContain("工作日");
  });
});
