/** A small client over Fastify's inject() for server tests: JSON in, status and JSON out, with a bearer token. */

import type { FastifyInstance } from "fastify";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { createTestStore, type StoreKind, type TestStore } from "./server-stores";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, unknown>;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** Sends one request through inject(); `payload` objects go as JSON, strings as given. */
export async function call<T = any>(app: FastifyInstance, method: Method, url: string, options: { token?: string; payload?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  const response = await app.inject({ method, url, headers, payload: options.payload as string | object | undefined });
  let body: any = undefined;
  try {
    body = response.body ? JSON.parse(response.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, body, text: response.body, headers: response.headers };
}

/** A running test service over a fresh store with an admin, an author, a clerk and an observer token. */
export interface TestService {
  store: TestStore;
  server: GavelServer;
  app: FastifyInstance;
  tokens: { admin: string; author: string; clerk: string; observer: string };
  close(): Promise<void>;
}

/** Starts a service (not listening: use inject) on a fresh store of `kind`. */
export async function startTestService(kind: StoreKind): Promise<TestService> {
  const store = await createTestStore(kind);
  const server = await createServer({ ...store.options, logger: false });
  const admin = server.adminToken;
  if (!admin) throw new Error("a fresh store must issue an admin token");
  const issue = async (role: string) => {
    const response = await call(server.app, "POST", "/v1/tokens", { token: admin, payload: { name: `${role}-token`, role } });
    if (response.status !== 201) throw new Error(`could not create a ${role} token: ${response.text}`);
    return response.body.token as string;
  };
  const tokens = { admin, author: await issue("author"), clerk: await issue("clerk"), observer: await issue("observer") };
  return {
    store,
    server,
    app: server.app,
    tokens,
    async close() {
      await server.close();
      await store.drop();
    },
  };
}

/** A roster of `size` members R01…, with Chinese names. */
export function roster(size: number): { id: string; name: string }[] {
  return Array.from({ length: size }, (_, i) => ({ id: `R${String(i + 1).padStart(3, "0")}`, name: `代表${i + 1}` }));
}
