/**
 * Margins are insight derived from the rule and the tally, added to results after some ballots were closed: a
 * ballot closed by an older gavel (its stored result without `margins` and without a step's `needed`/`margin`)
 * still verifies, and tampering with what decides a ballot is still found.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";

describe("verify a ballot closed before results had margins", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("postgres");
  });
  afterAll(async () => {
    await service?.close();
  });

  const post = (url: string, payload?: unknown) => call(service.app, "POST", url, { token: service.tokens.clerk, payload });
  const bypass = (text: string, values: unknown[] = []) =>
    service.server.db.transaction(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = replica");
      return tx.query(text, values);
    });
  const verify = async (id: string) => (await call(service.app, "GET", `/v1/ballots/${id}/audit/verify`, { token: service.tokens.observer })).body as { intact: boolean; problems: { code: string }[] };

  async function closedBallot(): Promise<string> {
    const created = await post("/v1/ballots", { title: "议题", rule: "simple_majority", roster: roster(6) });
    const id = created.body.id as string;
    for (const member of ["R001", "R002", "R003", "R004"]) await post(`/v1/ballots/${id}/attendance`, { member });
    await post(`/v1/ballots/${id}/open`);
    for (const [member, choice] of [["R001", "yes"], ["R002", "yes"], ["R003", "no"]]) await post(`/v1/ballots/${id}/votes`, { member, choice });
    const closed = await post(`/v1/ballots/${id}/close`);
    expect(closed.body.margins.passes).toMatchObject({ count: "yes", needed: 2, margin: 0 });
    return id;
  }

  // The stored result as an older gavel wrote it: no margins, no needed/margin on the steps.
  const olderResult = `UPDATE ballots SET result = (result - 'margins') || jsonb_build_object('explanation',
    (SELECT jsonb_agg(step - 'needed' - 'margin') FROM jsonb_array_elements(result->'explanation') AS step)) WHERE id = $1`;

  it("is intact without margins in the stored result", async () => {
    const id = await closedBallot();
    await bypass(olderResult, [id]);
    const { rows } = await service.server.db.query("SELECT result FROM ballots WHERE id = $1", [id]);
    expect((rows[0] as { result: Record<string, unknown> }).result["margins"]).toBeUndefined();
    expect(await verify(id)).toMatchObject({ intact: true, problems: [] });
  });

  it("still names a changed outcome", async () => {
    const id = await closedBallot();
    await bypass(olderResult, [id]);
    await bypass(`UPDATE ballots SET result = jsonb_set(result, '{outcome}', '"rejected"') WHERE id = $1`, [id]);
    const result = await verify(id);
    expect(result.intact).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain("RESULT_MISMATCH");
  });
});
