/** The operator's settings of the HTTP layer and the environment variables they come from. */

export type MetricsExposure = "token" | "public" | "off";

export interface OperationsOptions {
  /** Origins allowed by CORS (GAVEL_CORS_ORIGINS, comma-separated, `*` for any); empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Failed authentications per client IP and window before 429 (GAVEL_AUTH_FAILURE_LIMIT, GAVEL_AUTH_FAILURE_WINDOW_MS). */
  authFailureLimit: { max: number; windowMs: number };
  /** Who may read GET /metrics (GAVEL_METRICS): a token with read permission (default), anyone, or nobody (no route). */
  metrics: MetricsExposure;
  /** One log line per answered request (GAVEL_REQUEST_LOG=off quiets it; refusals and failures are still logged). */
  requestLogging: boolean;
  /** How long a shutdown waits for requests in flight before closing their connections (GAVEL_DRAIN_TIMEOUT_MS). */
  drainTimeoutMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (GAVEL_TRUST_PROXY): false (default: the socket's
   * peer), true (any), or the proxies' addresses/CIDRs (comma-separated). Behind a proxy, without it every client shares the proxy's
   * address, and so one failed-authentication limit.
   */
  trustProxy: boolean | string[];
}

export const DEFAULT_OPERATIONS: OperationsOptions = {
  corsOrigins: [],
  authFailureLimit: { max: 20, windowMs: 60_000 },
  metrics: "token",
  requestLogging: true,
  drainTimeoutMs: 10_000,
  trustProxy: false,
};

function trustProxyOf(text: string | undefined): boolean | string[] {
  if (text === undefined || text === "" || text === "false") return false;
  if (text === "true") return true;
  return text.split(",").map((address) => address.trim()).filter(Boolean);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  return value;
}

/** Reads the settings from the environment; an invalid value stops the start with a message naming the variable. */
export function operationsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationsOptions {
  const metrics = env.GAVEL_METRICS || DEFAULT_OPERATIONS.metrics;
  if (metrics !== "token" && metrics !== "public" && metrics !== "off") throw new Error(`GAVEL_METRICS must be token, public or off, not ${JSON.stringify(metrics)}`);
  const requestLog = (env.GAVEL_REQUEST_LOG || "on").toLowerCase();
  if (!["on", "off", "true", "false", "1", "0"].includes(requestLog)) throw new Error(`GAVEL_REQUEST_LOG must be on or off, not ${JSON.stringify(env.GAVEL_REQUEST_LOG)}`);
  return {
    corsOrigins: (env.GAVEL_CORS_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter(Boolean),
    authFailureLimit: {
      max: positiveInteger(env, "GAVEL_AUTH_FAILURE_LIMIT", DEFAULT_OPERATIONS.authFailureLimit.max),
      windowMs: positiveInteger(env, "GAVEL_AUTH_FAILURE_WINDOW_MS", DEFAULT_OPERATIONS.authFailureLimit.windowMs),
    },
    metrics,
    requestLogging: ["on", "true", "1"].includes(requestLog),
    drainTimeoutMs: positiveInteger(env, "GAVEL_DRAIN_TIMEOUT_MS", DEFAULT_OPERATIONS.drainTimeoutMs),
    trustProxy: trustProxyOf(env.GAVEL_TRUST_PROXY?.trim()),
  };
}
