/** Helmet's headers with a Content-Security-Policy the editor (Monaco in Lit, Vite-built) and Swagger UI work under; CORS only when configured. */

import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Everything from this origin, nothing inline but styles: Monaco writes <style> elements and style attributes at run
 * time, and its workers are same-origin files (blob: kept for Monaco's fallback). No upgrade-insecure-requests:
 * the service is also reached over plain HTTP on a LAN, where it would break every asset.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
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
  upgradeInsecureRequests: null,
};

/** Registers helmet on every response, and CORS for `origins` only (none: no CORS headers, browsers keep the same-origin rule). */
export async function installSecurityHeaders(app: FastifyInstance, origins: string[]): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
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
