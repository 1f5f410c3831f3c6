/**
 * A rule file that the service stored compiles again in a fresh process, whatever the length of its operator chains
 * (issue 9, finding 1): ballots pinned to it can always be closed after a restart. Runs the real service as a child
 * process, so the compile after the restart happens on a cold, default-sized stack. Both stores.
 */

import { afterAll, describe, expect, it } from "vitest";
import { roster } from "../helpers/server-client";
import { sendJson, startServerProcess, storeEnv, type ServerProcess } from "../helpers/server-process";
import { createTestStore, type StoreKind, type TestStore } from "../helpers/server-stores";

const TERMS = 4000;

/** A vote whose clauses are chains of TERMS terms of each operator; it means exactly the major-matter vote. */
function longChainVote(): string {
  const zeros = Array.from({ length: TERMS }, () => "0").join(" + ");
  const ones = Array.from({ length: TERMS }, () => "1").join(" * ");
  const truths = Array.from({ length: TERMS }, () => "yes >= 0").join(" and ");
  const falsehoods = Array.from({ length: TERMS }, () => "yes < 0").join(" or ");
  return [
    `vote long_chain "长链票决" {`,
    `  quorum: present * ${ones} + ${zeros} > 2/3 of entitled`,
    `  passes: yes > 1/2 of entitled and ${truths} and not (${falsehoods})`,
    `}`,
    "",
  ].join("\n");
}

describe.each<StoreKind>(["embedded", "postgres"])("long operator chains across a restart (%s store)", (kind) => {
  let store: TestStore | undefined;
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await store?.drop();
  });

  it("stores the rule, and a ballot pinned to it closes after the service is killed and started again", async () => {
    store = await createTestStore(kind);
    const first = await startServerProcess(storeEnv(store));
    processes.push(first);
    const token = first.adminToken!;
    const stored = await sendJson(first.url, token, "PUT", "/v1/rules/long_chain", { source: longChainVote() });
    expect([stored.status, stored.body.error?.code]).toEqual([201, undefined]);

    // Roster 30: 21 present (21 > 20) with 16 yes (16 > 15) passes.
    const members = roster(30);
    const created = await sendJson(first.url, token, "POST", "/v1/ballots", { title: "长链", rule: "long_chain", roster: members });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const member of members.slice(0, 21)) expect((await sendJson(first.url, token, "POST", `/v1/ballots/${id}/attendance`, { member: member.id })).status).toBe(200);
    expect((await sendJson(first.url, token, "POST", `/v1/ballots/${id}/open`)).status).toBe(200);
    for (const [i, member] of members.slice(0, 21).entries()) {
      expect((await sendJson(first.url, token, "POST", `/v1/ballots/${id}/votes`, { member: member.id, choice: i < 16 ? "yes" : "no" })).status).toBe(201);
    }
    await first.kill();

    const second = await startServerProcess(storeEnv(store));
    processes.push(second);
    const closed = await sendJson(second.url, token, "POST", `/v1/ballots/${id}/close`);
    expect([closed.status, closed.body.outcome]).toEqual([200, "passed"]);
    const evaluated = await sendJson(second.url, token, "POST", "/v1/rules/long_chain/evaluate", { input: { entitled: 30, present: 20, yes: 20, no: 0, abstain: 0 } });
    expect([evaluated.status, evaluated.body.outcome]).toEqual([200, "no_quorum"]);
  }, 180_000); // two cold service starts, each compiling the 4,000-term rule: slow on a loaded 2-core machine
});
