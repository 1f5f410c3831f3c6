/** A service killed with SIGKILL in the middle of a vote storm, then restarted, has lost no acknowledged vote. */

import { afterAll, describe, expect, it } from "vitest";
import { roster } from "../helpers/server-client";
import { sendJson, startServerProcess, storeEnv, type ServerProcess } from "../helpers/server-process";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

describe.each<StoreKind>(["embedded", "postgres"])("SIGKILL during a vote storm on the %s store", (kind) => {
  let store: TestStore | undefined;
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await store?.drop();
  });


  it("keeps every acknowledged vote across the crash", async () => {
    store = await createTestStore(kind);
    const first = await startServerProcess(storeEnv(store));
    processes.push(first);
    const token = first.adminToken!;
    expect(token).toMatch(/^gvl_/);

    const members = roster(200);
    const intended = new Map<string, Choice>(members.map((m, i) => [m.id, (["yes", "no", "abstain", "yes"] as const)[i % 4]!]));
    const created = await sendJson(first.url, token, "POST", "/v1/ballots", { title: "断电票决", rule: "major_matter", roster: members });
    const id = created.body.id as string;
    for (let i = 0; i < members.length; i += 50) {
      await Promise.all(members.slice(i, i + 50).map((m) => sendJson(first.url, token, "POST", `/v1/ballots/${id}/attendance`, { member: m.id })));
    }
    expect((await sendJson(first.url, token, "POST", `/v1/ballots/${id}/open`)).status).toBe(200);

    // The storm: 16 clients voting as fast as the service acknowledges; SIGKILL once 80 votes are acknowledged.
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    const queue = [...members];
    let killed: Promise<void> | undefined;
    const client = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        sent.add(m.id);
        try {
          const answer = await sendJson(first.url, token, "POST", `/v1/ballots/${id}/votes`, { member: m.id, choice: intended.get(m.id) });
          if (answer.status === 201) acknowledged.add(m.id);
        } catch {
          return; // the connection died with the process: this vote's fate is unknown
        }
        if (acknowledged.size >= 80 && !killed) killed = first.kill();
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    await killed;
    expect(first.child.signalCode).toBe("SIGKILL");
    // How many were acknowledged before the kill landed is up to the scheduler (with group commit, a whole batch at
    // once); what must hold is below: every acknowledged vote is stored, and nothing that was never sent.
    expect(acknowledged.size).toBeGreaterThanOrEqual(80);

    const second = await startServerProcess(storeEnv(store));
    processes.push(second);
    expect(second.adminToken).toBeUndefined();
    const ballot = await sendJson(second.url, token, "GET", `/v1/ballots/${id}`);
    expect(ballot.status).toBe(200);
    const voted = new Set((ballot.body.roster as { id: string; voted: boolean }[]).filter((m) => m.voted).map((m) => m.id));
    const lost = [...acknowledged].filter((m) => !voted.has(m));
    expect(lost).toEqual([]);
    expect([...voted].filter((m) => !sent.has(m))).toEqual([]);
    expect((await sendJson(second.url, token, "GET", `/v1/ballots/${id}/audit/verify`)).body.intact).toBe(true);

    // Everyone votes again after the restart: stored votes answer ALREADY_VOTED, the rest are recorded.
    for (let i = 0; i < members.length; i += 50) {
      const batch = members.slice(i, i + 50);
      const answers = await Promise.all(batch.map((m) => sendJson(second.url, token, "POST", `/v1/ballots/${id}/votes`, { member: m.id, choice: intended.get(m.id) })));
      answers.forEach((answer, j) => expect(answer.status === 201 ? "recorded" : answer.body.error.code).toBe(voted.has(batch[j]!.id) ? "ALREADY_VOTED" : "recorded"));
    }
    const closed = await sendJson(second.url, token, "POST", `/v1/ballots/${id}/close`);
    expect(closed.body.facts).toMatchObject({ entitled: 200, present: 200, yes: 100, no: 50, abstain: 50 });
    const audit = await sendJson(second.url, token, "GET", `/v1/ballots/${id}/audit/verify`);
    expect(audit.body).toMatchObject({ intact: true, events: 1 + 200 + 1 + 200 + 1 });
  });
});
