/**
 * One app of the API CPU benchmark (api-cpu.ts) in a process of its own: prints `URL <address>`, then reports the
 * process's CPU time between SIGUSR2 (measurement starts) and SIGINT (it ends) as `CPU <microseconds>`.
 */

import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { compile } from "@gavel-rules/lang";
import { createServer } from "@gavel-rules/server";

const EVALUATE = "/v1/rules/major_matter/evaluate";
const variant = process.argv[2];
const answerFile = process.argv[3];

/** A Fastify app with one POST route, logger off: the bare route and the route-only rows. */
function plainApp(handler: (body: { input: Record<string, unknown> }) => string | object, asText: boolean): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post(EVALUATE, async (request, reply) => {
    if (asText) void reply.type("application/json; charset=utf-8");
    return handler(request.body as { input: Record<string, unknown> });
  });
  return app;
}

let app: FastifyInstance;
let close: () => Promise<void>;
if (variant === "bare") {
  app = plainApp(() => ({ ok: true }), false);
  close = () => app.close();
} else if (variant === "answer") {
  const text = readFileSync(answerFile!, "utf8");
  app = plainApp(() => text, true);
  close = () => app.close();
} else if (variant === "evaluate") {
  const module = compile(readFileSync(join(import.meta.dirname, "../dsl/std/major-matter.gavel"), "utf8"), { file: "major-matter.gavel" });
  const rule = module.rules.find((r) => r.name === "major_matter")!;
  app = plainApp((body) => {
    const outcome = rule.evaluate(body.input);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return JSON.stringify(outcome.result);
  }, true);
  close = () => app.close();
} else {
  const dataDir = mkdtempSync(join(tmpdir(), "gavel-bench-cpu-"));
  const server = await createServer({ dataDir, logger: true, logStream: createWriteStream("/dev/null"), operations: { requestLogging: variant === "service" } });
  app = server.app;
  close = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
const url = await app.listen({ port: 0, host: "127.0.0.1" });
let start = process.cpuUsage();
process.on("SIGUSR2", () => {
  start = process.cpuUsage();
});
process.on("SIGINT", () => {
  const used = process.cpuUsage(start);
  console.log(`CPU ${used.user + used.system}`);
  void close().then(() => process.exit(0));
});
console.log(`URL ${url}${EVALUATE}`);
