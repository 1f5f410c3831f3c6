import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// The language package's phase folders (README.md, "Layout"): a folder reaches another only through its index.ts,
// and each index lists only what some other folder uses. The package index (index.ts) and package.json's subpath
// exports name files directly: they are the public surface. Tests and fixtures may import any file.
const SRC = import.meta.dirname;
const PHASES = ["syntax", "check", "eval", "compile", "tooling", "diagnostics"];
const isTestFile = (file: string) => file.endsWith(".test.ts") || file.endsWith(".fixture.ts");

function sourcesOf(folder: string): string[] {
  return readdirSync(join(SRC, folder)).filter((f) => f.endsWith(".ts") && !isTestFile(f) && f !== "index.ts");
}

/** Every relative import or re-export of a file: its clause (names, `* as X`) and its specifier. */
function importsOf(path: string): { clause: string; from: string }[] {
  const text = readFileSync(path, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)(?:\s+type)?\s*([^"']*?)\s*(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => ({ clause: m[1]!, from: m[2]! }));
}

/** The folder an import from `folder` lands in ("" for the src root), and the file there. */
function target(folder: string, from: string): { folder: string; file: string } {
  const parts = [folder, ...from.split("/")].reduce<string[]>((acc, p) => (p === ".." ? acc.slice(0, -1) : p === "." || p === "" ? acc : [...acc, p]), []);
  return parts.length === 1 ? { folder: "", file: parts[0]! } : { folder: parts[0]!, file: parts.slice(1).join("/") };
}

describe("the language package's phase folders", () => {
  it("holds every source file in a phase folder, beside the public index and types", () => {
    const top = readdirSync(SRC, { withFileTypes: true });
    expect(top.filter((e) => e.isFile() && !isTestFile(e.name)).map((e) => e.name).sort()).toEqual(["index.ts", "types.ts"]);
    expect(top.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual([...PHASES, "test-support"].sort());
    for (const folder of PHASES) expect(readdirSync(join(SRC, folder))).toContain("index.ts");
  });

  it("reaches another folder only through its index.ts", () => {
    const offenders = PHASES.flatMap((folder) =>
      sourcesOf(folder).flatMap((file) =>
        importsOf(join(SRC, folder, file))
          .map((i) => ({ ...i, to: target(folder, i.from) }))
          .filter(({ to }) => to.folder !== folder && to.folder !== "" && to.file !== "index.ts")
          .map(({ from }) => `${folder}/${file} imports ${from}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("lists in each index only what another folder imports", () => {
    const used = new Map<string, Set<string>>(PHASES.map((f) => [f, new Set()]));
    const starred = new Set<string>();
    const importers = [...PHASES.flatMap((folder) => sourcesOf(folder).map((file) => ({ folder, path: join(SRC, folder, file) }))), { folder: "", path: join(SRC, "index.ts") }, { folder: "", path: join(SRC, "types.ts") }];
    for (const { folder, path } of importers) {
      for (const i of importsOf(path)) {
        const to = target(folder, i.from);
        if (to.folder === folder || to.folder === "" || to.file !== "index.ts") continue;
        if (i.clause.startsWith("*")) starred.add(to.folder);
        for (const name of i.clause.replace(/[{}]/g, "").split(",")) {
          const imported = name.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!;
          if (imported && !imported.startsWith("*")) used.get(to.folder)!.add(imported);
        }
      }
    }
    const unused = PHASES.flatMap((folder) => {
      const listed = importsOf(join(SRC, folder, "index.ts")).flatMap((e) => (e.clause.startsWith("*") ? [] : e.clause.replace(/[{}]/g, "").split(",").map((n) => n.trim()).filter(Boolean)));
      return starred.has(folder) ? [] : listed.filter((n) => !used.get(folder)!.has(n)).map((n) => `${folder}/index.ts lists ${n}`);
    });
    expect(unused).toEqual([]);
  });

  // The folders import each other, so which module is evaluated first decides the order of the others: each must
  // be ready for the top-level code (class heritage, tables) of the modules it imports, whichever is loaded first.
  const modules = ["index.ts", ...PHASES.flatMap((folder) => ["index.ts", ...sourcesOf(folder)].map((file) => `${folder}/${file}`))];
  it.each(modules)("loads with %s first", async (entry) => {
    vi.resetModules();
    const loaded: object = await import(/* @vite-ignore */ new URL(`./${entry}`, import.meta.url).href);
    expect(loaded).toBeTypeOf("object");
  });
});
