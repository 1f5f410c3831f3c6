import { describe, expect, it } from "vitest";
import { isIgnored, parseIgnoreFile } from "./ignore-file.ts";

describe(".gavelignore (gitignore syntax)", () => {
  const rules = parseIgnoreFile(
    ["# comment", "", "drafts/", "*.bak.gavel", "/top.gavel", "docs/*.gavel", "!docs/keep.gavel", "build/", "!build/re.gavel", "\\#hash.gavel", "trailing.gavel   "].join("\n"),
    "/p",
  );
  const cases: [path: string, folder: boolean, ignored: boolean][] = [
    ["drafts", true, true],
    ["a/drafts", true, true],
    ["a/drafts/x.gavel", false, true],
    ["drafts", false, false], // a trailing / matches folders only
    ["x.bak.gavel", false, true],
    ["deep/x.bak.gavel", false, true],
    ["top.gavel", false, true],
    ["sub/top.gavel", false, false], // a leading / anchors
    ["docs/a.gavel", false, true],
    ["docs/sub/a.gavel", false, false], // * stays within a folder
    ["docs/keep.gavel", false, false], // ! re-includes
    ["build/re.gavel", false, true], // …but not inside an ignored folder
    ["#hash.gavel", false, true],
    ["trailing.gavel", false, true],
    ["vote.gavel", false, false],
    ["../outside/drafts/x.gavel", false, false],
  ];
  it.each(cases)("%s (folder: %s) → ignored: %s", (path, folder, ignored) => {
    expect(isIgnored(rules, path, folder)).toBe(ignored);
  });
});
