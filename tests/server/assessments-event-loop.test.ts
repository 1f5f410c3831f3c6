/**
 * Batch work never blocks the event loop: /health answers within 1 s (the bound the issue sets) while a 100,000-row
 * CSV assessment streams through a listening server, and while a 1 MiB rule file is stored; an anonymous upload is
 * refused before its body is read. Before the fix, 20,000 rows blocked /health for 12 s and storing a 1 MiB rule 26 s.
 * The service runs in its own process (as in production), so the test's own work (writing the upload, checking the
 * answer) does not count against the service's event loop.
 */

import { request, type IncomingMessage } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../helpers/server-process";
import { createTestStore, type TestStore } from "../helpers/server-stores";
import { CADRE_HEADER, cadreRow, cadres, oracleRanking } from "./assessment-oracle";

const ROOT = join(import.meta.dirname, "../..");
/** The bound for /health during batch work. */
const HEALTH_BOUND_MS = 1_000;

/** Polls GET /health one request at a time until stopped; records the slowest answer. */
function probeHealth(base: string) {
  let running = true;
  let slowest = 0;
  let answered = 0;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      const response = await fetch(`${base}/health`);
      await response.text();
      if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
      slowest = Math.max(slowest, performance.now() - start);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { slowest, answered };
    },
  };
}

/** POSTs `lines` as a CSV upload written in chunks (a real stream, not one string), collecting the answer's bytes. */
function uploadCsv(base: string, token: string, lines: () => Iterable<string>, accept: string): Promise<{ status: number; chunks: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/assessments?rule=cadre_review`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", accept } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, chunks }));
      response.on("error", reject);
    });
    req.on("error", reject);
    const iterator = lines()[Symbol.iterator]();
    const write = () => {
      for (;;) {
        let chunk = "";
        for (let i = 0; i < 2_000; i++) {
          const next = iterator.next();
          if (next.done) {
            req.end(chunk);
            return;
          }
          chunk += next.value;
        }
        if (!req.write(chunk)) return void req.once("drain", write);
      }
    };
    write();
  });
}

/** A 1 MiB rule file of realistic shape: the cadre scorecard repeated under new names. */
function megabyteRule(): string {
  const scorecard = readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8").split("\ntest ")[0]!;
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes + Buffer.byteLength(scorecard) < 1024 * 1024 - 100; i++) {
    const part = scorecard.replace("scorecard cadre_review", `scorecard cadre_review_${i}`);
    parts.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  return parts.join("\n");
}

describe.each(["embedded", "postgres"] as const)("the event loop stays free (%s store)", (kind) => {
  let store: TestStore;
  let server: ServerProcess;
  let base: string;
  let token: string;
  beforeAll(async () => {
    store = await createTestStore(kind);
    server = await startServerProcess(store.options.databaseUrl ? { DATABASE_URL: store.options.databaseUrl } : { GAVEL_DATA: store.options.dataDir! });
    base = server.url;
    token = server.adminToken!;
    const stored = await fetch(`${base}/v1/rules/cadre_review`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: readFileSync(join(ROOT, "examples/cadre-review.gavel"), "utf8") });
    expect(stored.status).toBe(201);
  });
  afterAll(async () => {
    await server?.kill();
    await store?.drop();
  });

  it("answers /health within 1 s while 100,000 CSV rows are assessed, and the ranking is the oracle's", async () => {
    const list = cadres(100_000);
    const probe = probeHealth(base);
    const answer = await uploadCsv(base, token, function* () {
      yield `${CADRE_HEADER}\n`;
      for (const cadre of list) yield `${cadreRow(cadre)}\n`;
    }, "text/csv");
    const { slowest, answered } = await probe.stop();
    const text = Buffer.concat(answer.chunks).toString("utf8");
    expect(answer.status, text.slice(0, 300)).toBe(200);
    const rows = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => ({ rank: Number(r.rank), id: r.id, score: Number(r.score), grade: r.grade }))).toEqual(oracleRanking(list));
    expect(answered).toBeGreaterThan(10);
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
  });

  it("answers /health within 1 s while a 1 MiB rule file is compiled, stored and read back", async () => {
    const source = megabyteRule();
    expect(Buffer.byteLength(source)).toBeGreaterThan(1000 * 1024);
    const probe = probeHealth(base);
    const stored = await fetch(`${base}/v1/rules/big_file`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: source });
    // Reading it back describes it (rules, inputs, warnings) without compiling on the event loop either.
    const read = await fetch(`${base}/v1/rules/big_file`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { source: string }).source).toBe(source);
    const { slowest, answered } = await probe.stop();
    const body = (await stored.json()) as { version: number; rules: unknown[] };
    expect(stored.status).toBe(201);
    expect(body.rules.length).toBeGreaterThan(300);
    expect(answered).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);

    const tooLarge = await fetch(`${base}/v1/rules/big_file`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: `${source}\n# ${"x".repeat(64 * 1024)}\n` });
    expect(tooLarge.status).toBe(413);
  });

  it("refuses an anonymous upload with 401 before reading its body", async () => {
    // Announce 100 MB, send 1 KB, and wait: only a server that answers before reading the body can answer now.
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${base}/v1/assessments?rule=cadre_review`, { method: "POST", headers: { "content-type": "text/csv", "content-length": String(100 * 1024 * 1024) } }, resolve);
      req.on("error", reject);
      req.write(`${CADRE_HEADER}\n`.padEnd(1024, " "));
      setTimeout(() => {
        req.destroy();
        reject(new Error("no answer while the body was still unsent: the server waited to read it"));
      }, 15_000).unref();
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8")).error.code).toBe("UNAUTHORIZED");
  });
});
