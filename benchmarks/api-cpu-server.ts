/**
 * One app of the API CPU benchmark (api-cpu.ts) in a process of its own, for the vote input given as JSON: prints
 * `URL <address>`, then reports the process's CPU time between SIGUSR2 (measurement starts) and SIGINT (it ends) as
 * `CPU <microseconds>`.
 */

import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { compile } from "@gavel-rules/lang";
import { createServer } from "@gavel-rules/server";
import { selectRule } from "../packages/server/src/rules/rule-registry";

const EVALUATE = "/v1/rules/major_matter/evaluate";
const variant = process.argv[2];
const voteInput = JSON.parse(process.argv[3]!) as Record<string, unknown>;

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
} else if (variant === "answer" || variant === "evaluate") {
  const rule = selectRule(compile(readFileSync(join(import.meta.dirname, "../dsl/std/major-matter.gavel"), "utf8"), { file: "major-matter.gavel" }), "major_matter");
  const answerText = (input: Record<string, unknown>): string => {
    const outcome = rule.evaluate(input);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return JSON.stringify(outcome.result);
  };
  // "answer" sends the text the evaluate route would, worked out once: what sending it costs with no work behind it.
  const fixed = answerText(voteInput);
  app = variant === "answer" ? plainApp(() => fixed, true) : plainApp((body) => answerText(body.input), true);
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
