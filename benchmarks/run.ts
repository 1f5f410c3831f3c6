/** `npm run bench`: every benchmark in one process and one run, printed as markdown, on the built packages (dist/). */

import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Each section is a module exporting one async function that returns markdown. */
const SECTIONS: [file: string, exportName: string][] = [
  ["lang.ts", "runLangBench"],
  ["engines.ts", "runEngineBench"],
  ["scaling.ts", "runScalingBench"],
  ["api.ts", "runApiBench"],
  ["api-cpu.ts", "runApiCpuBench"],
  ["votes.ts", "runVoteBench"],
  ["assessments.ts", "runAssessmentBench"],
  ["editor.ts", "runEditorBench"],
  ["editor-search.ts", "runEditorSearchBench"],
];

const only = process.argv.slice(2);
console.log(`# gavel benchmarks\n\n${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}) · ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
for (const [file, exportName] of SECTIONS) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  const path = join(here, file);
  if (!existsSync(path)) continue;
  const mod = (await import(path)) as Record<string, () => Promise<string>>;
  const run = mod[exportName];
  if (!run) throw new Error(`${file} does not export ${exportName}`);
  console.log(await run());
  console.log();
}
