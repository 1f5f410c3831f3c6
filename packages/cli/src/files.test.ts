import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectGavelFiles } from "./files.ts";

describe("collectGavelFiles", () => {
  let root: string;
  const touch = (path: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "");
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "gavel-files-"));
    for (const path of ["b.gavel", "a.gavel", "notes.txt", "sub/deep/c.gavel", "sub/d.gavel", "node_modules/pkg/x.gavel", ".git/y.gavel", "规则/投票.gavel", "explicit.rules"]) touch(path);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds *.gavel recursively in name order, skipping node_modules and hidden folders", () => {
    const { files, missing } = collectGavelFiles(["."], root);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(["a.gavel", "b.gavel", "sub/d.gavel", "sub/deep/c.gavel", "规则/投票.gavel"]);
    expect(missing).toEqual([]);
  });

  it("keeps a file named explicitly whatever its extension, and lists each file once", () => {
    const { files } = collectGavelFiles(["explicit.rules", "sub", "sub/d.gavel"], root);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(["explicit.rules", "sub/d.gavel", "sub/deep/c.gavel"]);
  });

  it("reports paths that do not exist and still collects the others", () => {
    const { files, missing } = collectGavelFiles(["nope", "a.gavel", "nope/too.gavel"], root);
    expect(missing).toEqual(["nope", "nope/too.gavel"]);
    expect(files).toEqual([join(root, "a.gavel")]);
  });
});
