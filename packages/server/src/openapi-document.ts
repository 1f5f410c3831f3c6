/** The service's OpenAPI document as /docs/json serves it, without a store: for linting it and generating clients from it. */
import { buildApp } from "./app.ts";
import type { Services } from "./routes/context.ts";

/** The OpenAPI 3 document that GET /docs/json answers (built on an app that never serves a request, so it needs no store). */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Routes use their services only when a request comes; the one the document needs at build time is the token store's presence.
  const app = await buildApp({ tokens: {} } as unknown as Services);
  try {
    const response = await app.inject({ method: "GET", url: "/docs/json" });
    if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`);
    return response.json<Record<string, unknown>>();
  } finally {
    await app.close();
  }
}
