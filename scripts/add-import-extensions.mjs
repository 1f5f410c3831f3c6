#!/usr/bin/env node
// Codemod: relative imports in the given source folders get their file's `.ts` extension (`./x` → `./x.ts`,
// `./dir` → `./dir/index.ts`), so `tsc` (rewriteRelativeImportExtensions) emits `./x.js` that plain Node resolves.
// Idempotent: rerun it after merging code written with extensionless imports.
// Usage: node scripts/add-import-extensions.mjs packages/lang/src packages/cli/src packages/server/src
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)(["'])(\.{1,2}\/[^"'\n]*|\.{1,2})\2/g;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts)$/.test(entry) && !entry.endsWith(".d.ts")) yield path;
  }
}

function withExtension(fromFile, specifier) {
  if (/\.(ts|js|mjs|cjs|json|sql|gavel|css|html)$/.test(specifier)) return specifier;
  const target = resolve(dirname(fromFile), specifier);
  if (existsSync(`${target}.ts`)) return `${specifier}.ts`;
  if (existsSync(join(target, "index.ts"))) return `${specifier.replace(/\/$/, "")}/index.ts`;
  throw new Error(`${fromFile}: cannot resolve ${specifier}`);
}

let changed = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, "utf8");
    const next = text.replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`);
    if (next !== text) {
      writeFileSync(file, next);
      changed++;
    }
  }
}
console.log(`${changed} files changed`);
