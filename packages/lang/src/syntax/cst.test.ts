import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("cst.ts, the CST types generated from the grammar", () => {
  it("is what npm run generate:cst writes for the grammar as it is now", async () => {
    // A variable, so that the type check does not follow the plain-JavaScript script.
    const script = "../../scripts/generate-cst.mjs";
    const { cstTypes, cstFile } = (await import(script)) as { cstTypes: () => string; cstFile: string };
    expect(cstFile).toBe(join(import.meta.dirname, "cst.ts"));
    expect(readFileSync(cstFile, "utf8")).toBe(cstTypes());
  });
});
