import { describe, expect, it } from "vitest";
import { globBase, globMatcher, isGlob } from "./glob.ts";

describe("glob patterns", () => {
  const cases: [pattern: string, matches: string[], misses: string[]][] = [
    ["*.gavel", ["a.gavel", "投票.gavel", ".gavel"], ["a/b.gavel", "a.gavelx"]],
    ["**/*.gavel", ["a.gavel", "x/a.gavel", "x/y/z/a.gavel"], ["a.txt", "x/a.txt"]],
    ["rules/**", ["rules/a", "rules/x/y"], ["rules", "other/a"]],
    ["a/**/b", ["a/b", "a/x/b", "a/x/y/b"], ["a/xb", "b"]],
    ["?.gavel", ["a.gavel"], ["ab.gavel", "/.gavel"]],
    ["[ab].gavel", ["a.gavel", "b.gavel"], ["c.gavel"]],
    ["[!ab].gavel", ["c.gavel"], ["a.gavel", "/.gavel"]],
    ["{vote,rate}*.gavel", ["vote.gavel", "rate-2.gavel"], ["score.gavel"]],
    ["a\\*.gavel", ["a*.gavel"], ["ab.gavel"]],
    ["a+b(1).gavel", ["a+b(1).gavel"], ["aab(1).gavel"]],
  ];
  it.each(cases)("%s", (pattern, matches, misses) => {
    const match = globMatcher(pattern);
    for (const path of matches) expect(match(path), path).toBe(true);
    for (const path of misses) expect(match(path), path).toBe(false);
  });

  it("tells patterns from literal paths, and splits off the literal folder to walk", () => {
    expect(isGlob("rules/*.gavel")).toBe(true);
    expect(isGlob("rules/a.gavel")).toBe(false);
    expect(isGlob("a\\*.gavel")).toBe(false);
    expect(globBase("rules/std/**/*.gavel")).toEqual({ base: "rules/std", rest: "**/*.gavel" });
    expect(globBase("*.gavel")).toEqual({ base: "", rest: "*.gavel" });
    expect(globBase("/srv/r/*.gavel")).toEqual({ base: "/srv/r", rest: "*.gavel" });
  });
});
