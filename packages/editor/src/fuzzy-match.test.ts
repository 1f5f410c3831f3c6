import { describe, expect, it } from "vitest";
import { fuzzyMatch, rankByFuzzyMatch } from "./fuzzy-match";

/** The matched text, read back from the ranges. */
const matched = (target: string, query: string) => fuzzyMatch(query, target)?.ranges.map(([s, e]) => target.slice(s, e)).join("|") ?? null;

describe("fuzzy match for quick open", () => {
  it("matches the query's characters in order, case-insensitively, and refuses them out of order", () => {
    expect(matched("major_matter.gavel", "mm")).toBe("m|m");
    expect(matched("major_matter.gavel", "MATT")).toBe("matt");
    expect(matched("major_matter.gavel", "mjm")).toBe("m|j|m");
    expect(fuzzyMatch("tm", "major_matter.gavel")).toBeNull();
    expect(fuzzyMatch("x", "major_matter.gavel")).toBeNull();
  });

  it("prefers word starts and runs: 'mm' takes the m of matter, not the a-less second letter", () => {
    expect(fuzzyMatch("mm", "mymatter")!.ranges).toEqual([[0, 1], [2, 3]]);
    expect(fuzzyMatch("ma", "mymatter")!.ranges).toEqual([[2, 4]]);
  });

  it("matches Chinese names character by character, and characters outside the BMP", () => {
    expect(matched("星级社区考核.gavel", "星社考")).toBe("星|社|考");
    expect(matched("星级社区考核.gavel", "社区考核")).toBe("社区考核");
    expect(fuzzyMatch("考星", "星级社区考核.gavel")).toBeNull();
    expect(matched("a𠀀b.gavel", "𠀀b")).toBe("𠀀b");
  });

  it("ignores spaces and matches everything on an empty query", () => {
    expect(matched("major_matter.gavel", "ma mat")).toBe("ma|mat");
    expect(fuzzyMatch("", "x")).toEqual({ score: 0, ranges: [] });
  });

  it("ranks a contiguous match above a scattered one, then shorter names", () => {
    const names = ["vote_extra_long_name", "v_o_t_e", "vote", "votes"];
    expect(rankByFuzzyMatch("vote", names, (n) => n).map((r) => r.item)).toEqual(["vote", "votes", "vote_extra_long_name", "v_o_t_e"]);
    expect(rankByFuzzyMatch("", names, (n) => n).map((r) => r.item)).toEqual(names);
  });
});
