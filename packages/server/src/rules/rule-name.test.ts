import { describe, expect, it } from "vitest";
import { isValidRuleName } from "./rule-name.ts";

describe("rule names", () => {
  it("accepts letters of any script, digits, _ and -", () => {
    for (const name of ["major_matter", "market-rebuilding", "民主测评", "限时办结", "cadre2026", "Ünïcödé", "constructor"]) expect(isValidRuleName(name), name).toBe(true);
  });
  it("refuses names that are paths, prototype keys, empty or too long", () => {
    for (const name of ["__proto__", "_x", "1abc", "", "../etc", "a/b", "a b", "a.gavel", "x".repeat(101), "-x"]) expect(isValidRuleName(name), name).toBe(false);
  });
});
