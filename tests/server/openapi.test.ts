/**
 * The OpenAPI document GET /docs/json serves: it lints clean with Redocly's recommended rules (errors and
 * warnings alike; nothing silenced), names its shared schemas so generated clients get named types, gives every
 * operation an operationId, answers errors as application/json Error, declares the text/plain and text/csv bodies,
 * carries examples its own schemas accept — and the editor's generated API types are current.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../packages/server/src/openapi-document";

type Operation = {
  operationId?: string;
  tags?: string[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = {
  servers?: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

let doc: Document;
const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })));

beforeAll(async () => {
  doc = (await openApiDocument()) as unknown as Document;
});

describe("the OpenAPI document", () => {
  it("has no problem under Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "/docs/json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`)).toEqual([]);
  });

  it("the linter does find problems: an operation without operationId, a tag without description", async () => {
    const broken = structuredClone(doc);
    delete broken.paths["/v1/rules"]?.get?.operationId;
    delete broken.tags[0]?.description;
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: "/docs/json", config });
    expect(problems.map((p) => p.ruleId).sort()).toEqual(["operation-operationId", "tag-description"]);
  });

  it("names the shared schemas, and routes refer to them", () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Ballot", "Error", "Rule", "RuleResult", "StoredRule", "RuleList", "Token", "AuditVerification", "Assessment"]));
    expect(doc.paths["/v1/ballots/{id}"]?.get?.responses["200"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Ballot" });
    expect(doc.paths["/v1/rules/{name}/evaluate"]?.post?.requestBody?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/EvaluateRequest" });
    expect(JSON.stringify(doc.components.schemas.Ballot)).toContain('"$ref":"#/components/schemas/RuleResult"');
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it("gives every operation a unique operationId and a described tag", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const described = new Set(doc.tags.filter((t) => t.description).map((t) => t.name));
    for (const { where, op } of operations()) expect(op.tags?.every((t) => described.has(t)), where).toBe(true);
  });

  it("answers every error as application/json Error, whatever the success media types", () => {
    let errors = 0;
    for (const { where, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        errors += 1;
        expect(response.content, `${where} ${status}`).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
      }
    }
    expect(errors).toBeGreaterThan(50);
    expect(Object.keys(doc.paths["/v1/assessments"]?.post?.responses["200"]?.content ?? {})).toEqual(["application/json", "application/x-ndjson", "text/csv"]);
  });

  it("declares the text/plain rule body and the text/csv assessment body", () => {
    expect(doc.paths["/v1/rules/{name}"]?.put?.requestBody?.content["text/plain"]?.schema).toMatchObject({ type: "string" });
    expect(doc.paths["/v1/assessments"]?.post?.requestBody?.content["text/csv"]?.schema).toMatchObject({ type: "string" });
  });

  it("carries examples on request schemas, each accepted by its own schema", () => {
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ components: doc.components }, "doc");
    const withExamples = Object.entries(doc.components.schemas).filter(([, schema]) => "example" in schema);
    expect(withExamples.map(([name]) => name)).toEqual(expect.arrayContaining(["CreateBallotRequest", "EvaluateRequest", "VoteRequest", "RuleSource", "AssessmentRequest"]));
    for (const [name, schema] of withExamples) {
      const validate = ajv.getSchema(`doc#/components/schemas/${name}`);
      expect(validate?.(schema.example), `${name}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    }
  });
});

describe("the editor's generated API types", () => {
  it("are what `npm run generate:api` makes from the document now", async () => {
    const script = "../../packages/editor/scripts/generate-api.mjs";
    const { apiTypes, schemaFile } = (await import(script)) as { apiTypes: () => Promise<string>; schemaFile: string };
    expect(schemaFile).toBe(join(import.meta.dirname, "../../packages/editor/src/api/schema.d.ts"));
    // A difference means the server's schemas changed: run `npm run generate:api` and commit the file.
    expect(readFileSync(schemaFile, "utf8")).toBe(await apiTypes());
  });
});
