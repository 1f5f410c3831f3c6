/** Keeps the embedded store's folder private to its owner: folders 0700, files 0600. */

import { chmodSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Removes group and other access from `path` and everything under it. Measured here: PGlite's initdb writes its
 * ~970 catalog files 0666 whatever the umask (Emscripten's NODEFS sets modes itself), while files PostgreSQL
 * creates later (relations, WAL segments) are 0600 and folders 0700; so one pass at every open is enough.
 */
export function makePrivate(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const wanted = stat.isDirectory() ? PRIVATE_FOLDER : PRIVATE_FILE;
  if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) makePrivate(join(path, entry));
}
