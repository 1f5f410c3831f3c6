/** Assessment of 100,000 CSV rows through the API (in-process inject): time and memory. */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "@gavel-rules/server";
import { ROOT } from "../tests/lang/rule-files";
import { seededRandom } from "./workloads";

const HEADER = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";

/** A CSV of `rows` cadres for examples/cadre-review.gavel, with training days in tenths. */
export function cadreCsv(rows: number): string {
  const rnd = seededRandom(7);
  const int = (k: number) => Math.floor(rnd() * k);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    lines.push(`C${i},${int(250) / 10},${int(3)},${int(13)},${int(5)},${int(60) + 1},${int(20)},${int(20)}`);
  }
  return lines.join("\n");
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Runs the assessment benchmark and returns it as markdown. */
export async function runAssessmentBench(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "gavel-assess-"));
  const server = await createServer({ dataDir, logger: false });
  const out = ["## Assessments through the API (CSV in, CSV out, in-process inject, embedded store)", "", "| rows | CSV in | time | rows/s | RSS before → peak | heap after |", "|---:|---:|---:|---:|---:|---:|"];
  try {
    const auth = { authorization: `Bearer ${server.adminToken}` };
    const put = await server.app.inject({ method: "PUT", url: "/v1/rules/cadre_review", headers: { ...auth, "content-type": "text/plain" }, payload: readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8") });
    if (put.statusCode >= 300) throw new Error(`storing the rule failed: ${put.body.slice(0, 200)}`);
    for (const rows of [1_000, 10_000, 100_000]) {
      const csv = cadreCsv(rows);
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const start = performance.now();
      const response = await server.app.inject({ method: "POST", url: "/v1/assessments?rule=cadre_review", headers: { "content-type": "text/csv", accept: "text/csv" }, payload: csv });
      const ms = performance.now() - start;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (response.statusCode !== 200) throw new Error(`assessment of ${rows} rows answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      const lines = response.body.trimEnd().split("\n").length - 1;
      if (lines !== rows) throw new Error(`expected ${rows} ranked rows, got ${lines}`);
      out.push(`| ${rows.toLocaleString("en-US")} | ${(csv.length / 2 ** 20).toFixed(1)} MiB | ${(ms / 1000).toFixed(2)} s | ${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} | ${mib(before)} → ${mib(peak)} | ${mib(process.memoryUsage().heapUsed)} |`);
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  out.push("", "Every subject's full result with its explanation is kept until the ranking is written, so memory grows with the rows; the embedded PGlite store accounts for most of the RSS before the first run.");
  return out.join("\n");
}
