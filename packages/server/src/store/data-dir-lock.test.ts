import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.ts";

describe("data folder lock", () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), "gavel-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second holder while the first holds it, and frees the folder on release", () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, "gavel.lock"), "utf8")).pid).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir).release();
  });

  it("refuses a folder held by another live process", () => {
    const dir = folder();
    // The parent of this process is alive for the whole test.
    writeFileSync(join(dir, "gavel.lock"), JSON.stringify({ pid: process.ppid, host: hostname() }));
    expect(() => lockDataDir(dir)).toThrow(/in use by another gavel process/);
  });

  it("takes over the lock of a process that died without releasing it (kill -9)", () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(join(dir, "gavel.lock"), JSON.stringify({ pid: Number(dead.stdout), host: hostname() }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, "gavel.lock"), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a stale lock that carries this process's own pid (a container restarted after kill -9 reuses its pid)", () => {
    const dir = folder();
    writeFileSync(join(dir, "gavel.lock"), JSON.stringify({ pid: process.pid, host: hostname() }));
    const lock = lockDataDir(dir);
    // Held now by this process: a second open in the same process is still refused.
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir).release();
  });
});
