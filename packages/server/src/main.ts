/** `npm start`: the service with the editor on one port, embedded store in ./.gavel-data unless DATABASE_URL is set. */

import { startServer } from "./index.ts";

const port = Number(process.env.PORT ?? 3000);
const server = await startServer({
  port,
  host: process.env.HOST,
  dataDir: process.env.GAVEL_DATA ?? ".gavel-data",
  databaseUrl: process.env.DATABASE_URL || undefined,
});
process.stderr.write(`gavel listening on ${server.url} (${server.db.kind} store)\n`);

