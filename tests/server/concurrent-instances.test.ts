/** Two service instances on one PostgreSQL, 200 members voting through both at once with duplicate and retried requests. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { roster } from "../helpers/server-client";
import { createPostgresStore, type TestStore } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";

describe("two instances behind a load balancer, one PostgreSQL", () => {
  let store: TestStore;
  let instances: GavelServer[] = [];
  let urls: string[] = [];
  let admin = "";

  beforeAll(async () => {
    store = await createPostgresStore();
    // Both start together on an empty database: migrations and the first admin token must happen once.
    instances = await Promise.all([createServer({ ...store.options }), createServer({ ...store.options })]);
    const issued = instances.map((i) => i.adminToken).filter((t): t is string => t !== undefined);
    expect(issued).toHaveLength(1);
    admin = issued[0]!;
    urls = await Promise.all(instances.map((i) => i.app.listen({ port: 0, host: "127.0.0.1" })));
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await store?.drop();
  });

  async function send(instance: number, method: string, path: string, body?: unknown, token = admin) {
    const response = await fetch(`${urls[instance % urls.length]}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it("counts exactly one vote per member and the right tally, with an intact audit chain", async () => {
    const clerk = (await send(0, "POST", "/v1/tokens", { name: "clerk", role: "clerk" })).body.token as string;
    const members = roster(200);
    const created = await send(0, "POST", "/v1/ballots", { title: "二百人票决", rule: "major_matter", roster: members }, clerk);
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // 190 present, recorded through both instances at once (each member twice).
    const present = members.slice(0, 190);
    const attendance = await Promise.all(present.flatMap((m, i) => [send(i, "POST", `/v1/ballots/${id}/attendance`, { member: m.id }, clerk), send(i + 1, "POST", `/v1/ballots/${id}/attendance`, { member: m.id }, clerk)]));
    expect(attendance.every((r) => r.status === 200)).toBe(true);
    expect(attendance.filter((r) => r.body.alreadyPresent === false)).toHaveLength(190);
    expect((await send(1, "POST", `/v1/ballots/${id}/open`, undefined, clerk)).status).toBe(200);

    // Everyone on the roster tries: the 10 absent are refused. Each present member's vote goes to both
    // instances at once, and is retried on both once the first answers arrive.
    const intended = new Map<string, Choice>(members.map((m, i) => [m.id, i % 5 === 0 ? "no" : i % 7 === 0 ? "abstain" : "yes"]));
    const perMember = await Promise.all(
      members.map(async (m, i) => {
        const vote = (instance: number) => send(instance, "POST", `/v1/ballots/${id}/votes`, { member: m.id, choice: intended.get(m.id) }, clerk);
        const first = await Promise.all([vote(i), vote(i + 1)]);
        const retries = await Promise.all([vote(i), vote(i + 1)]);
        return { member: m.id, answers: [...first, ...retries] };
      }),
    );
    for (const { member, answers } of perMember) {
      const isPresent = present.some((p) => p.id === member);
      if (isPresent) {
        expect(answers.filter((a) => a.status === 201), member).toHaveLength(1);
        expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(["ALREADY_VOTED", "ALREADY_VOTED", "ALREADY_VOTED"]);
      } else {
        expect(answers.map((a) => a.body.error?.code)).toEqual(["NOT_PRESENT", "NOT_PRESENT", "NOT_PRESENT", "NOT_PRESENT"]);
      }
    }

    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const m of present) expected[intended.get(m.id)!]++;
    const closed = await send(0, "POST", `/v1/ballots/${id}/close`, undefined, clerk);
    expect(closed.status).toBe(200);
    expect(closed.body.facts).toMatchObject({ entitled: 200, present: 190, ...expected });
    expect(closed.body.outcome).toBe(expected.yes * 2 > 200 ? "passed" : "rejected");

    const stored = await instances[1]!.db.query<{ n: string }>("SELECT COUNT(*) AS n FROM voters WHERE ballot_id = $1", [id]);
    expect(Number(stored.rows[0]!.n)).toBe(190);
    const ballot = await send(1, "GET", `/v1/ballots/${id}`, undefined, clerk);
    for (const v of ballot.body.votes as { member: string; choice: Choice }[]) expect(v.choice).toBe(intended.get(v.member));
    const verify = await send(1, "GET", `/v1/ballots/${id}/audit/verify`, undefined, clerk);
    expect(verify.body).toMatchObject({ intact: true, events: 1 + 190 + 1 + 190 + 1 });
  });
});
