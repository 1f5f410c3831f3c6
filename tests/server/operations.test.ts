/**
 * The operators' kit (issue 9): security headers and CORS, a brake on failed authentication, Prometheus metrics,
 * readiness, graceful shutdown with a drain timeout, compressed and cached editor files, quiet request logs.
 */

import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createServer, operationsFromEnv, type GavelServer, type OperationsOptions } from "@gavel-rules/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";
import { startServerProcess } from "../helpers/server-process";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

/** For what does not depend on the store: PostgreSQL creates a database faster than PGlite copies a data folder. */
const ANY_STORE: StoreKind = "postgres";

/** A service on a fresh store with the given operator settings (the test store's admin token included). */
async function serviceWith(kind: StoreKind, operations: Partial<OperationsOptions>, editorDir?: string): Promise<{ server: GavelServer; store: TestStore; close(): Promise<void> }> {
  const store = await createTestStore(kind);
  const server = await createServer({ ...store.options, logger: false, operations, ...(editorDir ? { editorDir } : { editorDir: join(tmpdir(), "no-editor-here") }) });
  return {
    server,
    store,
    async close() {
      await server.close();
      await store.drop();
    },
  };
}

describe("security headers and CORS", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(ANY_STORE);
  });
  afterAll(async () => {
    await service?.close();
  });

  it("sends helmet's headers with a CSP that keeps scripts to this origin and never upgrades plain HTTP", async () => {
    const response = await call(service.app, "GET", "/health");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends no CORS headers unless origins are configured", async () => {
    const preflight = await service.app.inject({ method: "OPTIONS", url: "/v1/rules", headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" } });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const get = await service.app.inject({ method: "GET", url: "/v1/rules", headers: { origin: "https://elsewhere.example" } });
    expect(get.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows exactly the configured origins (GAVEL_CORS_ORIGINS)", async () => {
    const configured = await serviceWith(ANY_STORE, operationsFromEnv({ GAVEL_CORS_ORIGINS: "https://intranet.example, https://other.example" }));
    try {
      const allowed = await configured.server.app.inject({ method: "OPTIONS", url: "/v1/ballots", headers: { origin: "https://intranet.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://intranet.example");
      expect(String(allowed.headers["access-control-allow-headers"])).toContain("authorization");
      const refused = await configured.server.app.inject({ method: "GET", url: "/v1/rules", headers: { origin: "https://evil.example" } });
      expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await configured.close();
    }
  });
});

describe("failed authentication is rate limited per client address", () => {
  it("answers 429 RATE_LIMITED with Retry-After after the limit, even to a valid token, and only for that address", async () => {
    const service = await serviceWith(ANY_STORE, { authFailureLimit: { max: 3, windowMs: 60_000 } });
    try {
      const admin = service.server.adminToken!;
      const attempt = (token: string | undefined, remoteAddress = "10.0.0.1") =>
        service.server.app.inject({ method: "GET", url: "/v1/ballots", remoteAddress, headers: token ? { authorization: `Bearer ${token}` } : {} });
      // A missing token is not a guess: it never counts.
      for (let i = 0; i < 5; i++) expect((await attempt(undefined)).statusCode).toBe(401);
      for (let i = 0; i < 3; i++) {
        const wrong = await attempt(`gvl_guess_${i}`);
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json().error.code).toBe("INVALID_TOKEN");
      }
      const limited = await attempt("gvl_guess_4");
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      // Blocked means blocked: a right token must not tell a guesser it is right.
      expect((await attempt(admin)).statusCode).toBe(429);
      // Other clients are not affected; unauthenticated routes are not either.
      expect((await attempt(admin, "10.0.0.2")).statusCode).toBe(200);
      expect((await service.server.app.inject({ method: "GET", url: "/v1/rules", remoteAddress: "10.0.0.1" })).statusCode).toBe(200);
    } finally {
      await service.close();
    }
  });

  it("counts per client behind a trusted proxy (GAVEL_TRUST_PROXY), not per proxy", async () => {
    const service = await serviceWith(ANY_STORE, { authFailureLimit: { max: 1, windowMs: 60_000 }, trustProxy: ["10.9.9.9"] });
    try {
      const viaProxy = (client: string, token: string) =>
        service.server.app.inject({ method: "GET", url: "/v1/ballots", remoteAddress: "10.9.9.9", headers: { "x-forwarded-for": client, authorization: `Bearer ${token}` } });
      expect((await viaProxy("203.0.113.7", "gvl_guess")).statusCode).toBe(401);
      expect((await viaProxy("203.0.113.7", "gvl_guess")).statusCode).toBe(429);
      expect((await viaProxy("198.51.100.4", service.server.adminToken!)).statusCode).toBe(200);
    } finally {
      await service.close();
    }
  });
});

describe("GET /metrics", () => {
  it("needs a read token by default and reports requests by route and status, and event loop lag", async () => {
    const service = await serviceWith(ANY_STORE, {});
    try {
      const { app } = service.server;
      await app.inject({ method: "GET", url: "/health" });
      await app.inject({ method: "GET", url: "/no/such/page/12345" });
      const anonymous = await app.inject({ method: "GET", url: "/metrics" });
      expect(anonymous.statusCode).toBe(401);
      const observer = await call(app, "POST", "/v1/tokens", { token: service.server.adminToken, payload: { name: "prometheus", role: "observer" } });
      const metrics = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${observer.body.token}` } });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.headers["content-type"]).toContain("text/plain");
      expect(metrics.body).toContain('gavel_http_requests_total{method="GET",route="/health",status_code="200"} 1');
      expect(metrics.body).toContain('gavel_http_requests_total{method="GET",route="unmatched",status_code="404"} 1');
      expect(metrics.body).toContain('gavel_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/health",status_code="200"}');
      expect(metrics.body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      expect(metrics.body).toMatch(/^process_resident_memory_bytes \d/m);
      expect(metrics.body).not.toContain("12345");
      const openapi = (await app.inject({ method: "GET", url: "/docs/json" })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/metrics", "/ready", "/health"]));
    } finally {
      await service.close();
    }
  });

  it("is open with GAVEL_METRICS=public and absent with GAVEL_METRICS=off", async () => {
    const open = await serviceWith(ANY_STORE, operationsFromEnv({ GAVEL_METRICS: "public" }));
    try {
      expect((await open.server.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
    const off = await serviceWith(ANY_STORE, operationsFromEnv({ GAVEL_METRICS: "off" }));
    try {
      expect((await off.server.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe("operator settings from the environment", () => {
  it("reads every variable and refuses a bad value by name", () => {
    expect(operationsFromEnv({})).toEqual({ corsOrigins: [], authFailureLimit: { max: 20, windowMs: 60_000 }, metrics: "token", requestLogging: true, drainTimeoutMs: 10_000, trustProxy: false });
    expect(
      operationsFromEnv({ GAVEL_CORS_ORIGINS: "*", GAVEL_AUTH_FAILURE_LIMIT: "5", GAVEL_AUTH_FAILURE_WINDOW_MS: "1000", GAVEL_METRICS: "off", GAVEL_REQUEST_LOG: "off", GAVEL_DRAIN_TIMEOUT_MS: "2500", GAVEL_TRUST_PROXY: "true" }),
    ).toEqual({ corsOrigins: ["*"], authFailureLimit: { max: 5, windowMs: 1000 }, metrics: "off", requestLogging: false, drainTimeoutMs: 2500, trustProxy: true });
    expect(operationsFromEnv({ GAVEL_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(() => operationsFromEnv({ GAVEL_DRAIN_TIMEOUT_MS: "soon" })).toThrow(/GAVEL_DRAIN_TIMEOUT_MS/);
    expect(() => operationsFromEnv({ GAVEL_METRICS: "yes" })).toThrow(/GAVEL_METRICS/);
    expect(() => operationsFromEnv({ GAVEL_REQUEST_LOG: "quiet" })).toThrow(/GAVEL_REQUEST_LOG/);
  });

  it("one log line per request; GAVEL_REQUEST_LOG=off drops it and keeps the refusals", async () => {
    const linesWith = async (requestLogging: boolean) => {
      const store = await createTestStore(ANY_STORE);
      const lines: string[] = [];
      const server = await createServer({ ...store.options, logger: true, logStream: { write: (line) => void lines.push(line) }, operations: { requestLogging }, editorDir: join(tmpdir(), "no-editor-here") });
      try {
        await server.app.inject({ method: "GET", url: "/health" });
        await server.app.inject({ method: "GET", url: "/v1/ballots" });
      } finally {
        await server.close();
        await store.drop();
      }
      return lines.join("");
    };
    const quiet = await linesWith(false);
    expect(quiet).not.toContain("incoming request");
    expect(quiet).not.toContain("request completed");
    expect(quiet).toContain('"code":"UNAUTHORIZED"');
    const loud = await linesWith(true);
    // One line per request, written when it is answered, saying what was asked, how it ended and how long it took.
    expect(loud).not.toContain("incoming request");
    const completed = loud.split("\n").filter((line) => line.includes("request completed")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(completed.map((line) => [line.method, line.url, line.statusCode])).toEqual([["GET", "/health", 200], ["GET", "/v1/ballots", 401]]);
    for (const line of completed) {
      expect(typeof line.reqId).toBe("string");
      expect(typeof line.ms).toBe("number");
    }
  });
});

describe("compressed, cached editor files", () => {
  const editorDir = mkdtempSync(join(tmpdir(), "gavel-editor-dist-"));
  const inline = 'document.documentElement.dataset.theme = "dark";';
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `民主测评-${i}`))};\n`;
  let service: Awaited<ReturnType<typeof serviceWith>>;

  beforeAll(async () => {
    mkdirSync(join(editorDir, "assets"));
    writeFileSync(join(editorDir, "index.html"), `<!doctype html><script>${inline}</script><script type="module" src="./assets/index-Ab12Cd34.js"></script>${" ".repeat(2000)}`);
    writeFileSync(join(editorDir, "assets/index-Ab12Cd34.js"), script);
    writeFileSync(join(editorDir, "assets/gavel.worker-Ef56Gh78.js"), "self.onmessage = () => {};");
    service = await serviceWith(ANY_STORE, {}, editorDir);
  });
  afterAll(async () => {
    await service?.close();
    rmSync(editorDir, { recursive: true, force: true });
  });

  it("serves Vite's hashed assets immutable for a year, brotli or gzip as asked", async () => {
    const br = await service.server.app.inject({ method: "GET", url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "br, gzip" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(script);
    const gzip = await service.server.app.inject({ method: "GET", url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString("utf8")).toBe(script);
  });

  it("lets only the editor's worker scripts compile rules with new Function (the language's fast path)", async () => {
    const worker = await service.server.app.inject({ method: "GET", url: "/assets/gavel.worker-Ef56Gh78.js" });
    expect(String(worker.headers["content-security-policy"])).toMatch(/script-src 'self' 'unsafe-eval'/);
    const page = await service.server.app.inject({ method: "GET", url: "/assets/index-Ab12Cd34.js" });
    expect(String(page.headers["content-security-policy"])).not.toContain("unsafe-eval");
  });

  it("revalidates index.html every time, and compresses API answers too", async () => {
    const index = await service.server.app.inject({ method: "GET", url: "/", headers: { "accept-encoding": "gzip" } });
    expect(index.statusCode).toBe(200);
    expect(index.headers["cache-control"]).toBe("no-cache");
    // The page's one inline script is allowed by its hash, and nothing else inline is.
    const csp = String(index.headers["content-security-policy"]);
    expect(csp).toContain(`'sha256-${createHash("sha256").update(inline).digest("base64")}'`);
    expect(csp).not.toContain("unsafe-inline' 'sha");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const rules = await service.server.app.inject({ method: "GET", url: "/v1/rules", headers: { "accept-encoding": "gzip" } });
    expect(rules.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(rules.rawPayload).toString("utf8")).rules.length).toBeGreaterThan(0);
  });
});

/** Opens a connection and sends the start of a POST whose body is not complete; resolves once the server has the request. */
async function requestInFlight(server: GavelServer, port: number, body: string): Promise<{ socket: Socket; rest: string; answer: Promise<string> }> {
  const socket = connect(port, "127.0.0.1");
  const arrived = new Promise<void>((resolve) => server.app.server.once("request", () => resolve()));
  const half = Math.floor(body.length / 2);
  socket.write(`POST /v1/rules/major_matter/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const answer = new Promise<string>((resolve) => socket.once("close", () => resolve(text)));
  await arrived;
  return { socket, rest: body.slice(half), answer };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe.each(["embedded", "postgres"] as StoreKind[])("readiness and graceful shutdown on the %s store", (kind) => {
  const evaluate = JSON.stringify({ input: { entitled: 30, present: 21, yes: 16, no: 5, abstain: 0 } });

  it("GET /ready answers 200 while the store answers, 503 NOT_READY when it does not", async () => {
    const service = await serviceWith(kind, {});
    try {
      const ready = await service.server.app.inject({ method: "GET", url: "/ready" });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: "ready", store: kind });
      await service.server.db.close();
      const down = await service.server.app.inject({ method: "GET", url: "/ready" });
      expect(down.statusCode).toBe(503);
      expect(down.json().error).toMatchObject({ code: "NOT_READY", details: { reason: "store" } });
    } finally {
      await service.server.app.close();
      await service.store.drop();
    }
  });

  it("on close: stops accepting, says 503 on /ready, lets the request in flight finish, then closes the store", async () => {
    const service = await serviceWith(kind, { drainTimeoutMs: 30_000 });
    const address = await service.server.app.listen({ port: 0, host: "127.0.0.1" });
    const port = Number(new URL(address).port);
    const inFlight = await requestInFlight(service.server, port, evaluate);
    const closed = service.server.close();
    expect(service.server.lifecycle.draining).toBe(true);
    // New connections are refused at once.
    expect(await canConnect(port)).toBe(false);
    // The request in flight completes; a request behind it on the same connection hears that the service is going.
    inFlight.socket.write(`${inFlight.rest}GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const answers = await inFlight.answer;
    expect(answers).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answers).toContain('"outcome":"passed"');
    expect(answers).toContain("HTTP/1.1 503 Service Unavailable");
    expect(answers).toContain('"code":"NOT_READY"');
    await closed;
    // The store was closed after the drain.
    await expect(service.server.db.query("SELECT 1")).rejects.toThrow();
    await service.store.drop();
  });

  it("closes connections still busy after the drain timeout, then closes the store", async () => {
    const service = await serviceWith(kind, { drainTimeoutMs: 300 });
    const address = await service.server.app.listen({ port: 0, host: "127.0.0.1" });
    const inFlight = await requestInFlight(service.server, Number(new URL(address).port), evaluate);
    // The body never completes: the drain timeout ends the wait, not the client.
    await service.server.close();
    expect(await inFlight.answer).not.toContain('"outcome"');
    expect(inFlight.socket.destroyed).toBe(true);
    await expect(service.server.db.query("SELECT 1")).rejects.toThrow();
    await service.store.drop();
  });
});

describe("SIGTERM on the real process", () => {
  it("drains the request in flight, answers it, and exits 0", async () => {
    const store = await createTestStore(ANY_STORE);
    const processed = await startServerProcess({ DATABASE_URL: store.options.databaseUrl!, GAVEL_DRAIN_TIMEOUT_MS: "20000" });
    try {
      const port = Number(new URL(processed.url).port);
      const body = JSON.stringify({ input: { entitled: 30, present: 20, yes: 16, no: 4, abstain: 0 } });
      const socket = connect(port, "127.0.0.1");
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      const answered = new Promise<void>((resolve) => socket.once("close", () => resolve()));
      socket.write(`POST /v1/rules/major_matter/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
      // The server has the request once it answers another one after it on a second connection.
      expect((await fetch(`${processed.url}/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => processed.child.once("exit", (code) => resolve(code)));
      processed.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300)); // the signal is delivered before the rest of the body
      socket.write(body.slice(10));
      await answered;
      expect(text).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(text).toContain('"outcome":"no_quorum"');
      expect(await exited).toBe(0);
    } finally {
      await processed.kill();
      await store.drop();
    }
  });
});
