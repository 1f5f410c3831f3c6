/** Lone UTF-16 surrogates (`"\ud800"` in JSON) are not text: PostgreSQL refuses them, so requests carrying one are refused first. */

import type { FastifyRequest } from "fastify";
import { ApiError } from "./api-error";

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: match code units).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` holds a surrogate code unit that is not half of a pair. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The path (`body/roster/0/name`) of the first string or key in `value` that holds a lone surrogate, if any. */
export function findLoneSurrogate(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return hasLoneSurrogate(value) ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    // The key itself is not echoed back: it is not valid text.
    if (hasLoneSurrogate(key)) return path;
    const found = findLoneSurrogate(item, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/** A preValidation hook: 400 INVALID_TEXT when the parsed body, query or path parameters hold a lone surrogate. */
export async function refuseLoneSurrogates(request: FastifyRequest): Promise<void> {
  const path = findLoneSurrogate(request.params, "params") ?? findLoneSurrogate(request.query, "querystring") ?? findLoneSurrogate(request.body, "body");
  if (path) {
    throw new ApiError(400, "INVALID_TEXT", `${path} holds a lone UTF-16 surrogate (such as \\ud800), which is not text; send well-formed Unicode.`, { path });
  }
}
