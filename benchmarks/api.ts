/**
 * API benchmarks with autocannon: evaluation requests/s vs a bare Fastify route, layer by layer (where validation
 * and request logging go), and votes/s on each store.
 */

import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import compress from "@fastify/compress";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import { compile } from "@gavel-rules/lang";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { EvaluateBody, RuleResult, SHARED_SCHEMAS } from "../packages/server/src/http/schemas";
import { assertValidInput } from "../packages/server/src/rules/input-validator";
import { selectRule } from "../packages/server/src/rules/rule-registry";
import { createPostgresStore } from "../tests/helpers/server-stores";
import { installMetrics } from "../packages/server/src/http/metrics";
import { installSecurityHeaders } from "../packages/server/src/http/security-headers";
import { OneLineRequestLog } from "../packages/server/src/http/request-log";
import { median } from "./statistics";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  duration: number;
  "2xx": number;
  non2xx: number;
  errors: number;
}

interface CannonRequest {
  method?: string;
  setupRequest?: (request: { body?: string; headers?: Record<string, string> }) => { body?: string; headers?: Record<string, string> };
}

interface CannonOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  duration?: number;
  amount?: number;
  requests?: CannonRequest[];
  /** Worker threads that send the requests (the client then does not share this event loop). */
  workers?: number;
}

// autocannon ships no types: a variable specifier keeps TypeScript from asking for them; the shapes above are what we use.
const autocannonModule = "autocannon";
const autocannon = ((await import(autocannonModule)) as { default: (options: CannonOptions) => Promise<CannonResult> }).default;

const CONNECTIONS = 10;
const SECONDS = 4;
const VOTE_INPUT = { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 };

/** Runs autocannon and refuses a run in which any request failed (a fast error is no benchmark). */
async function cannon(options: CannonOptions): Promise<CannonResult> {
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  if (result.non2xx > 0 || result.errors > 0 || result["2xx"] === 0) {
    throw new Error(`benchmark run against ${options.url} had ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result;
}

function row(name: string, r: CannonResult, perSecond = r.requests.average): string {
  return `| ${name} | ${Math.round(perSecond).toLocaleString("en-US")} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r["2xx"].toLocaleString("en-US")} |`;
}

/** A bare Fastify app on the same machine: the ceiling for any route. */
async function bareApp(): Promise<{ app: FastifyInstance; url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.post("/bare", async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, close: () => app.close() };
}

/** A bare Fastify app answering a fixed body with fixed headers: what sending that answer costs, with no work behind it. */
async function fixedAnswerApp(body: string, headers: Record<string, string>): Promise<{ app: FastifyInstance; url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.post("/answer", async (_request, reply) => {
    void reply.headers(headers).type("application/json; charset=utf-8");
    return body;
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, close: () => app.close() };
}

/** Log lines go to /dev/null: the cost measured is pino formatting and writing, not a disk or a terminal. */
function nullLogStream(): { write(line: string): void } {
  return createWriteStream("/dev/null");
}

type Layer = "evaluate" | "validation" | "logging" | "headers" | "metrics";

/** A Fastify app with only the given layers of the evaluate route, the rule compiled once at start. */
export async function layeredApp(layers: Layer[]): Promise<{ app: FastifyInstance; url: string; close: () => Promise<void> }> {
  const module = compile(readFileSync(join(import.meta.dirname, "../dsl/std/major-matter.gavel"), "utf8"), { file: "major-matter.gavel" });
  const rule = selectRule(module, "major_matter");
  const app: FastifyInstance = Fastify({ logger: layers.includes("logging") ? { level: "info", stream: nullLogStream() } : false, logController: new OneLineRequestLog(true),
    // The service's ajv options: `example` is documentation in the shared schemas (strict mode refuses it otherwise).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, keywords: ["example"] } },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  if (layers.includes("headers")) {
    await installSecurityHeaders(app, { origins: [], inlineScriptHashes: [] });
    await app.register(compress, { global: true, encodings: ["br", "gzip"], threshold: 1024 });
  }
  if (layers.includes("metrics")) installMetrics(app, { exposure: "public" });
  if (layers.includes("validation")) {
    // TypeBox body schema (ajv), the rule's input JSON Schema, and the result schema's serialiser: what the real route does.
    app.withTypeProvider<TypeBoxTypeProvider>().post("/evaluate", { schema: { body: EvaluateBody, response: { 200: RuleResult } } }, async (request) => {
      assertValidInput(rule, request.body.input);
      const outcome = rule.evaluate(request.body.input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result;
    });
  } else {
    app.post("/evaluate", async (request) => {
      const outcome = rule.evaluate((request.body as { input: Record<string, unknown> }).input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.result;
    });
  }
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, close: () => app.close() };
}

/** CPU time per request through inject() (no sockets, one thread): steadier than requests/s on a shared machine. */
async function cpuMicrosPerRequest(app: FastifyInstance, url: string, payload: string): Promise<number> {
  const request = { method: "POST" as const, url, headers: { "content-type": "application/json" }, payload };
  for (let i = 0; i < 2000; i++) await app.inject(request);
  const requests = 10_000;
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i++) await app.inject(request);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / requests;
}

const ROUNDS = 3;

/**
 * The evaluate route built up layer by layer, then the real service with request logs off and on: shows where the
 * time between a bare Fastify route and `POST /v1/rules/{name}/evaluate` goes. Every app listens at once and the
 * rows are measured in ${ROUNDS} rounds, each in a rotated order, reporting the median: on a shared machine a single
 * pass in a fixed order mostly measured what else was running. autocannon runs in a worker thread, so the client does
 * not share the server's event loop.
 */
export async function runEvaluateLayersBench(): Promise<string> {
  const body = JSON.stringify({ input: VOTE_INPUT });
  const run = (url: string, duration: number) =>
    cannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, duration, workers: 1 });
  const pg = await createPostgresStore();
  const apps: { name: string; app: FastifyInstance; url: string; path: string; close: () => Promise<void> }[] = [];
  try {
    const bare = await bareApp();
    apps.push({ name: "bare Fastify POST (parse JSON, answer a constant)", app: bare.app, url: `${bare.url}/bare`, path: "/bare", close: bare.close });
    const layerRows: [string, Layer[]][] = [
      ["+ `rule.evaluate()` (compiled once; result + explanation, plain JSON.stringify)", ["evaluate"]],
      ["+ validation: body schema, the rule's input schema, result schema serialiser", ["evaluate", "validation"]],
      ["+ request logging (pino, info: the service's one line per request, to /dev/null)", ["evaluate", "validation", "logging"]],
      ["evaluate + validation + helmet and compress hooks (no logging)", ["evaluate", "validation", "headers"]],
      ["evaluate + validation + helmet and compress + metrics hook (no logging)", ["evaluate", "validation", "headers", "metrics"]],
    ];
    for (const [name, layers] of layerRows) {
      const layered = await layeredApp(layers);
      apps.push({ name, app: layered.app, url: `${layered.url}/evaluate`, path: "/evaluate", close: layered.close });
    }
    for (const requestLogging of [false, true]) {
      const server = await createServer({ ...pg.options, logger: true, logStream: nullLogStream(), operations: { requestLogging } });
      if (!requestLogging) {
        // The service's own answer (body and headers) from a bare route: the most any route giving this answer can reach.
        const answer = await server.app.inject({ method: "POST", url: "/v1/rules/major_matter/evaluate", headers: { "content-type": "application/json" }, payload: body });
        const transport = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name, value]) => !transport.has(name) && typeof value === "string")) as Record<string, string>;
        const fixed = await fixedAnswerApp(answer.body, headers);
        apps.push({ name: `bare Fastify POST answering the evaluate route's own answer (${Buffer.byteLength(answer.body)}-byte body, ${Object.keys(headers).length} security headers), no work`, app: fixed.app, url: `${fixed.url}/answer`, path: "/answer", close: fixed.close });
      }
      const url = await server.app.listen({ port: 0, host: "127.0.0.1" });
      apps.push({
        app: server.app,
        path: "/v1/rules/major_matter/evaluate",
        name: `gavel \`POST /v1/rules/major_matter/evaluate\` (every hook: helmet, metrics, drain, surrogate check, registry lookup), GAVEL_REQUEST_LOG=${requestLogging ? "on" : "off"}`,
        url: `${url}/v1/rules/major_matter/evaluate`,
        close: () => server.close(),
      });
    }
    const cpu: number[] = [];
    for (const app of apps) cpu.push(await cpuMicrosPerRequest(app.app, app.path, body));
    for (const app of apps) await run(app.url, 1); // warm-up: JIT, pools, the registry's cache
    const rates = apps.map(() => [] as number[]);
    const p99s = apps.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < apps.length; k++) {
        const i = (k + round * 2) % apps.length;
        const result = await run(apps[i]!.url, SECONDS);
        rates[i]!.push(result.requests.average);
        p99s[i]!.push(result.latency.p99);
      }
    }
    const bareRate = median(rates[0]!);
    const out = [
      `### Where the evaluate route's time goes (autocannon in a worker thread, ${CONNECTIONS} connections, median of ${ROUNDS} rotated rounds of ${SECONDS} s; CPU per request: 10,000 sequential inject() calls after 2,000 of warm-up)`,
      "",
      "| route | CPU per request, inject (µs) | requests/s (median) | × bare | runs (requests/s) | p99 (median) |",
      "|---|---:|---:|---:|---|---:|",
    ];
    apps.forEach((app, i) => {
      const rate = median(rates[i]!);
      const runs = rates[i]!.map((r) => Math.round(r).toLocaleString("en-US")).join(", ");
      out.push(`| ${app.name} | ${cpu[i]!.toFixed(1)} | ${Math.round(rate).toLocaleString("en-US")} | ${(rate / bareRate).toFixed(2)} | ${runs} | ${median(p99s[i]!)} ms |`);
    });
    return out.join("\n");
  } finally {
    for (const app of apps) await app.close();
    await pg.drop();
  }
}

/** Votes/s through the HTTP API: every roster member present, one vote each, `members` requests in all. */
async function voteRun(server: GavelServer, token: string, members: number): Promise<CannonResult> {
  const address = server.app.server.address();
  const url = address && typeof address === "object" ? `http://127.0.0.1:${address.port}` : await server.app.listen({ port: 0, host: "127.0.0.1" });
  const roster = Array.from({ length: members }, (_, i) => ({ id: `M${i}`, name: `代表${i}` }));
  const created = await server.app.inject({ method: "POST", url: "/v1/ballots", headers: { authorization: `Bearer ${token}` }, payload: { title: "bench", rule: "major_matter", roster } });
  const id = (created.json() as { id: string }).id;
  // Attendance is bulk-loaded so the run measures votes only.
  await server.db.query("INSERT INTO attendance (ballot_id, member_id) SELECT ballot_id, member_id FROM roster_members WHERE ballot_id = $1", [id]);
  await server.app.inject({ method: "POST", url: `/v1/ballots/${id}/open`, headers: { authorization: `Bearer ${token}` } });
  let next = 0;
  const result = await cannon({
    url: `${url}/v1/ballots/${id}/votes`,
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    amount: members,
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: JSON.stringify({ member: `M${next++}`, choice: next % 3 === 0 ? "no" : "yes" }) }) }],
  });
  const closed = await server.app.inject({ method: "POST", url: `/v1/ballots/${id}/close`, headers: { authorization: `Bearer ${token}` } });
  const facts = (closed.json() as { facts: { yes: number; no: number } }).facts;
  if (facts.yes + facts.no !== members) throw new Error(`expected ${members} votes counted, found ${facts.yes + facts.no}`);
  return result;
}

export async function runApiBench(): Promise<string> {
  const out = [
    `## HTTP API (autocannon, ${CONNECTIONS} connections, loopback, client and server in one process)`,
    "",
    "| route | requests/s | p50 | p99 | 2xx answers |",
    "|---|---:|---:|---:|---:|",
  ];
  const body = JSON.stringify({ input: VOTE_INPUT });
  const bare = await bareApp();
  const pg = await createPostgresStore();
  const dataDir = mkdtempSync(join(tmpdir(), "gavel-bench-"));
  try {
    const bareResult = await cannon({ url: `${bare.url}/bare`, method: "POST", headers: { "content-type": "application/json" }, body, duration: SECONDS });
    out.push(row("bare Fastify POST (parse JSON, answer a constant)", bareResult));

    const postgres = await createServer({ ...pg.options });
    try {
      const url = await postgres.app.listen({ port: 0, host: "127.0.0.1" });
      const evaluate = await cannon({ url: `${url}/v1/rules/major_matter/evaluate`, method: "POST", headers: { "content-type": "application/json" }, body, duration: SECONDS });
      out.push(row("gavel POST /v1/rules/major_matter/evaluate (input schema check, result + explanation; latest version known ≤ 1 s)", evaluate));
      const pinned = await cannon({ url: `${url}/v1/rules/major_matter/evaluate?version=1`, method: "POST", headers: { "content-type": "application/json" }, body, duration: SECONDS });
      out.push(row("same, pinned with ?version=1", pinned));

      out.push("", "| store | votes/s (one transaction each, committed before the answer) | p50 | p99 | votes |", "|---|---:|---:|---:|---:|");
      const pgVotes = await voteRun(postgres, postgres.adminToken!, 3000);
      out.push(row("PostgreSQL 15 (local, pool of 10)", pgVotes, pgVotes["2xx"] / (pgVotes.duration || 1)));
    } finally {
      await postgres.close();
    }

    const embedded = await createServer({ dataDir });
    try {
      const embeddedVotes = await voteRun(embedded, embedded.adminToken!, 3000);
      out.push(row("embedded PGlite (WASM, one connection)", embeddedVotes, embeddedVotes["2xx"] / (embeddedVotes.duration || 1)));
    } finally {
      await embedded.close();
    }
  } finally {
    await bare.close();
    await pg.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  out.push("", await runEvaluateLayersBench());
  return out.join("\n");
}

