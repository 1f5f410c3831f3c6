/** `gavel serve` as a subprocess: the service on a fresh PostgreSQL database, /health, and a clean stop on SIGTERM. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./run-gavel";

const ADMIN_URL = process.env.GAVEL_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Resolves with the first match of `pattern` in the growing text of a stream. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    let text = "";
    const timer = setTimeout(() => fail(new Error(`no ${pattern} within ${timeoutMs} ms; got: ${text}`)), timeoutMs);
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = text.match(pattern);
      if (match) {
        clearTimeout(timer);
        done(match);
      }
    });
  });
}

describe("gavel serve", () => {
  it("starts the service, answers /health, and exits 0 on SIGTERM", async () => {
    const database = `gavel_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    const child = spawn(process.execPath, [join(repoRoot, "packages/cli/bin/gavel.js"), "serve", "--port", "0"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8", DATABASE_URL: url.toString(), HOST: "127.0.0.1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      const [, serving] = await waitFor(child.stderr, /gavel is serving on (http:\/\/\S+)/, 60_000);
      const health = await fetch(`${serving}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", store: "postgres" });
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
