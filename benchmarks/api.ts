/** API benchmarks with autocannon: evaluation requests/s vs a bare Fastify route, and votes/s on each store. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { createServer, type GavelServer } from "@gavel/server";
import { createPostgresStore } from "../tests/helpers/server-stores";

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
async function bareApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.post("/bare", async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
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
  return out.join("\n");
}

