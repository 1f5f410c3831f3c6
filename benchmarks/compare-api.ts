/**
 * The evaluate route of another checkout ("before") and of this tree ("after") against a bare Fastify route, in one
 * process: CPU per request through inject(), the three apps interleaved in rotated chunks of 500 requests, so the
 * shared machine's load falls on all three alike. Both services log (one WriteStream to /dev/null each), PostgreSQL.
 *
 *   git archive <commit> | tar -x -C /tmp/before   # plus node_modules (cp -al), then:
 *   node --conditions=source --import tsx benchmarks/compare-api.ts /tmp/before 30
 */
import { createWriteStream } from "node:fs";
import Fastify from "fastify";
import { createServer as afterServer } from "../packages/server/src/index.ts";
import { createPostgresStore } from "../tests/helpers/server-stores";

const beforeTree = process.argv[2];
if (!beforeTree) throw new Error("usage: compare-api.ts <checkout to compare with> [rounds]");
const { createServer: beforeServer } = (await import(`${beforeTree}/packages/server/src/index.ts`)) as { createServer: typeof afterServer };
const bare = Fastify({ logger: false }); bare.post("/bare", async () => ({ ok: true }));
const stores = [await createPostgresStore(), await createPostgresStore()];
const before = await beforeServer({ ...stores[0]!.options, logger: true, logStream: createWriteStream("/dev/null") });
const after = await afterServer({ ...stores[1]!.options, logger: true, logStream: createWriteStream("/dev/null") });
const payload = JSON.stringify({ input: { entitled: 31, present: 21, yes: 14, no: 7, abstain: 0 } });
const apps = [["bare Fastify POST", bare, "/bare"], ["before", before.app, "/v1/rules/major_matter/evaluate"], ["after", after.app, "/v1/rules/major_matter/evaluate"]] as const;
const a = await before.app.inject({ method: "POST", url: apps[1][2], headers: { "content-type": "application/json" }, payload });
const b = await after.app.inject({ method: "POST", url: apps[2][2], headers: { "content-type": "application/json" }, payload });
if (a.body !== b.body || a.statusCode !== 200) throw new Error("before and after answer differently");
const spent = [0, 0, 0]; const CHUNK = 500; const ROUNDS = Number(process.argv[3] ?? 30);
for (let round = -3; round < ROUNDS; round++) {
  for (let k = 0; k < 3; k++) {
    const i = (k + round + 3) % 3; const [, app, url] = apps[i]!;
    const t = process.cpuUsage();
    for (let j = 0; j < CHUNK; j++) await app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload });
    const u = process.cpuUsage(t);
    if (round >= 0) spent[i]! += u.user + u.system;
  }
}
const per = spent.map((s) => s / (ROUNDS * CHUNK));
console.log(`| app | CPU per request (µs) | × bare (bare CPU ÷ its CPU) |\n|---|---:|---:|`);
apps.forEach(([name], i) => console.log(`| ${name} | ${per[i]!.toFixed(1)} | ${(per[0]! / per[i]!).toFixed(2)} |`));
console.log(`after ÷ before CPU: ${(per[2]! / per[1]!).toFixed(2)}; ${ROUNDS} rounds of ${CHUNK} requests per app, rotated`);
await before.close(); await after.close(); for (const s of stores) await s.drop();
