#!/usr/bin/env node
// Copies into a package what its compiled code reads from disk, so the npm tarball is complete:
//   lang:   dsl/std/*.gavel → packages/lang/std/ (dsl/std stays the source of truth); dsl/calendar/*.json →
//           packages/lang/calendar/ (the built-in calendar as a file, the template for a new year or a local one)
//   server: src/store/migrations/*.sql → dist/store/migrations/; packages/editor/dist → packages/server/editor/
//   every package: the repository's LICENSE.
// Usage: node scripts/copy-package-assets.mjs lang|cli|server|vscode ... (run by each package's `build` script).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const pkg = (name, ...path) => join(repoRoot, "packages", name, ...path);

/** Replaces `to` with a copy of the files of `from` whose names match `pattern`. */
function copyFolder(from, to, pattern = /./) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory() || pattern.test(entry.name)) cpSync(join(from, entry.name), join(to, entry.name), { recursive: true });
  }
}

const steps = {
  lang() {
    copyFolder(join(repoRoot, "dsl/std"), pkg("lang", "std"), /\.gavel$/);
    copyFolder(join(repoRoot, "dsl/calendar"), pkg("lang", "calendar"), /\.json$/);
  },
  cli() {},
  vscode() {},
  server() {
    copyFolder(pkg("server", "src/store/migrations"), pkg("server", "dist/store/migrations"), /\.sql$/);
    const editorDist = pkg("editor", "dist");
    if (!existsSync(join(editorDist, "index.html"))) {
      const build = spawnSync("npm", ["run", "build", "-w", "@gavel-rules/editor"], { cwd: repoRoot, stdio: "inherit" });
      if (build.status !== 0) throw new Error("building the editor failed");
    }
    copyFolder(editorDist, pkg("server", "editor"));
  },
};

for (const name of process.argv.slice(2)) {
  const step = steps[name];
  if (!step) throw new Error(`unknown package ${name}: expected ${Object.keys(steps).join(", ")}`);
  step();
  cpSync(join(repoRoot, "LICENSE"), pkg(name, "LICENSE"));
}
