/** Lone UTF-16 surrogates (`"\ud800"` in JSON) are not text: PostgreSQL refuses them, so requests carrying one are refused first. */

import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "./api-error.ts";

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: match code units).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` holds a surrogate code unit that is not half of a pair. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The path (`body/roster/0/name`) of the first string or key in `value` that holds a lone surrogate, if any. */
export function findLoneSurrogate(value: unknown, path: string): string | undefined {
  const trail = loneSurrogateTrail(value);
  return trail && [path, ...trail].join("/");
}

/** The keys down to the first lone surrogate, built on the way back up: a walk that finds none (every request) makes no paths. */
function loneSurrogateTrail(value: unknown): string[] | undefined {
  if (typeof value === "string") return hasLoneSurrogate(value) ? [] : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const trail = loneSurrogateTrail(value[i]);
      if (trail) return [String(i), ...trail];
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    // The key itself is not echoed back: it is not valid text.
    if (hasLoneSurrogate(key)) return [];
    const trail = loneSurrogateTrail(item);
    if (trail) return [key, ...trail];
  }
  return undefined;
}

// In JSON text a surrogate can only be written as an escape: UTF-8 cannot encode one, and Node decodes invalid bytes to U+FFFD.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Refuses lone surrogates with 400 INVALID_TEXT before the schemas run. JSON bodies are scanned as text while parsed
 * (one regular expression over the string) and walked only when they hold a surrogate escape at all, so a large
 * assessment upload is not walked value by value; the path parameters and query are always checked (they are small).
 */
export function installLoneSurrogateCheck(app: FastifyInstance): void {
  const bodiesToWalk = new WeakSet<FastifyRequest>();
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (SURROGATE_ESCAPE.test(body as string)) bodiesToWalk.add(request);
    parseJson(request, body as string, done);
  });
  // A callback hook, not an async one: it runs on every request (benchmarks/api.ts).
  app.addHook("preValidation", (request, _reply, done) => {
    const path =
      findLoneSurrogate(request.params, "params") ??
      findLoneSurrogate(request.query, "querystring") ??
      (bodiesToWalk.has(request) ? findLoneSurrogate(request.body, "body") : undefined);
    if (!path) return done();
    done(new ApiError(400, "INVALID_TEXT", `${path} holds a lone UTF-16 surrogate (such as \\ud800), which is not text; send well-formed Unicode.`, { path }));
  });
}
