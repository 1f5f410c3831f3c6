import majorMatter from "../../../../dsl/std/major-matter.gavel?raw";
import { describe, expect, it } from "vitest";
import { createImportResolver, joinPath } from "./import-resolver";

describe("joinPath", () => {
  it("resolves relative to the importing file's folder", () => {
    expect(joinPath("a/b.gavel", "c.gavel")).toBe("a/c.gavel");
    expect(joinPath("a/b.gavel", "../c.gavel")).toBe("c.gavel");
    expect(joinPath("a/b.gavel", "./d/e.gavel")).toBe("a/d/e.gavel");
    expect(joinPath(undefined, "x.gavel")).toBe("x.gavel");
  });
});

describe("createImportResolver", () => {
  it("reads std/ from the bundled standard library, identical to dsl/std", () => {
    const resolve = createImportResolver(new Map());
    const resolved = resolve("std/major-matter.gavel", "market.gavel");
    expect(resolved?.file).toBe("std/major-matter.gavel");
    expect(resolved?.source).toBe(majorMatter);
    expect(resolve("std/no-such-file.gavel", "market.gavel")).toBeUndefined();
  });

  it("reads other imports from the workspace files", () => {
    const resolve = createImportResolver(new Map([["shared/quorum.gavel", "vote q {}"]]));
    expect(resolve("quorum.gavel", "shared/main.gavel")).toEqual({ file: "shared/quorum.gavel", source: "vote q {}" });
    expect(resolve("missing.gavel", "shared/main.gavel")).toBeUndefined();
  });
});
