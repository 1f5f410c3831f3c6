/**
 * Finding 2: the first admin token can never be lost. A start that fails to listen, or dies while printing the
 * token, leaves a store whose next start prints a token that works; the last active admin cannot be revoked.
 */

import { spawn } from "node:child_process";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServer, type GavelServer } from "@gavel-rules/server";
import { call } from "../helpers/server-client";
import { startServerProcess, type ServerProcess } from "../helpers/server-process";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

const MAIN = join(dirname(fileURLToPath(import.meta.url)), "../../packages/server/src/main.ts");

/** The token in the lines a start printed, if any. */
function printedToken(lines: string[]): string | undefined {
  return lines.map((line) => /GAVEL_ADMIN_TOKEN=(\S+)/.exec(line)?.[1]).find((token) => token !== undefined);
}

/** Occupies a port on 127.0.0.1 so that a start on it fails with EADDRINUSE. */
async function occupyPort(): Promise<{ port: number; server: NetServer }> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, server };
}

async function tokensStatus(url: string, token: string): Promise<number> {
  return (await fetch(`${url}/v1/tokens`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe.each<StoreKind>(["embedded", "postgres"])("admin bootstrap on the %s store", (kind) => {
  const stores: TestStore[] = [];
  const running: GavelServer[] = [];
  const processes: ServerProcess[] = [];
  const fresh = async () => {
    const store = await createTestStore(kind);
    stores.push(store);
    return store;
  };
  const start = async (store: TestStore, port: number, print: (line: string) => void) => {
    const server = await startServer({ ...store.options, port, host: "127.0.0.1", print, logger: false, handleSignals: false });
    running.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    await Promise.all(processes.splice(0).map((p) => p.kill()));
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.drop()));
  });

  it("a start on a port already in use commits no token: the next start prints one that works", async () => {
    const store = await fresh();
    const busy = await occupyPort();
    const failedLines: string[] = [];
    try {
      await expect(start(store, busy.port, (line) => failedLines.push(line))).rejects.toThrow(/EADDRINUSE/);
    } finally {
      busy.server.close();
    }
    const lines: string[] = [];
    const server = await start(store, 0, (line) => lines.push(line));
    const token = printedToken(lines) ?? printedToken(failedLines);
    expect(token).toMatch(/^gvl_/);
    expect(await tokensStatus(server.url, token!)).toBe(200);
  });

  it("a start that dies while printing the token commits nothing: the next start prints a usable one", async () => {
    const store = await fresh();
    // The process dying right at the print is modelled by a print that throws: nothing after it runs.
    const died = new Error("killed while printing");
    const lost: string[] = [];
    await expect(
      start(store, 0, (line) => {
        lost.push(line);
        if (line.includes("GAVEL_ADMIN_TOKEN=")) throw died;
      }),
    ).rejects.toBe(died);
    expect(printedToken(lost)).toMatch(/^gvl_/);
    const lines: string[] = [];
    const server = await start(store, 0, (line) => lines.push(line));
    const token = printedToken(lines);
    expect(token).toMatch(/^gvl_/);
    expect(token).not.toBe(printedToken(lost));
    expect(await tokensStatus(server.url, token!)).toBe(200);
    // The token that was printed but never committed does not work.
    expect(await tokensStatus(server.url, printedToken(lost)!)).toBe(401);
  });

  it("SIGKILL as soon as the token is printed still leaves a usable token (the printed one, or the next start's)", async () => {
    const store = await fresh();
    const env: Record<string, string> = store.options.databaseUrl ? { DATABASE_URL: store.options.databaseUrl } : { GAVEL_DATA: store.options.dataDir! };
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", MAIN], { env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const printed = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const token = /GAVEL_ADMIN_TOKEN=(\S+)\n/.exec(out)?.[1];
        if (token) {
          child.kill("SIGKILL");
          resolve(token);
        }
      });
      child.once("exit", () => reject(new Error(`exited before printing a token: ${out}`)));
    });
    await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once("exit", resolve) : resolve(undefined)));
    const next = await startServerProcess(env);
    processes.push(next);
    const usable = next.adminToken ?? printed;
    expect(await tokensStatus(next.url, usable)).toBe(200);
    if (next.adminToken) expect(await tokensStatus(next.url, printed)).toBe(401);
  });

  it("a store left with no active admin (revoked before LAST_ADMIN existed) says how to recover at start", async () => {
    const store = await fresh();
    const first = await start(store, 0, () => undefined);
    await first.db.query("UPDATE access_tokens SET revoked_at = now()");
    await first.close();
    const lines: string[] = [];
    await start(store, 0, (line) => lines.push(line));
    expect(printedToken(lines)).toBeUndefined();
    expect(lines.join("\n")).toContain(`gavel token create --role admin --name NAME ${kind === "postgres" ? "--database-url URL" : "--data FOLDER"}`);
  });

  it("the last active admin cannot be revoked; of two admins revoked at once exactly one goes", async () => {
    const store = await fresh();
    const lines: string[] = [];
    const server = await start(store, 0, (line) => lines.push(line));
    const admin = printedToken(lines)!;
    const list = async () => (await call(server.app, "GET", "/v1/tokens", { token: admin })).body.tokens as { id: string; name: string; role: string; revokedAt: string | null }[];
    const [first] = await list();

    const refused = await call(server.app, "DELETE", `/v1/tokens/${first!.id}`, { token: admin });
    expect([refused.status, refused.body.error.code]).toEqual([409, "LAST_ADMIN"]);
    expect(await tokensStatus(server.url, admin)).toBe(200);

    const second = await call(server.app, "POST", "/v1/tokens", { token: admin, payload: { name: "第二管理员", role: "admin" } });
    expect(second.status).toBe(201);
    // Concurrent revokes straight on the store: over HTTP the second request could already fail authentication.
    const outcomes = await Promise.allSettled([first!.id, second.body.id as string].map((id) => server.services.tokens.revoke(id)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ kind: "conflict", code: "LAST_ADMIN" });
    const active = (await server.services.tokens.list()).filter((t) => t.role === "admin" && t.revokedAt === null);
    expect(active).toHaveLength(1);
  });
});
