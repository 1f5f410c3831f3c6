/** Client of the service's rule registry (docs/design.md section 5): list, read (any version), store a new version. */

import type { Diagnostic } from "@gavel-rules/lang";
import { getToken } from "./preferences";

/** One rule file in the registry listing. */
export interface RuleSummary {
  name: string;
  version: number;
}

/** Who stored a version, and when. */
export interface VersionInfo {
  version: number;
  author: string;
  createdAt: string;
}

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

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  const token = getToken();
  if (token) headers["authorization"] = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (response.status === 409 && error?.code === "VERSION_CONFLICT") {
      throw new VersionConflictError(response.status, error.code, error.message ?? response.statusText, error.details);
    }
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.details);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type RawRule = { name?: string; version?: number; latestVersion?: number; source?: string; versions?: unknown };

function toVersion(raw: RawRule, name: string): RuleVersion {
  const versions = Array.isArray(raw.versions)
    ? (raw.versions as Partial<VersionInfo>[]).map((v) => ({ version: v.version ?? 0, author: v.author ?? "", createdAt: v.createdAt ?? "" }))
    : [];
  return { name: raw.name ?? name, version: raw.version ?? raw.latestVersion ?? 0, source: raw.source ?? "", versions };
}

/** Every rule file in the registry with its latest version number. */
export async function listRules(): Promise<RuleSummary[]> {
  const json = await request<RawRule[] | { rules?: RawRule[]; items?: RawRule[] }>("GET", "/v1/rules");
  const rows = Array.isArray(json) ? json : (json.rules ?? json.items ?? []);
  return rows
    .filter((row): row is RawRule & { name: string } => typeof row.name === "string")
    .map((row) => ({ name: row.name, version: row.version ?? row.latestVersion ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The source of a rule file: the latest version, or the given one. */
export async function getRule(name: string, version?: number): Promise<RuleVersion> {
  const query = version === undefined ? "" : `?version=${version}`;
  return toVersion(await request<RawRule>("GET", `/v1/rules/${encodeURIComponent(name)}${query}`), name);
}

/**
 * Stores `source` as a new version of `name`; the service answers 422 with diagnostics when it does not compile.
 * With `ifMatch` the save is conditional: a version number means "only if that is still the latest" (If-Match), null
 * "only if the name is still free" (If-None-Match: *); otherwise it throws VersionConflictError.
 */
export async function putRule(name: string, source: string, ifMatch?: number | null): Promise<RuleVersion> {
  const precondition: Record<string, string> =
    ifMatch === undefined ? {} : ifMatch === null ? { "if-none-match": "*" } : { "if-match": `"${ifMatch}"` };
  const raw = await request<RawRule>("PUT", `/v1/rules/${encodeURIComponent(name)}`, { source }, precondition);
  return { ...toVersion(raw, name), source };
}
