// Generates src/api/schema.d.ts, the editor's API types, from the service's OpenAPI document
// (GET /docs/json of packages/server) with openapi-typescript. Run: npm run generate:api (at the root).
// tests/server/openapi.test.ts fails when the committed file is not what this generates.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "../../server/src/openapi-document.ts";

/** Where the generated types go. */
export const schemaFile = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));

const header = `/**
 * The gavel service's API types, generated from its OpenAPI document (GET /docs/json) by openapi-typescript.
 * Do not edit: change the server's schemas and run \`npm run generate:api\`.
 */

`;

/** The text of schema.d.ts for the server's current OpenAPI document. */
export async function apiTypes() {
  const ast = await openapiTS(await openApiDocument(), { silent: true });
  return header + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, await apiTypes());
  console.log(`wrote ${schemaFile}`);
}
