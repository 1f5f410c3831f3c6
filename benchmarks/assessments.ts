/**
 * Streaming assessments through the real service: N CSV rows uploaded over HTTP to the built service
 * (`node packages/server/dist/main.js`) in its own process (PostgreSQL store, and the embedded store for comparison), ranked results streamed back. Reported: rows/s next to the bare `decide()`
 * and `evaluate()` loops in this process, the service's peak RSS (VmHWM from /proc/<pid>/status), and the slowest
 * /health answer while the assessment ran.
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "@gavel-rules/lang";
import { startServerProcess } from "../tests/helpers/server-process";
import { createPostgresStore } from "../tests/helpers/server-stores";
import { ROOT } from "../tests/lang/rule-files";
import { seededRandom } from "./workloads";

const HEADER = "id,training_days,talk_half_years,leader_visit_months,rep_visit_quarters,satisfied,basically,unsatisfied";

/** `rows` cadres for examples/cadre-review.gavel as CSV lines (header first), training days in tenths. */
export function* cadreLines(rows: number, seed = 7): Generator<string> {
  const rnd = seededRandom(seed);
  const int = (k: number) => Math.floor(rnd() * k);
  yield `${HEADER}\n`;
  for (let i = 0; i < rows; i++) yield `C${i},${int(250) / 10},${int(3)},${int(13)},${int(5)},${int(60) + 1},${int(20)},${int(20)}\n`;
}

/** A CSV of `rows` cadres as one string. */
export function cadreCsv(rows: number): string {
  return [...cadreLines(rows)].join("");
}

/** The typed inputs of the same rows, for the bare loops. */
function cadreInputs(rows: number): Record<string, number>[] {
  const inputs: Record<string, number>[] = [];
  let first = true;
  for (const line of cadreLines(rows)) {
    if (first) {
      first = false;
      continue;
    }
    const [, d, t, l, r, s, b, u] = line.trimEnd().split(",").map(Number);
    inputs.push({ training_days: d!, talk_half_years: t!, leader_visit_months: l!, rep_visit_quarters: r!, satisfied: s!, basically: b!, unsatisfied: u! });
  }
  return inputs;
}

/** Rows per second of `call` over `inputs`, cycled `total` times. */
function loopRate(inputs: Record<string, number>[], total: number, call: (input: Record<string, number>) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < total; i++) call(inputs[i % inputs.length]!);
  return total / ((performance.now() - start) / 1000);
}

/** VmHWM (peak) and VmRSS of a process, in bytes. */
function memoryOf(pid: number): { peak: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb("VmHWM"), rss: kb("VmRSS") };
}

/** Uploads `rows` rows as a stream and counts the answer's lines without keeping it. */
function streamAssessment(base: string, token: string, rows: number, accept: string): Promise<{ status: number; lines: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/assessments?rule=cadre_review`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", accept } }, (response) => {
      let lines = 0;
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, lines, bytes }));
      response.on("error", reject);
    });
    req.on("error", reject);
    const lines = cadreLines(rows);
    const write = () => {
      for (;;) {
        let chunk = "";
        for (let i = 0; i < 4_000; i++) {
          const next = lines.next();
          if (next.done) return void req.end(chunk);
          chunk += next.value;
        }
        if (!req.write(chunk)) return void req.once("drain", write);
      }
    };
    write();
  });
}

/** Polls /health one request at a time; the slowest answer. */
function probeHealth(base: string) {
  let running = true;
  let slowest = 0;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      await (await fetch(`${base}/health`)).text();
      slowest = Math.max(slowest, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await done;
    return slowest;
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const rate = (n: number) => Math.round(n).toLocaleString("en-US");

interface Run {
  store: "postgres" | "embedded";
  rows: number;
  accept: string;
}

/** Runs the assessment benchmark and returns it as markdown. */
export async function runAssessmentBench(runs: Run[] = [
  { store: "postgres", rows: 100_000, accept: "text/csv" },
  { store: "postgres", rows: 100_000, accept: "application/x-ndjson" },
  { store: "postgres", rows: 1_000_000, accept: "text/csv" },
  { store: "embedded", rows: 100_000, accept: "text/csv" },
]): Promise<string> {
  const source = readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8");
  const rule = compile(source).rules[0]!;
  const inputs = cadreInputs(100_000);
  loopRate(inputs, 200_000, (input) => rule.decide(input)); // warm up
  const decideRate = loopRate(inputs, 1_000_000, (input) => rule.decide(input));
  const evaluateRate = loopRate(inputs, 100_000, (input) => rule.evaluate(input));

  const out = [
    "## Streaming assessments through the API",
    "",
    "CSV rows uploaded as a stream over HTTP to the service in its own process, ranked results streamed back; " +
      `worker threads: ${process.env.GAVEL_WORKER_THREADS ?? "default (cores − 1, at least 1)"}. ` +
      `Bare loops in the benchmark process, same rule and rows: \`decide()\` ${rate(decideRate)} rows/s, \`evaluate()\` (full result with explanation) ${rate(evaluateRate)} rows/s.`,
    "",
    "| store | rows | out | time | rows/s | × bare `decide()` | × bare `evaluate()` | answer | service RSS idle → peak in run | VmHWM | slowest /health |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const store of ["postgres", "embedded"] as const) {
    const mine = runs.filter((run) => run.store === store);
    if (mine.length === 0) continue;
    const dataDir = mkdtempSync(join(tmpdir(), "gavel-assess-bench-"));
    const postgres = store === "postgres" ? await createPostgresStore() : undefined;
    const server = await startServerProcess(postgres ? { DATABASE_URL: postgres.options.databaseUrl! } : { GAVEL_DATA: dataDir }, { built: true });
    const pid = server.child.pid!;
    try {
    const token = server.adminToken!;
    const put = await fetch(`${server.url}/v1/rules/cadre_review`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: source });
    if (put.status !== 201) throw new Error(`storing the rule failed: ${await put.text()}`);
    for (const { rows, accept } of mine) {
      const idle = memoryOf(pid).rss;
      let peakInRun = idle;
      const sampler = setInterval(() => (peakInRun = Math.max(peakInRun, memoryOf(pid).rss)), 50);
      const stopProbe = probeHealth(server.url);
      const start = performance.now();
      const answer = await streamAssessment(server.url, token, rows, accept);
      const seconds = (performance.now() - start) / 1000;
      const slowest = await stopProbe();
      clearInterval(sampler);
      const expectedLines = accept === "text/csv" ? rows + 1 : rows;
      if (answer.status !== 200 || answer.lines !== expectedLines) throw new Error(`assessment of ${rows} rows answered ${answer.status} with ${answer.lines} lines`);
      const perSecond = rows / seconds;
      out.push(
        `| ${store} | ${rows.toLocaleString("en-US")} | ${accept} | ${seconds.toFixed(1)} s | ${rate(perSecond)} | ${(perSecond / decideRate).toFixed(4)} | ${(perSecond / evaluateRate).toFixed(2)} | ${mib(answer.bytes)} | ${mib(idle)} → ${mib(peakInRun)} | ${mib(memoryOf(pid).peak)} | ${slowest.toFixed(0)} ms |`,
      );
    }
    } finally {
      await server.kill();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  out.push(
    "",
    "Peak in run: the service's VmRSS sampled every 50 ms during the run. VmHWM: the kernel's peak RSS since the process started " +
      "(start-up included, so on the embedded store it shows PGlite's start, not the assessment). The service keeps about 50 bytes a row " +
      "(file offset, length, score id, rank order, a 64-bit hash of the id); subjects are spilled to a private temp file, results streamed.",
  );
  return out.join("\n");
}
