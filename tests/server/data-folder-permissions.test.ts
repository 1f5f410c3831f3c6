/** Finding 6: the embedded store's folder is private to its owner (folders 0700, files 0600), also after a ballot ran. */

import { lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@gavel-rules/server";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";

/** Every path under `dir` (itself included) whose mode gives group or others any access. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.mode & 0o077) found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return found;
}

describe("embedded data folder permissions", () => {
  let service: TestService | undefined;
  afterAll(async () => {
    await service?.close();
  });

  it("creates a missing data folder 0700", async () => {
    const parent = mkdtempSync(join(tmpdir(), "gavel-perm-"));
    const previous = process.umask(0o022);
    try {
      const db = await openDatabase({ dataDir: join(parent, "new", "data") });
      await db.close();
      expect(lstatSync(join(parent, "new", "data")).mode & 0o777).toBe(0o700);
      expect(openToOthers(join(parent, "new", "data"))).toEqual([]);
    } finally {
      process.umask(previous);
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("keeps every folder and file private while the service runs a ballot and after it stops", async () => {
    const previous = process.umask(0o022);
    try {
      service = await startTestService("embedded");
    } finally {
      process.umask(previous);
    }
    const dataDir = service.store.options.dataDir!;
    const { clerk } = service.tokens;
    const members = roster(12);
    const created = await call(service.app, "POST", "/v1/ballots", { token: clerk, payload: { title: "权限检查", rule: "major_matter", roster: members, secret: true } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const m of members) await call(service.app, "POST", `/v1/ballots/${id}/attendance`, { token: clerk, payload: { member: m.id } });
    expect((await call(service.app, "POST", `/v1/ballots/${id}/open`, { token: clerk })).status).toBe(200);
    for (const m of members) expect((await call(service.app, "POST", `/v1/ballots/${id}/votes`, { token: clerk, payload: { member: m.id, choice: "yes" } })).status).toBe(201);
    expect((await call(service.app, "POST", `/v1/ballots/${id}/close`, { token: clerk })).status).toBe(200);
    await service.server.db.query("CHECKPOINT");

    expect(openToOthers(dataDir)).toEqual([]);
    await service.server.close();
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
