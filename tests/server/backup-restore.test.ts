/**
 * Backup and restore for both stores: a backup of either store restores into an empty store of either kind with every
 * audit chain intact, the same ballots and results, working tokens and the immutability triggers still on; a foreign,
 * cut or newer-schema backup and a non-empty target are refused without restoring anything.
 */

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, openDatabase, restoreBackupFile, RestoreRefusedError, writeBackupFile, type GavelServer } from "@gavel-rules/server";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

describe.each<StoreKind>(["embedded", "postgres"])("a backup of the %s store", (sourceKind) => {
  let service: TestService;
  const folder = mkdtempSync(join(tmpdir(), "gavel-backup-test-"));
  const backup = join(folder, "gavel.backup.jsonl");
  const targets: TestStore[] = [];
  const ballots: { id: string; view: unknown; audit: unknown }[] = [];
  let openBallot = "";

  const clerk = () => service.tokens.clerk;
  async function runBallot(title: string, secret: boolean, size: number, choices: Choice[], close: boolean, rule = "major_matter"): Promise<string> {
    const members = roster(size);
    const created = await call(service.app, "POST", "/v1/ballots", { token: clerk(), payload: { title, rule, roster: members, secret } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const m of members) await call(service.app, "POST", `/v1/ballots/${id}/attendance`, { token: clerk(), payload: { member: m.id } });
    expect((await call(service.app, "POST", `/v1/ballots/${id}/open`, { token: clerk() })).status).toBe(200);
    for (const [i, choice] of choices.entries()) {
      expect((await call(service.app, "POST", `/v1/ballots/${id}/votes`, { token: clerk(), payload: { member: members[i]!.id, choice } })).status).toBe(201);
    }
    if (close) expect((await call(service.app, "POST", `/v1/ballots/${id}/close`, { token: clerk() })).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    service = await startTestService(sourceKind);
    const rule = `vote 小额表决 "小额事项" {\n  quorum: present > 1/2 of entitled  "过半数出席"\n  passes: yes > no  "赞成多于反对"\n}\n`;
    expect((await call(service.app, "PUT", `/v1/rules/${encodeURIComponent("小额表决")}`, { token: service.tokens.author, payload: { source: rule } })).status).toBe(201);
    const ids = [
      await runBallot("公开表决：预算 =SUM(A1)", false, 9, ["yes", "yes", "no", "abstain", "yes", "yes", "no"], true),
      await runBallot("无记名表决：人事", true, 12, ["yes", "no", "no", "yes", "yes", "abstain", "yes", "yes", "yes"], true, "小额表决"),
      await runBallot("仍在进行的无记名表决", true, 6, ["no", "yes"], false),
    ];
    openBallot = ids[2]!;
    for (const id of ids) {
      const view = await call(service.app, "GET", `/v1/ballots/${id}`, { token: service.tokens.observer });
      const audit = await call(service.app, "GET", `/v1/ballots/${id}/audit`, { token: service.tokens.observer });
      const verify = await call(service.app, "GET", `/v1/ballots/${id}/audit/verify`, { token: service.tokens.observer });
      expect(verify.body.intact).toBe(true);
      ballots.push({ id, view: view.body, audit: audit.body });
    }
    const summary = await writeBackupFile(service.server.db, backup);
    expect(summary.rows.audit_events).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await service?.close();
    await Promise.all(targets.map((t) => t.drop()));
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes a private file that never overwrites another", async () => {
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    await expect(writeBackupFile(service.server.db, backup)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(backup, "utf8").split("\n")[0]).toContain('"format":"gavel-backup"');
  });

  it.each<StoreKind>(["embedded", "postgres"])("restores into an empty %s store: every chain intact, same ballots, tokens and triggers", async (targetKind) => {
    const target = await createTestStore(targetKind);
    targets.push(target);
    const restored = await restoreBackupFile(target.options, backup);
    expect(restored.rows.ballots).toBe(3);
    const server: GavelServer = await createServer({ ...target.options, logger: false });
    try {
      expect(server.adminToken).toBeUndefined();
      for (const { id, view, audit } of ballots) {
        expect((await call(server.app, "GET", `/v1/ballots/${id}`, { token: service.tokens.observer })).body).toEqual(view);
        expect((await call(server.app, "GET", `/v1/ballots/${id}/audit`, { token: service.tokens.observer })).body).toEqual(audit);
        const verify = await call(server.app, "GET", `/v1/ballots/${id}/audit/verify`, { token: service.tokens.observer });
        expect(verify.body.intact).toBe(true);
      }
      // The restored open ballot goes on: one vote per member still holds, and its chain stays intact after close.
      const again = await call(server.app, "POST", `/v1/ballots/${openBallot}/votes`, { token: clerk(), payload: { member: "R001", choice: "yes" } });
      expect([again.status, again.body.error?.code]).toEqual([409, "ALREADY_VOTED"]);
      expect((await call(server.app, "POST", `/v1/ballots/${openBallot}/votes`, { token: clerk(), payload: { member: "R003", choice: "yes" } })).status).toBe(201);
      expect((await call(server.app, "POST", `/v1/ballots/${openBallot}/close`, { token: clerk() })).status).toBe(200);
      expect((await call(server.app, "GET", `/v1/ballots/${openBallot}/audit/verify`, { token: service.tokens.observer })).body.intact).toBe(true);
      await expect(server.db.query("UPDATE audit_events SET actor = 'mallory'")).rejects.toThrow(/immutable/);
      await expect(server.db.query("DELETE FROM rule_versions")).rejects.toThrow(/immutable/);
    } finally {
      await server.close();
    }
    // A second restore into the now non-empty store is refused.
    await expect(restoreBackupFile(target.options, backup)).rejects.toMatchObject({ code: "TARGET_NOT_EMPTY" });
  });

  it("refuses a cut backup, a newer schema and a foreign file, restoring nothing", async () => {
    const target = await createTestStore(sourceKind === "embedded" ? "postgres" : "embedded");
    targets.push(target);
    const lines = readFileSync(backup, "utf8").trimEnd().split("\n");
    const cut = join(folder, "cut.jsonl");
    writeFileSync(cut, `${lines.slice(0, -3).join("\n")}\n`);
    await expect(restoreBackupFile(target.options, cut)).rejects.toMatchObject({ code: "INCOMPLETE_BACKUP" });
    const newer = join(folder, "newer.jsonl");
    const header = JSON.parse(lines[0]!) as { schemaVersion: number };
    writeFileSync(newer, [JSON.stringify({ ...header, schemaVersion: 999 }), ...lines.slice(1)].join("\n"));
    await expect(restoreBackupFile(target.options, newer)).rejects.toMatchObject({ code: "NEWER_SCHEMA" });
    const foreign = join(folder, "foreign.csv");
    writeFileSync(foreign, "id,name\n1,张三\n");
    await expect(restoreBackupFile(target.options, foreign)).rejects.toBeInstanceOf(RestoreRefusedError);

    const db = await openDatabase(target.options);
    try {
      expect((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM ballots")).rows[0]!.n).toBe("0");
    } finally {
      await db.close();
    }
    // Nothing was restored, so the whole backup still goes in.
    expect((await restoreBackupFile(target.options, backup)).rows.ballots).toBe(3);
  });
});
