/**
 * Client of the service's rule registry (docs/design.md section 5): list, read (any version), store a new version.
 * Requests and answers are typed by src/api/schema.d.ts, generated from the service's OpenAPI document
 * (`npm run generate:api`), and sent with openapi-fetch.
 */

import type { Diagnostic } from "@gavel-rules/lang";
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./api/schema";
import { getToken } from "./preferences";

type Schemas = components["schemas"];

/** One rule file in the registry listing. */
export interface RuleSummary {
  name: string;
  version: number;
}

/** Who stored a version, and when. */
export type VersionInfo = Pick<Schemas["RuleVersion"], "version" | "author" | "createdAt">;

/** One stored version of a rule file, with the file's version history when the service gives it. */
export interface RuleVersion {
  name: string;
  version: number;
  source: string;
  versions: VersionInfo[];
}

/** An error answered by the service: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** Compile diagnostics when the service refused a file that does not compile (422). */
  get diagnostics(): Diagnostic[] {
    const details = this.details as { diagnostics?: Diagnostic[] } | Diagnostic[] | undefined;
    if (Array.isArray(details)) return details;
    return details?.diagnostics ?? [];
  }
}

/** 409 VERSION_CONFLICT: the save was conditional and the registry holds a newer version than the edit started from. */
export class VersionConflictError extends ApiError {
  /** The registry's current version (0: the name is free). */
  get current(): number {
    return (this.details as { current?: number } | undefined)?.current ?? 0;
  }

  /** Who stored the current version, when the service says. */
  get author(): string {
    return (this.details as { author?: string } | undefined)?.author ?? "";
  }
}

/**
 * The token from the preferences on every request (read each time: it can change while the page is open), unless the
 * request brings its own (the sign-in dialog checks a token before it is kept).
 */
const bearer: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token && !request.headers.has("authorization")) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  },
};

// Same origin as the page; fetch is looked up per call so a replaced global fetch is used.
/** The typed client of the service (shared with the meetings client). */
export const client = createClient<paths>({ baseUrl: "", headers: { accept: "application/json" }, fetch: (request) => globalThis.fetch(request) });
client.use(bearer);

/** The ApiError for a failed answer: the service's Error shape, or the HTTP status when the body is something else (a proxy's page). */
function apiError(response: Response, body: unknown): ApiError {
  const error = (body as Partial<Schemas["Error"]> | undefined)?.error;
  if (response.status === 409 && error?.code === "VERSION_CONFLICT") return new VersionConflictError(response.status, error.code, error.message ?? response.statusText, error.details);
  return new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.details);
}

/** The data of a successful answer, or throws its ApiError. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok || result.data === undefined) throw apiError(result.response, result.error);
  return result.data;
}

function toVersion(rule: Schemas["Rule"] | Schemas["StoredRule"], source: string, versions: VersionInfo[]): RuleVersion {
  return { name: rule.name, version: rule.version, source, versions: versions.map(({ version, author, createdAt }) => ({ version, author, createdAt })) };
}

/** Every rule file in the registry with its latest version number. */
export async function listRules(): Promise<RuleSummary[]> {
  const { rules } = dataOf(await client.GET("/v1/rules"));
  return rules.map((row) => ({ name: row.name, version: row.version })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The source of a rule file: the latest version, or the given one. */
export async function getRule(name: string, version?: number): Promise<RuleVersion> {
  const query = version === undefined ? {} : { version: String(version) };
  const rule = dataOf(await client.GET("/v1/rules/{name}", { params: { path: { name }, query } }));
  return toVersion(rule, rule.source, rule.versions);
}

/**
 * Stores `source` as a new version of `name`; the service answers 422 with diagnostics when it does not compile.
 * With `ifMatch` the save is conditional: a version number means "only if that is still the latest" (If-Match), null
 * "only if the name is still free" (If-None-Match: *); otherwise it throws VersionConflictError.
 */
export async function putRule(name: string, source: string, ifMatch?: number | null): Promise<RuleVersion> {
  const header = ifMatch === undefined ? {} : ifMatch === null ? { "if-none-match": "*" } : { "if-match": `"${ifMatch}"` };
  const stored = dataOf(await client.PUT("/v1/rules/{name}", { params: { path: { name }, header }, body: { source } }));
  return toVersion(stored, source, []);
}
