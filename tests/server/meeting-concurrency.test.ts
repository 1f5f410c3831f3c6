/**
 * Two service instances on one PostgreSQL: every sign-in and every paper of a meeting is sent to both at once and
 * retried on both; exactly one sign-in and one paper per member and item must count, and the chain stays intact.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { createPostgresStore, type TestStore } from "../helpers/server-stores";

type Answer = { status: number; body: any };

describe("a meeting through two instances on one PostgreSQL", () => {
  let store: TestStore;
  let instances: GavelServer[] = [];
  let urls: string[] = [];
  let admin = "";

  beforeAll(async () => {
    store = await createPostgresStore();
    instances = await Promise.all([createServer({ ...store.options }), createServer({ ...store.options })]);
    admin = instances.map((i) => i.adminToken).find((t): t is string => t !== undefined)!;
    urls = await Promise.all(instances.map((i) => i.app.listen({ port: 0, host: "127.0.0.1" })));
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await store?.drop();
  });

  async function send(instance: number, method: string, path: string, body?: unknown, token = admin): Promise<Answer> {
    const response = await fetch(`${urls[instance % urls.length]}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Sends the same request to both instances at once, then retries it on both. */
  async function fourTimes(i: number, path: string, body: unknown, token: string): Promise<Answer[]> {
    const first = await Promise.all([send(i, "POST", path, body, token), send(i + 1, "POST", path, body, token)]);
    const retries = await Promise.all([send(i, "POST", path, body, token), send(i + 1, "POST", path, body, token)]);
    return [...first, ...retries];
  }

  it("counts one sign-in and one paper per member and item", async () => {
    const clerk = (await send(0, "POST", "/v1/tokens", { name: "clerk", role: "clerk" })).body.token as string;
    const members = Array.from({ length: 40 }, (_, i) => ({ id: `m${i + 1}`, name: `代表${i + 1}` }));
    const body = await send(0, "POST", "/v1/bodies", { name: "并发代表", members }, clerk);
    const meeting = (await send(1, "POST", "/v1/meetings", { title: "并发会议", body: body.body.id }, clerk)).body.id as string;
    const present = members.slice(0, 36).map((m) => m.id);

    const signIns = await Promise.all(present.map((member, i) => fourTimes(i, `/v1/meetings/${meeting}/sign-ins`, { member }, clerk)));
    for (const answers of signIns) {
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(["ALREADY_SIGNED_IN", "ALREADY_SIGNED_IN", "ALREADY_SIGNED_IN"]);
    }

    const election = (await send(0, "POST", `/v1/meetings/${meeting}/items`, { kind: "election", title: "选举", rule: "village_committee", seats: 1, candidates: ["甲", "乙"] }, clerk)).body;
    const motion = (await send(1, "POST", `/v1/meetings/${meeting}/items`, { kind: "motion", title: "议题", rule: "residents_meeting" }, clerk)).body;
    // A motion's ballot is voted through its meeting only.
    expect((await send(0, "POST", `/v1/ballots/${motion.ballot}/votes`, { member: "m1", choice: "yes" }, clerk)).body.error.code).toBe("BALLOT_OF_MEETING");

    const papers = await Promise.all(
      members.flatMap((m, i) => [
        fourTimes(i, `/v1/meetings/${meeting}/items/${election.id}/votes`, { member: m.id, names: [i % 3 === 0 ? "乙" : "甲"] }, clerk).then((a) => ({ member: m.id, a })),
        fourTimes(i + 1, `/v1/meetings/${meeting}/items/${motion.id}/votes`, { member: m.id, choice: i % 4 === 0 ? "no" : "yes" }, clerk).then((a) => ({ member: m.id, a })),
      ]),
    );
    for (const { member, a } of papers) {
      if (present.includes(member)) {
        expect(a.filter((x) => x.status === 201), member).toHaveLength(1);
        expect(a.filter((x) => x.status === 409).map((x) => x.body.error.code)).toEqual(["ALREADY_VOTED", "ALREADY_VOTED", "ALREADY_VOTED"]);
      } else {
        expect(a.map((x) => x.body.error?.code)).toEqual(["NOT_SIGNED_IN", "NOT_SIGNED_IN", "NOT_SIGNED_IN", "NOT_SIGNED_IN"]);
      }
    }

    const indexOf = (id: string) => members.findIndex((m) => m.id === id);
    const yi = present.filter((id) => indexOf(id) % 3 === 0).length;
    const no = present.filter((id) => indexOf(id) % 4 === 0).length;
    const closedElection = await send(0, "POST", `/v1/meetings/${meeting}/items/${election.id}/close`, undefined, clerk);
    expect(closedElection.body.item.tally).toMatchObject({ registered: 40, voters: 36, ballots: 36, invalid: 0, candidates: { 甲: 36 - yi, 乙: yi } });
    const closedMotion = await send(1, "POST", `/v1/meetings/${meeting}/items/${motion.id}/close`, undefined, clerk);
    expect(closedMotion.body.item.tally).toMatchObject({ entitled: 40, present: 36, yes: 36 - no, no, abstain: 0 });
    const verify = await send(0, "GET", `/v1/meetings/${meeting}/audit/verify`, undefined, clerk);
    expect(verify.body.intact, JSON.stringify(verify.body.problems)).toBe(true);
    // created + 36 sign-ins + 2 items opened + 72 papers + 2 closes.
    expect(verify.body.events).toBe(1 + 36 + 2 + 72 + 2);
  });
});
