import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createImportResolver, defaultStdDir, importPath } from "./imports.ts";

describe("imports", () => {
  it("maps std/NAME.gavel into the standard library folder", () => {
    expect(importPath("std/major-matter.gavel", "/rules/a.gavel", "/repo/dsl/std", "/cwd")).toBe("/repo/dsl/std/major-matter.gavel");
  });

  it("refuses std paths that climb out of the standard library", () => {
    expect(importPath("std/../../secret.gavel", "/rules/a.gavel", "/repo/dsl/std", "/cwd")).toBeUndefined();
  });

  it("resolves other paths against the importing file, or the working folder without one", () => {
    expect(importPath("../shared/b.gavel", "/rules/votes/a.gavel", "/std", "/cwd")).toBe("/rules/shared/b.gavel");
    expect(importPath("b.gavel", undefined, "/std", "/cwd")).toBe("/cwd/b.gavel");
  });

  it("reads the repository's real std library and gives undefined for a missing file", () => {
    const resolveImport = createImportResolver();
    const found = resolveImport("std/major-matter.gavel", undefined);
    expect(found?.file).toBe(join(defaultStdDir, "major-matter.gavel"));
    expect(found?.source).toContain("vote major_matter");
    expect(resolveImport("std/no-such-rule.gavel", undefined)).toBeUndefined();
  });
});
