/** An exclusive lock on the embedded data folder, so a second process cannot open the same PGlite files. */

import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** Thrown when another live process already holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`The data folder ${dataDir} is in use by another gavel process (pid ${holderPid}). Stop it first, or choose another folder with --data.`);
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  release(): void;
}

/** Lock files this process holds: a lock file with our pid that is not in here was left by an earlier process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file `gavel.lock` in `dataDir`, holding this process id.
 * A pid file (not an mtime-based lock such as proper-lockfile's) frees the folder at once when the holder was
 * killed with SIGKILL: a restart must not wait for a staleness timeout. The folder is local, so the pid is meaningful.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, "gavel.lock");
  const content = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, content, { flag: "wx", mode: 0o600 });
      heldHere.add(path);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(path);
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid?: unknown; host?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(path, "utf8")) as typeof holder;
    } catch {
      // A half-written or unreadable lock file: treat as stale.
    }
    const pid = typeof holder.pid === "number" ? holder.pid : 0;
    const sameHost = holder.host === undefined || holder.host === hostname();
    if (pid > 0 && pid !== process.pid && (!sameHost || isAlive(pid))) throw new DataDirLockedError(dataDir, pid);
    // Our own pid: held by this process, or left by an earlier one that got the same pid (a restarted container
    // runs the service under the same pid every time), which is stale.
    if (pid === process.pid && (heldHere.has(path) || !sameHost)) throw new DataDirLockedError(dataDir, pid);
    try {
      unlinkSync(path);
    } catch {
      // Another process removed the stale file first; retry the exclusive create.
    }
  }
  throw new DataDirLockedError(dataDir, 0);
}
