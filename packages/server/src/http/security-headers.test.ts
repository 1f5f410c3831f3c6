/** The security headers, set from one precomputed set, are exactly what @fastify/helmet sets on every answer. */

import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, installSecurityHeaders } from "./security-headers.ts";

/** An app with a page, a JSON route and no route at all (404), each answer's headers without the date. */
async function answers(app: FastifyInstance): Promise<Record<string, unknown>[]> {
  app.get("/", async () => "页面");
  app.post("/json", async () => ({ 结果: "passed" }));
  const out: Record<string, unknown>[] = [];
  for (const request of [{ method: "GET", url: "/" }, { method: "POST", url: "/json", payload: {} }, { method: "GET", url: "/nowhere" }] as const) {
    const { date: _date, ...headers } = (await app.inject(request)).headers;
    out.push(headers);
  }
  await app.close();
  return out;
}

describe("security headers", () => {
  it("match @fastify/helmet's, header for header, on pages, JSON and 404 answers", async () => {
    const hashes = ["'sha256-abc'"];
    const withPlugin = Fastify({ logger: false });
    await withPlugin.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(hashes) } });
    const withHook = Fastify({ logger: false });
    await installSecurityHeaders(withHook, { origins: [], inlineScriptHashes: hashes });
    const expected = await answers(withPlugin);
    expect(expected[0]!["content-security-policy"]).toContain("'sha256-abc'");
    expect(await answers(withHook)).toEqual(expected);
  });
});
