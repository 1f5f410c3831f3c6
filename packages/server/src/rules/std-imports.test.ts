import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stdImportResolver } from "./std-imports.ts";

describe("stdImportResolver", () => {
  const root = mkdtempSync(join(tmpdir(), "gavel-std-"));
  const stdDir = join(root, "std");
  mkdirSync(stdDir);
  writeFileSync(join(stdDir, "a.gavel"), "# a\n");
  writeFileSync(join(root, "outside.gavel"), "# outside\n");
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const resolve = stdImportResolver(stdDir);

  it("reads std/<name>.gavel from the folder, named by its import path", () => {
    expect(resolve("std/a.gavel", undefined)).toEqual({ file: "std/a.gavel", source: "# a\n" });
  });

  it.each(["std/../outside.gavel", "std/a", "outside.gavel", "./std/a.gavel", "std/missing.gavel"])("knows nothing of %s", (path) => {
    expect(resolve(path, undefined)).toBeUndefined();
  });
});
