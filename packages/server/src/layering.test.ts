import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The domain services answer with values and refusals; only http/ and routes/ speak HTTP (status codes, Fastify).
const SRC = new URL(".", import.meta.url).pathname;
const DOMAIN_FOLDERS = ["access", "assessments", "audit", "ballots", "meetings", "rules", "store", "workers"];

function sourcesIn(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => join(SRC, folder, f));
}

describe("the server's layers", () => {
  const files = DOMAIN_FOLDERS.flatMap(sourcesIn);

  it("finds the domain sources", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("keeps HTTP out of the domain: no import of http/, routes/ or Fastify", () => {
    const offenders = files.flatMap((file) => {
      const imports = [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)[^"']*["']([^"']+)["']/gm)].map((m) => m[1]!);
      return imports.filter((i) => /(^|\/)(http|routes)\//.test(i) || /^(fastify|@fastify\/)/.test(i)).map((i) => `${relative(SRC, file)} imports ${i}`);
    });
    expect(offenders).toEqual([]);
  });
});
