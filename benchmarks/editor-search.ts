/**
 * Quick open and Search in the editor (issue #13) on a registry of 500 rule files: the work done in the page for a
 * query, after the sources are cached (fetching is one GET per new version, measured by the browser tests' request
 * count instead). Pure TypeScript, run in Node: the same modules the editor bundles.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rankByFuzzyMatch } from "../packages/editor/src/fuzzy-match.ts";
import { compileQuery, findMatches, type SearchQuery } from "../packages/editor/src/text-search.ts";
import { median } from "./statistics";

const FILES = 500;

/** Milliseconds per run of `work`: the median of 30 runs after 5 warm-up runs. */
function time(work: () => unknown): number {
  for (let i = 0; i < 5; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The Search view's and quick open's work for a query over 500 files made from the examples. */
export async function runEditorSearchBench(): Promise<string> {
  const dir = join(import.meta.dirname, "../examples");
  const examples = readdirSync(dir).filter((f) => f.endsWith(".gavel")).map((f) => ({ name: f.replace(/\.gavel$/, ""), text: readFileSync(join(dir, f), "utf8") }));
  // Half the names Latin (the examples'), half Chinese, as registries here hold both.
  const files = Array.from({ length: FILES }, (_, i) => ({
    name: i % 2 === 0 ? `${examples[i % examples.length]!.name}_${i}` : `星级社区考核_第${i}号`,
    text: examples[i % examples.length]!.text,
  }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const lines = files.reduce((n, f) => n + f.text.split("\n").length, 0);
  const search = (query: SearchQuery) => {
    const compiled = compileQuery(query);
    if (!compiled.ok) throw new Error(compiled.message);
    let count = 0;
    for (const file of files) count += findMatches(file.text, compiled.pattern, 2001 - count).length;
    return count;
  };
  const plain = { text: "present", matchCase: false, wholeWord: false, regex: false };
  const chinese = { text: "考核", matchCase: false, wholeWord: false, regex: false };
  const regex = { text: String.raw`\d+/\d+ of \w+`, matchCase: true, wholeWord: false, regex: true };
  const word = { text: "yes", matchCase: false, wholeWord: true, regex: false };
  const names = files.map((f) => `${f.name}.gavel`);
  const rows = [
    ["Search, plain text `present`", search(plain), time(() => search(plain))],
    ["Search, Chinese `考核`", search(chinese), time(() => search(chinese))],
    ["Search, regex `\\d+/\\d+ of \\w+`, match case", search(regex), time(() => search(regex))],
    ["Search, whole word `yes`", search(word), time(() => search(word))],
    ["Quick open, fuzzy `mkt` over the names", rankByFuzzyMatch("mkt", names, (n) => n).length, time(() => rankByFuzzyMatch("mkt", names, (n) => n))],
    ["Quick open, fuzzy `星考` over the names", rankByFuzzyMatch("星考", names, (n) => n).length, time(() => rankByFuzzyMatch("星考", names, (n) => n))],
    ["Quick open, fuzzy `星考12` over the names", rankByFuzzyMatch("星考12", names, (n) => n).length, time(() => rankByFuzzyMatch("星考12", names, (n) => n))],
  ] as const;
  return [
    `## Editor: quick open and search over ${FILES} rule files`,
    "",
    `${FILES} files (${(bytes / 1024).toFixed(0)} KiB, ${lines.toLocaleString("en")} lines) from examples/; sources already cached. Median of 30 runs.`,
    "",
    "| query | matches (≤ 2,000 drawn) | ms |",
    "|---|---:|---:|",
    ...rows.map(([label, count, ms]) => `| ${label} | ${count.toLocaleString("en")} | ${ms.toFixed(2)} |`),
  ].join("\n");
}
