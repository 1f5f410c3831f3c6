/**
 * The evaluate route's CPU per request over real sockets: each app runs in a process of its own and reports its own
 * CPU time while autocannon (in this process) keeps 10 connections busy. On a shared 2-core machine requests/s moved
 * by up to 2× between runs of the same app; the server's own CPU per request moves far less, and its ratio to the bare
 * route's is the throughput ratio a CPU-bound server would have.
 */

import { spawn } from "node:child_process";
import { join } from "node:path";
import { median } from "./statistics";


interface CannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
const autocannonModule = "autocannon";
const autocannon = ((await import(autocannonModule)) as { default: (options: Record<string, unknown>) => Promise<CannonResult> }).default;

const VOTE_INPUT = { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 };
const BODY = JSON.stringify({ input: VOTE_INPUT });
const ROUNDS = 5;
const SECONDS = 4;

const ROWS: [variant: string, name: string][] = [
  ["bare", "bare Fastify POST (parse JSON, answer a constant), logger off"],
  ["answer", "bare Fastify POST answering the evaluate route's answer text, no work, logger off"],
  ["evaluate", "+ `rule.evaluate()` and `JSON.stringify` of the explained result, logger off (the route's own work only)"],
  ["service-quiet", "gavel `POST /v1/rules/major_matter/evaluate`, every layer, GAVEL_REQUEST_LOG=off"],
  ["service", "gavel `POST /v1/rules/major_matter/evaluate`, every layer, one request log line (the default)"],
];

/** Starts one app's process, warms it for 2 s, measures for SECONDS, and returns its CPU µs per request. */
async function measure(variant: string): Promise<{ micros: number; perSecond: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "api-cpu-server.ts"), variant, JSON.stringify(VOTE_INPUT)], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const waitFor = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const found = pattern.exec(out);
      if (found) return found[1]!;
      if (child.exitCode !== null) throw new Error(`benchmark app ${variant} exited: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const url = await waitFor(/URL (\S+)/);
  const options = { url, method: "POST", headers: { "content-type": "application/json" }, body: BODY, connections: 10 };
  await autocannon({ ...options, duration: 2 });
  child.kill("SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result = await autocannon({ ...options, duration: SECONDS });
  child.kill("SIGINT");
  const cpu = Number(await waitFor(/CPU (\d+)/));
  await exited;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${variant}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { micros: cpu / result.requests.total, perSecond: result.requests.average };
}

/** `npm run bench -- api-cpu`: the table of docs/benchmarks.md "The evaluate route's CPU per request". */
export async function runApiCpuBench(): Promise<string> {
  const micros = ROWS.map(() => [] as number[]);
  const rates = ROWS.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < ROWS.length; k++) {
      const i = (k + round) % ROWS.length;
      const { micros: m, perSecond } = await measure(ROWS[i]![0]);
      micros[i]!.push(m);
      rates[i]!.push(perSecond);
    }
  }
  const bare = median(micros[0]!);
  const out = [
    `### The evaluate route's CPU per request (each app in its own process; autocannon, 10 connections, ${ROUNDS} rotated rounds of ${SECONDS} s after 2 s of warm-up; medians)`,
    "",
    "| route | server CPU per request (µs) | bare ÷ this | runs (µs) | requests/s (median) |",
    "|---|---:|---:|---|---:|",
  ];
  ROWS.forEach(([, name], i) => {
    const m = median(micros[i]!);
    out.push(`| ${name} | ${m.toFixed(1)} | ${(bare / m).toFixed(2)} | ${micros[i]!.map((x) => x.toFixed(1)).join(", ")} | ${Math.round(median(rates[i]!)).toLocaleString("en-US")} |`);
  });
  return out.join("\n");
}
