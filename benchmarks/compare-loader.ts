/**
 * The language's hot paths from the TypeScript sources through tsx against the built dist/, interleaved in one
 * process (chunks alternate, so the machine's load falls on both alike): what running through a TypeScript loader
 * costs. Build first (`npm run build`), then:
 *
 *   node --import tsx benchmarks/compare-loader.ts [seconds per row, default 8]
 */
import { readFileSync } from "node:fs";
import type { CompiledRule } from "@gavel-rules/lang";
import { generateBallots, generateCadres } from "./workloads";

type Lang = { compile(source: string): { rules: CompiledRule[] } };
// Paths built at run time, so the type-check (which runs before any build) does not look for dist/.
const fromSources = (await import(["..", "packages/lang/src/index.ts"].join("/"))) as Lang;
const fromDist = (await import(["..", "packages/lang/dist/index.js"].join("/"))) as Lang;
const seconds = Number(process.argv[2] ?? 8);

const vote = readFileSync(new URL("../dsl/std/major-matter.gavel", import.meta.url), "utf8");
const cadre = readFileSync(new URL("../examples/cadre-review.gavel", import.meta.url), "utf8");
const ballots = generateBallots(20_000) as unknown as Record<string, unknown>[];
const cadres = generateCadres(20_000) as unknown as Record<string, unknown>[];
const ruleOf = (lang: Lang, source: string): CompiledRule => {
  const rules = lang.compile(source).rules;
  return rules.find((r) => r.kind === "scorecard") ?? rules[0]!;
};

const rows: [name: string, calls: number, make: (lang: Lang) => (i: number) => unknown][] = [
  ["`evaluate()`, major_matter vote", 2_000, (lang) => { const r = ruleOf(lang, vote); return (i) => r.evaluate(ballots[i % ballots.length]!); }],
  ["`evaluate()`, cadre_review scorecard", 2_000, (lang) => { const r = ruleOf(lang, cadre); return (i) => r.evaluate(cadres[i % cadres.length]!); }],
  ["`decide()`, major_matter vote", 2_000, (lang) => { const r = ruleOf(lang, vote); return (i) => r.decide(ballots[i % ballots.length]!); }],
  ["`compile()`, examples/cadre-review.gavel", 20, (lang) => () => lang.compile(cadre)],
];

type Chunk = (call: (i: number) => unknown, from: number, to: number) => number;
console.log("| path | through tsx (calls/s) | built dist/ (calls/s) | dist ÷ tsx, time |\n|---|---:|---:|---:|");
for (const [name, calls, make] of rows) {
  const sides = [make(fromSources), make(fromDist)];
  // One loop per side, so neither shares a call site with the other.
  const chunks = sides.map(() => new Function("call", "from", "to", "let n = 0; for (let i = from; i < to; i++) if (call(i) !== undefined) n++; return n;") as Chunk);
  const spent = [0, 0];
  let done = 0;
  let from = 0;
  for (let warm = 0; warm < 10; warm++) for (let k = 0; k < 2; k++) chunks[k]!(sides[k]!, 0, calls);
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let k = 0; k < 2; k++) {
      const t = performance.now();
      done += chunks[k]!(sides[k]!, from, from + calls);
      spent[k]! += performance.now() - t;
    }
    from += calls;
  }
  const each = done / 2;
  const rate = (ms: number) => Math.round((each / ms) * 1000).toLocaleString("en-US");
  console.log(`| ${name} | ${rate(spent[0]!)} | ${rate(spent[1]!)} | ${(spent[1]! / spent[0]!).toFixed(2)} |`);
}
