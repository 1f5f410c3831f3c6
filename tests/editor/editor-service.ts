/** The real gavel service (embedded store in a fresh folder) serving the built editor, for e2e tests and the benchmark. */

import { join } from "node:path";
import { createServer } from "@gavel-rules/server";
import { createEmbeddedStore } from "../helpers/server-stores";

export interface EditorService {
  baseUrl: string;
  /** The admin token the service created on its first start. */
  token: string;
  putRule(name: string, source: string): Promise<{ version: number }>;
  getRule(name: string): Promise<{ version: number; source: string }>;
  /** The authors of a rule file's versions, newest first, as the registry recorded them. */
  authors(name: string): Promise<string[]>;
  /** Issues a token for one person, as an administrator does (POST /v1/tokens). */
  createToken(name: string, role: "admin" | "author" | "clerk" | "observer"): Promise<{ id: string; token: string }>;
  /** Revokes a token by id (DELETE /v1/tokens/{id}). */
  revokeToken(id: string): Promise<void>;
  close(): Promise<void>;
}

const EDITOR_DIST = join(import.meta.dirname, "../../packages/editor/dist");

/**
 * Starts the service on a free loopback port with a new data folder; the std rules are seeded as on a first start.
 * The folder is a copy of an initialised empty store (initdb once per machine, ~1 s a copy), cheap enough for one
 * service per test.
 */
export async function startEditorService(): Promise<EditorService> {
  const store = await createEmbeddedStore();
  const server = await createServer({ ...store.options, editorDir: EDITOR_DIST, logger: false }).catch(async (error: unknown) => {
    await store.drop();
    throw error;
  });
  const address = await server.app.listen({ port: 0, host: "127.0.0.1" });
  const token = server.adminToken;
  if (!token) throw new Error("a fresh store should have issued an admin token");
  const api = async <T = { version: number; source: string }>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${address}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  return {
    baseUrl: address,
    token,
    async putRule(name, source) {
      const stored = await api("PUT", `/v1/rules/${encodeURIComponent(name)}`, { source });
      return { version: stored.version };
    },
    async getRule(name) {
      const stored = await api("GET", `/v1/rules/${encodeURIComponent(name)}`);
      return { version: stored.version, source: stored.source };
    },
    async authors(name) {
      const stored = await api<{ versions: { version: number; author: string }[] }>("GET", `/v1/rules/${encodeURIComponent(name)}`);
      return [...stored.versions].sort((a, b) => b.version - a.version).map((v) => v.author);
    },
    async createToken(name, role) {
      const created = await api<{ id: string; token: string }>("POST", "/v1/tokens", { name, role });
      return { id: created.id, token: created.token };
    },
    async revokeToken(id) {
      await api("DELETE", `/v1/tokens/${encodeURIComponent(id)}`);
    },
    async close() {
      await server.close();
      await store.drop();
    },
  };
}
