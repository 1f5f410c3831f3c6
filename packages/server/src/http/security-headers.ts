/** Helmet's headers with a Content-Security-Policy the editor (Monaco in Lit, Vite-built) and Swagger UI work under; CORS only when configured. */

import { createHash } from "node:crypto";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";

/**
 * Everything from this origin, nothing inline but styles: Monaco writes <style> elements and style attributes at run
 * time, and its workers are same-origin files (blob: kept for Monaco's fallback). Inline scripts only by hash (the
 * editor's index.html sets the theme before the first paint). No upgrade-insecure-requests: the service is also
 * reached over plain HTTP on a LAN, where it would break every asset.
 */
export function contentSecurityPolicy(inlineScriptHashes: string[] = []) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineScriptHashes],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    workerSrc: ["'self'", "blob:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/**
 * The policy of the editor's worker scripts: the language worker compiles each rule's fast path with `new Function`
 * (packages/lang fastpath.ts), so its script-src also allows eval, which the page itself never gets.
 */
export function workerContentSecurityPolicy(): string {
  const directives: Record<string, string[]> = { ...contentSecurityPolicy(), scriptSrc: ["'self'", "'unsafe-eval'"] };
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(" ")}`)
    .join("; ");
}

/** CSP source expressions ('sha256-…') for the inline <script> elements of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]!)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(match[2]!, "utf8").digest("base64")}'`);
  }
  return hashes;
}

/** Registers helmet on every response, and CORS for `origins` only (none: no CORS headers, browsers keep the same-origin rule). */
export async function installSecurityHeaders(app: FastifyInstance, options: { origins: string[]; inlineScriptHashes: string[] }): Promise<void> {
  const { origins } = options;
  // The headers never vary by request, but @fastify/helmet builds helmet's middleware (parsing every CSP directive)
  // on each one: the largest layer of an evaluate request's CPU in benchmarks/api.ts. Taken once, set by one sync hook.
  const headers = await helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.inlineScriptHashes) } });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (origins.length > 0) {
    await app.register(cors, {
      origin: origins.includes("*") ? "*" : origins,
      methods: ["GET", "HEAD", "POST", "PUT", "DELETE"],
      allowedHeaders: ["authorization", "content-type", "accept"],
      exposedHeaders: ["retry-after", "content-disposition"],
      maxAge: 600,
    });
  }
}

/** The headers @fastify/helmet sets with these options, read from one request to a throwaway app. */
async function helmetHeaders(options: Parameters<typeof helmet>[1]): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get("/", async () => "");
    const answer = await probe.inject({ method: "GET", url: "/" });
    const fastifyOwn = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!fastifyOwn.has(name) && typeof value === "string") headers[name] = value;
    }
    return headers;
  } finally {
    await probe.close();
  }
}
