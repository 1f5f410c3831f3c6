/**
 * Votes per ballot (issue 14): 32 clients voting at once on ONE ballot through the HTTP API over real sockets, on
 * PostgreSQL (its own uniquely named database, dropped after) and on the embedded PGlite store. Reports acknowledged
 * votes/s and the latency of each acknowledged vote (p50, p95, p99), the clients in a worker thread of their own,
 * then checks what was stored: the closed tally equals the choices sent, and the ballot's audit chain links, in order
 * and without gaps, one event per vote.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { verifyChain, type ChainedEvent } from "../packages/server/src/audit/hash-chain";
import { createPostgresStore } from "../tests/helpers/server-stores";

const IN_FLIGHT = 32;
type Choice = "yes" | "no" | "abstain";
const CHOICES: readonly Choice[] = ["yes", "no", "abstain", "yes"];

interface VoteRunResult {
  votes: number;
  seconds: number;
  latencies: number[];
  /** Transactions that wrote the vote events (distinct xmin): one per vote without group commit. */
  commits: number;
  /** This process's CPU time (user + system, all threads) during the votes, per vote: service, clients and, on PGlite, the database. */
  cpuMicrosPerVote: number;
}

/** What the voting clients are asked to do (benchmarks/vote-clients.mjs). */
interface VoteClientsTask {
  url: string;
  token: string;
  members: number;
  inFlight: number;
  choices: readonly string[];
}

/** What they measured. */
interface VoteClientsResult {
  seconds: number;
  /** Milliseconds from sending each vote to its 201, in the order answered. */
  latencies: number[];
  sent: Record<string, number>;
  /** The first vote not answered 201, if any (the clients stop there). */
  failure?: string;
}

/** Runs the voting clients in a worker thread (benchmarks/vote-clients.mjs) and resolves with what they measured. */
function runClients(task: VoteClientsTask): Promise<VoteClientsResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./vote-clients.mjs", import.meta.url), { workerData: task });
    worker.once("message", (result: VoteClientsResult) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the vote clients exited with ${code}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A ballot of `members`, all present; `IN_FLIGHT` clients vote every member once; then the stored ballot is checked. */
async function voteRun(server: GavelServer, base: string, token: string, members: number, secret: boolean): Promise<VoteRunResult> {
  const roster = Array.from({ length: members }, (_, i) => ({ id: `M${i}`, name: `代表${i}` }));
  const created = await server.app.inject({ method: "POST", url: "/v1/ballots", headers: { authorization: `Bearer ${token}` }, payload: { title: "票决压测", rule: "major_matter", roster, secret } });
  if (created.statusCode !== 201) throw new Error(`ballot not created: ${created.body}`);
  const id = (created.json() as { id: string }).id;
  // Attendance is bulk-loaded (without its audit events) so the run measures votes only.
  await server.db.query("INSERT INTO attendance (ballot_id, member_id) SELECT ballot_id, member_id FROM roster_members WHERE ballot_id = $1", [id]);
  const opened = await server.app.inject({ method: "POST", url: `/v1/ballots/${id}/open`, headers: { authorization: `Bearer ${token}` } });
  if (opened.statusCode !== 200) throw new Error(`ballot not opened: ${opened.body}`);

  const cpuStart = process.cpuUsage();
  const clients = await runClients({ url: `${base}/v1/ballots/${id}/votes`, token, members, inFlight: IN_FLIGHT, choices: CHOICES });
  const cpu = process.cpuUsage(cpuStart);
  if (clients.failure) throw new Error(clients.failure);
  const { seconds, latencies } = clients;
  const sent = clients.sent as Record<Choice, number>;

  const closed = await server.app.inject({ method: "POST", url: `/v1/ballots/${id}/close`, headers: { authorization: `Bearer ${token}` } });
  const facts = (closed.json() as { facts: Record<Choice, number> }).facts;
  if (facts.yes !== sent.yes || facts.no !== sent.no || facts.abstain !== sent.abstain) throw new Error(`tally ${JSON.stringify(facts)} differs from the votes sent ${JSON.stringify(sent)}`);
  const audit = await server.app.inject({ method: "GET", url: `/v1/ballots/${id}/audit`, headers: { authorization: `Bearer ${token}` } });
  const events = (audit.json() as { events: ChainedEvent[] }).events;
  const chain = verifyChain(events);
  const votes = events.filter((e) => e.type === "vote.cast").length;
  if (!chain.intact || votes !== members || events.length !== members + 3) throw new Error(`audit chain: ${JSON.stringify(chain)}, ${votes} vote events of ${members}`);
  const { rows } = await server.db.query<{ commits: number }>("SELECT COUNT(DISTINCT xmin::text)::int AS commits FROM audit_events WHERE ballot_id = $1 AND type = 'vote.cast'", [id]);
  return { votes: members, seconds, latencies: latencies.sort((a, b) => a - b), commits: rows[0]!.commits, cpuMicrosPerVote: (cpu.user + cpu.system) / members };
}

function row(store: string, ballot: string, r: VoteRunResult): string {
  const ms = (p: number) => percentile(r.latencies, p).toFixed(1);
  return `| ${store} | ${ballot} | ${r.votes.toLocaleString("en-US")} | ${r.seconds.toFixed(2)} s | ${Math.round(r.votes / r.seconds).toLocaleString("en-US")} | ${ms(50)} ms | ${ms(95)} ms | ${ms(99)} ms | ${(r.votes / r.commits).toFixed(1)} | ${Math.round(r.cpuMicrosPerVote).toLocaleString("en-US")} |`;
}

/** `npm run bench -- votes`: votes/s on one ballot with 32 in flight, on PostgreSQL and on PGlite. */
export async function runVoteBench(): Promise<string> {
  const openVotes = Number(process.env.GAVEL_BENCH_VOTES ?? 3000);
  const secretVotes = Number(process.env.GAVEL_BENCH_SECRET_VOTES ?? Math.max(IN_FLIGHT, Math.round(openVotes / 3)));
  const only = process.env.GAVEL_BENCH_VOTE_STORES?.split(",");
  const out = [
    `## Votes on one ballot (${IN_FLIGHT} clients in flight over keep-alive sockets, in a worker thread beside the service; every vote acknowledged 201 after its commit)`,
    "",
    "| store | ballot | votes | time | votes/s | p50 | p95 | p99 | votes per commit | CPU per vote (µs, this process) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const stores: [string, () => Promise<{ options: { databaseUrl?: string; dataDir?: string }; drop(): Promise<void> }>][] = [
    ["PostgreSQL (local, pool of 10)", createPostgresStore],
    [
      "embedded PGlite (WASM, one connection)",
      async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "gavel-bench-votes-"));
        return { options: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    ],
  ];
  for (const [name, open] of stores) {
    if (only && !only.some((o) => name.toLowerCase().includes(o))) continue;
    const store = await open();
    try {
      const server = await createServer({ ...store.options, logger: false });
      try {
        const base = await server.app.listen({ port: 0, host: "127.0.0.1" });
        const token = server.adminToken!;
        out.push(row(name, "open", await voteRun(server, base, token, openVotes, false)));
        if (secretVotes > 0) out.push(row(name, "secret", await voteRun(server, base, token, secretVotes, true)));
      } finally {
        await server.close();
      }
    } finally {
      await store.drop();
    }
  }
  return out.join("\n");
}
