/**
 * Issue 14: votes on one ballot are group-committed. Many concurrent votes are each acknowledged, stored and chained
 * with consecutive sequence numbers; a vote that fails its checks is refused alone with its usual answer while the
 * rest of its batch is recorded; batches are bounded; a batch the store refuses as a whole falls back to one
 * transaction per vote. Batches are seen in the store itself: the votes of one transaction share its xmin.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainedEvent } from "../../packages/server/src/audit/hash-chain";
import { BallotService } from "../../packages/server/src/ballots/ballot-service";
import { REFUSAL_STATUS } from "../../packages/server/src/http/api-error";
import { Refusal } from "../../packages/server/src/refusal";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";
import type { StoreKind } from "../helpers/server-stores";

type Choice = "yes" | "no" | "abstain";
const CHOICES: readonly Choice[] = ["yes", "no", "abstain", "yes", "no"];

describe.each<StoreKind>(["embedded", "postgres"])("group commit of votes on the %s store", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });
  const get = (url: string) => call(service.app, "GET", url, { token: service.tokens.observer });

  /** An open ballot of `size` members with the first `present` recorded present (through the API, so in the chain). */
  async function openBallot(size: number, present: number, secret = false): Promise<{ id: string; members: string[] }> {
    const created = await post("/v1/ballots", { title: "并发票决", rule: "major_matter", roster: roster(size), secret });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const members = roster(size).map((m) => m.id);
    const answers = await Promise.all(members.slice(0, present).map((member) => post(`/v1/ballots/${id}/attendance`, { member })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect((await post(`/v1/ballots/${id}/open`)).status).toBe(200);
    return { id, members };
  }

  /** The transaction (xmin) of each vote event, by member. */
  async function voteTransactions(id: string): Promise<Map<string, string>> {
    const { rows } = await service.server.db.query<{ member: string; xmin: string }>("SELECT data->>'member' AS member, xmin::text AS xmin FROM audit_events WHERE ballot_id = $1 AND type = 'vote.cast'", [id]);
    return new Map(rows.map((row) => [row.member, row.xmin]));
  }

  /** A settled service call as its answer: "recorded", or the refusal's status and code. */
  const answerOf = (settled: PromiseSettledResult<unknown>): string =>
    settled.status === "fulfilled" ? "recorded" : settled.reason instanceof Refusal ? `${REFUSAL_STATUS[settled.reason.kind]} ${settled.reason.code}` : `error ${String(settled.reason)}`;

  it("acknowledges 150 concurrent votes, stores each once, and chains them without a gap", async () => {
    const { id, members } = await openBallot(150, 150);
    const intended = new Map(members.map((m, i) => [m, CHOICES[i % CHOICES.length]!]));
    const answers = await Promise.all(members.map((member) => post(`/v1/ballots/${id}/votes`, { member, choice: intended.get(member) })));
    expect(answers.map((a) => a.status)).toEqual(members.map(() => 201));
    expect(answers.map((a) => a.body.member)).toEqual(members);

    const ballot = await get(`/v1/ballots/${id}`);
    expect((ballot.body.roster as { voted: boolean }[]).every((m) => m.voted)).toBe(true);
    // Committed together: fewer transactions than votes.
    const transactions = await voteTransactions(id);
    expect(transactions.size).toBe(150);
    expect(new Set(transactions.values()).size).toBeLessThan(150);

    const audit = await get(`/v1/ballots/${id}/audit`);
    const events = audit.body.events as ChainedEvent[];
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === "vote.cast").map((e) => (e.data as { member: string }).member).sort()).toEqual([...members].sort());
    for (const [i, event] of events.entries()) if (i > 0) expect(event.prevHash).toBe(events[i - 1]!.hash);

    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const choice of intended.values()) expected[choice]++;
    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.facts).toMatchObject({ entitled: 150, present: 150, ...expected });
    const votes = (await get(`/v1/ballots/${id}`)).body.votes as { member: string; choice: Choice }[];
    expect(votes).toHaveLength(150);
    for (const vote of votes) expect(vote.choice).toBe(intended.get(vote.member));
    const verify = await get(`/v1/ballots/${id}/audit/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: 1 + 150 + 1 + 150 + 1 });
  });

  it("refuses only the bad votes of a batch, each with its usual answer", async () => {
    const { id, members } = await openBallot(10, 8);
    const ballots = service.server.services.ballots;
    expect((await post(`/v1/ballots/${id}/votes`, { member: members[0], choice: "yes" })).status).toBe(201);
    // Submitted in one turn of the event loop, so they go to the same commit.
    const batch: [string, Choice][] = [
      [members[1]!, "yes"],
      [members[9]!, "no"], // on the roster, not present
      [members[2]!, "no"],
      ["R999", "yes"], // not on the roster
      [members[0]!, "no"], // voted before this batch
      [members[3]!, "abstain"],
      [members[2]!, "yes"], // twice in this batch: the first counts
      [members[4]!, "yes"],
    ];
    const settled = await Promise.allSettled(batch.map(([member, choice]) => ballots.castVote(id, member, choice, "clerk-token")));
    expect(settled.map(answerOf)).toEqual(["recorded", "409 NOT_PRESENT", "recorded", "422 NOT_ON_ROSTER", "409 ALREADY_VOTED", "recorded", "409 ALREADY_VOTED", "recorded"]);
    const transactions = await voteTransactions(id);
    expect(new Set([1, 2, 3, 4].map((i) => transactions.get(members[i]!))).size).toBe(1);
    expect(transactions.get(members[0]!)).not.toBe(transactions.get(members[1]!));

    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.body.facts).toMatchObject({ entitled: 10, present: 8, yes: 3, no: 1, abstain: 1 });
    const votes = (await get(`/v1/ballots/${id}`)).body.votes as { member: string; choice: Choice }[];
    expect(votes).toEqual([
      { member: members[0], choice: "yes" },
      { member: members[1], choice: "yes" },
      { member: members[2], choice: "no" },
      { member: members[3], choice: "abstain" },
      { member: members[4], choice: "yes" },
    ]);
    expect((await get(`/v1/ballots/${id}/audit/verify`)).body).toMatchObject({ intact: true, events: 1 + 8 + 1 + 5 + 1 });
  });

  it("answers 409 ALREADY_VOTED to a second vote on a secret ballot, in the same batch and after it", async () => {
    const { id, members } = await openBallot(6, 6, true);
    const ballots = service.server.services.ballots;
    const settled = await Promise.allSettled([
      ballots.castVote(id, members[0]!, "yes", "clerk-token"),
      ballots.castVote(id, members[1]!, "no", "clerk-token"),
      ballots.castVote(id, members[0]!, "no", "clerk-token"),
      ballots.castVote(id, members[2]!, "abstain", "clerk-token"),
    ]);
    expect(settled.map(answerOf)).toEqual(["recorded", "recorded", "409 ALREADY_VOTED", "recorded"]);
    const again = await post(`/v1/ballots/${id}/votes`, { member: members[1], choice: "yes" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_VOTED");
    // Concurrent through HTTP: exactly one of two votes of one member is recorded.
    const pair = await Promise.all([post(`/v1/ballots/${id}/votes`, { member: members[3], choice: "yes" }), post(`/v1/ballots/${id}/votes`, { member: members[3], choice: "no" })]);
    expect(pair.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(pair.find((a) => a.status === 409)!.body.error.code).toBe("ALREADY_VOTED");
    const recordedChoice = pair[0]!.status === 201 ? "yes" : "no";

    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.body.facts).toMatchObject({ entitled: 6, present: 6, yes: recordedChoice === "yes" ? 2 : 1, no: recordedChoice === "no" ? 2 : 1, abstain: 1 });
    const events = (await get(`/v1/ballots/${id}/audit`)).body.events as ChainedEvent[];
    // A secret ballot's vote events say who voted, never what.
    for (const event of events.filter((e) => e.type === "vote.cast")) expect(Object.keys(event.data as object)).toEqual(["member"]);
    expect((await get(`/v1/ballots/${id}/audit/verify`)).body).toMatchObject({ intact: true, events: 1 + 6 + 1 + 4 + 1 });
  });

  it("puts at most maxVoteBatch votes in one transaction", async () => {
    const { id, members } = await openBallot(10, 10);
    const bounded = new BallotService(service.server.db, service.server.services.rules, { maxVoteBatch: 4 });
    const settled = await Promise.allSettled(members.map((member) => bounded.castVote(id, member, "yes", "clerk-token")));
    expect(settled.map(answerOf)).toEqual(members.map(() => "recorded"));
    const sizes = new Map<string, number>();
    for (const xmin of (await voteTransactions(id)).values()) sizes.set(xmin, (sizes.get(xmin) ?? 0) + 1);
    expect([...sizes.values()].sort()).toEqual([2, 4, 4]);
    expect((await get(`/v1/ballots/${id}/audit/verify`)).body).toMatchObject({ intact: true, events: 1 + 10 + 1 + 10 });
  });

  it("retries each vote alone when the store refuses the batch as a whole, so only the one at fault fails", async () => {
    const { id, members } = await openBallot(4, 4);
    const ballots = service.server.services.ballots;
    // PostgreSQL cannot store NUL in text: the batch's own statement fails, and each vote is then committed alone.
    const settled = await Promise.allSettled([
      ballots.castVote(id, members[0]!, "yes", "clerk-token"),
      ballots.castVote(id, "R\u0000", "yes", "clerk-token"),
      ballots.castVote(id, members[1]!, "no", "clerk-token"),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const transactions = await voteTransactions(id);
    expect(transactions.size).toBe(2);
    expect(transactions.get(members[0]!)).not.toBe(transactions.get(members[1]!));
    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.body.facts).toMatchObject({ entitled: 4, present: 4, yes: 1, no: 1, abstain: 0 });
    expect((await get(`/v1/ballots/${id}/audit/verify`)).body).toMatchObject({ intact: true, events: 1 + 4 + 1 + 2 + 1 });
  });
});
