/**
 * Runs the real service as a child process for crash tests: `node --conditions=source --import tsx
 * packages/server/src/main.ts` (the sources, no build), or with `built` its compiled dist/main.js, as benchmarks do.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = join(ROOT, "packages/server/src/main.ts");
const BUILT_MAIN = join(ROOT, "packages/server/dist/main.js");

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The admin token printed on the first start of an empty store. */
  adminToken?: string;
  output(): string;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
}

/** Starts main.ts (or, `built`, dist/main.js) on `env` (GAVEL_DATA or DATABASE_URL) and resolves once it listens. */
export function startServerProcess(env: Record<string, string>, { timeoutMs = 60_000, built = false }: { timeoutMs?: number; built?: boolean } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, built ? [BUILT_MAIN] : ["--conditions=source", "--import", "tsx", MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const listening = /gavel listening on (http:\/\/\S+)/.exec(out);
      if (!listening) return;
      clearTimeout(timer);
      const token = /GAVEL_ADMIN_TOKEN=(\S+)/.exec(out)?.[1];
      resolve({
        child,
        url: listening[1]!,
        ...(token ? { adminToken: token } : {}),
        output: () => out,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
}

/** The environment that points a service process at a test store. */
export function storeEnv(store: { options: { databaseUrl?: string; dataDir?: string } }): Record<string, string> {
  return store.options.databaseUrl ? { DATABASE_URL: store.options.databaseUrl } : { GAVEL_DATA: store.options.dataDir! };
}

/** One JSON request to a listening service with a bearer token; answers the status and the parsed body. */
export async function sendJson(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}
