import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./unified-diff.ts";

/** Applies a diff with the system's `patch`, an implementation independent of ours. */
function applyWithPatch(before: string, diff: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gavel-diff-"));
  try {
    writeFileSync(join(dir, "f.gavel"), before);
    writeFileSync(join(dir, "p.diff"), diff);
    execFileSync("patch", ["-s", "-p1", "-i", "p.diff"], { cwd: dir });
    return readFileSync(join(dir, "f.gavel"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("unifiedDiff", () => {
  const lines = (n: number, change: (i: number) => string | undefined = () => undefined) =>
    Array.from({ length: n }, (_, i) => change(i) ?? `line ${i + 1}`)
      .map((l) => `${l}\n`)
      .join("");
  const pairs: [string, string, string][] = [
    ["one change in the middle", lines(20), lines(20, (i) => (i === 9 ? "changed" : undefined))],
    ["two changes far apart: two hunks", lines(30), lines(30, (i) => (i === 2 || i === 25 ? "changed" : undefined))],
    ["lines added and removed at both ends", "a\nb\nc\n", "x\nb\nc\nd\ne\n"],
    ["a missing final newline", "a\nb", "a\nb\n"],
    ["from empty", "", "vote v {\n}\n"],
    ["to empty", "a\n", ""],
    ["Chinese text", "投票 过半 {\n  通过\n}\n", "投票 过半 {\n    通过\n}\n"],
  ];
  it.each(pairs)("%s: patch turns the first text into the second", (_name, before, after) => {
    const diff = unifiedDiff(before, after, "f.gavel");
    expect(diff.startsWith("--- a/f.gavel\n+++ b/f.gavel\n@@ ")).toBe(true);
    expect(applyWithPatch(before, diff)).toBe(after);
  });

  it("gives two hunks for changes more than six lines apart, with three lines of context", () => {
    const diff = unifiedDiff(lines(30), lines(30, (i) => (i === 2 || i === 25 ? "changed" : undefined)), "f.gavel");
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(["@@ -1,6 +1,6 @@", "@@ -23,7 +23,7 @@"]);
  });

  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\n", "a\n", "f.gavel")).toBe("");
  });
});
