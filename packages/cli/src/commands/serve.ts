/** `gavel serve`: starts the HTTP service and the editor from @gavel-rules/server, when that package is present. */
import { resolve } from "node:path";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";

export interface ServeOptions {
  port?: string;
  data?: string;
}

/** What `gavel serve` passes to @gavel-rules/server's startServer. */
export interface ServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  databaseUrl?: string;
}

type StartServer = (options: ServerOptions) => Promise<unknown>;

// A variable specifier keeps TypeScript from requiring the package to exist at build time.
const serverPackage = "@gavel-rules/server";

/** True when `error` says @gavel-rules/server itself could not be found (not one of its own imports). */
export function isModuleMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && (message.includes(serverPackage) || message.includes("packages/server"));
}

/** Loads startServer from @gavel-rules/server; undefined when the package or the export is not there. */
async function loadStartServer(): Promise<StartServer | undefined> {
  try {
    const module = (await import(serverPackage)) as { startServer?: unknown };
    return typeof module.startServer === "function" ? (module.startServer as StartServer) : undefined;
  } catch (error) {
    if (isModuleMissing(error)) return undefined;
    throw error;
  }
}

/** The port to listen on: the given text, else 3000; undefined when not a valid port. */
export function parsePort(value: string | undefined): number | undefined {
  const text = value ?? "3000";
  if (!/^\d+$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function urlOf(started: unknown, port: number): string {
  const url = (started as { url?: unknown } | null)?.url;
  return typeof url === "string" ? url : `http://localhost:${port}`;
}

/** Closes the server on SIGINT/SIGTERM (releasing the data folder's lock) before the process ends. */
function closeOnSignals(started: unknown): void {
  const close = (started as { close?: unknown } | null)?.close;
  if (typeof close !== "function") return;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      (close as () => Promise<void>).call(started).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Starts the service; resolves once it listens (the process then stays up), or returns 1 when it cannot start. */
export async function runServe(options: ServeOptions, ctx: CommandContext): Promise<number> {
  const { io, style, messages } = ctx;
  const given = options.port ?? io.env.PORT;
  const port = parsePort(given);
  if (port === undefined) {
    io.stderr(`${style.red(messages.invalidPort(given ?? ""))}\n`);
    return ExitCode.usage;
  }
  const startServer = await loadStartServer();
  if (!startServer) {
    io.stderr(`${style.red(messages.serverUnavailable)}\n`);
    return ExitCode.failure;
  }
  const { DATABASE_URL: databaseUrl, HOST: host } = io.env;
  try {
    const started = await startServer({
      port,
      dataDir: resolve(io.cwd, options.data ?? io.env.GAVEL_DATA ?? ".gavel-data"),
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(host ? { host } : {}),
    });
    closeOnSignals(started);
    io.stderr(`${messages.serverListening(urlOf(started, port))}\n`);
    return ExitCode.ok;
  } catch (error) {
    io.stderr(`${style.red(messages.serverFailed(error instanceof Error ? error.message : String(error)))}\n`);
    return ExitCode.failure;
  }
}
