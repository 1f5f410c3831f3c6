import { describe, expect, it } from "vitest";
import { isStdImport, stdFileName } from "./std-imports.ts";

describe("the std import policy", () => {
  it.each([
    ["std/major-matter.gavel", "major-matter.gavel"],
    ["std/村委会选举.gavel", "村委会选举.gavel"],
    ["std/major-matter", undefined],
    ["std/sub/x.gavel", undefined],
    ["std/../secret.gavel", undefined],
    ["std/..\\secret.gavel", undefined],
    ["std/.gavel", undefined],
    ["std/.hidden.gavel", undefined],
    ["std/", undefined],
    ["major-matter.gavel", undefined],
    ["./std/major-matter.gavel", undefined],
  ])("%s names %s", (path, name) => {
    expect(stdFileName(path)).toBe(name);
  });

  it("treats every std/ path as a std import, valid or not, and nothing else", () => {
    expect(isStdImport("std/x")).toBe(true);
    expect(isStdImport("std/../x.gavel")).toBe(true);
    expect(isStdImport("./std/x.gavel")).toBe(false);
  });
});
