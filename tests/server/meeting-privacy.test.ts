/**
 * A secret election or rating of a meeting keeps who voted apart from what, as a secret ballot does: the store holds
 * one counter row per candidate (or subject and level), never a row per paper, and each paper rewrites every
 * counter of its item, so row order, ctid and xmin say nothing about which names a voter marked. Read as the owner
 * of the tables, at every paper, on both stores.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

const CANDIDATES = ["王建国", "李秀英", "张伟", "刘洋", "陈敏"];

describe.each<StoreKind>(["embedded", "postgres"])("secret meeting items on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });

  it("stores counters only, every one rewritten by each paper, and logs who voted without what", async () => {
    const members = Array.from({ length: 12 }, (_, i) => ({ id: `v${i + 1}`, name: `代表${i + 1}` }));
    const body = await post("/v1/bodies", { name: "保密测试", members });
    const meeting = (await post("/v1/meetings", { title: "保密选举", body: body.body.id })).body.id as string;
    for (const m of members) await post(`/v1/meetings/${meeting}/sign-ins`, { member: m.id });
    const election = (await post(`/v1/meetings/${meeting}/items`, { kind: "election", title: "选举", rule: "village_committee", seats: 2, candidates: CANDIDATES })).body;
    const db = service.server.db;
    const counters = async () =>
      (await db.query<{ ctid: string; xmin: string; option: string; count: number }>("SELECT ctid::text AS ctid, xmin::text AS xmin, option, count FROM item_counts WHERE item_id = $1 ORDER BY ctid", [election.id])).rows;
    const expected = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
    let invalid = 0;
    for (const [i, m] of members.entries()) {
      const names = i % 5 === 4 ? CANDIDATES.slice(0, 3) : [CANDIDATES[i % 5]!, CANDIDATES[(i * 3 + 1) % 5]!].filter((n, k, all) => all.indexOf(n) === k);
      const cast = await post(`/v1/meetings/${meeting}/items/${election.id}/votes`, { member: m.id, names });
      expect(cast.status, cast.text).toBe(201);
      if (names.length > 2) invalid++;
      else for (const n of names) expected.set(n, expected.get(n)! + 1);
      const rows = await counters();
      // One row per candidate and one for invalid papers, whatever the number of papers so far.
      expect(rows.map((r) => r.option).sort()).toEqual([...CANDIDATES, "invalid"].sort());
      // Every counter carries this paper's transaction: the paper's names are not told apart from the others.
      expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    }
    const rows = await counters();
    expect(Object.fromEntries(rows.filter((r) => r.option !== "invalid").map((r) => [r.option, Number(r.count)]))).toEqual(Object.fromEntries(expected));
    expect(Number(rows.find((r) => r.option === "invalid")!.count)).toBe(invalid);
    // No paper beside its voter: no rows in item_papers, and the log says who voted only.
    expect((await db.query("SELECT 1 FROM item_papers WHERE item_id = $1", [election.id])).rowCount).toBe(0);
    const events = (await call(service.app, "GET", `/v1/meetings/${meeting}/audit`, { token: service.tokens.observer })).body.events as { type: string; data: Record<string, unknown> }[];
    const votes = events.filter((e) => e.type === "vote.cast");
    expect(votes.map((e) => Object.keys(e.data).sort())).toEqual(members.map(() => ["by", "item", "member"]));
    // Before close the API shows how many voted, not what.
    const item = (await call(service.app, "GET", `/v1/meetings/${meeting}/items/${election.id}`, { token: service.tokens.observer })).body;
    expect([item.voted, item.tally, item.result]).toEqual([12, null, null]);
  });
});
