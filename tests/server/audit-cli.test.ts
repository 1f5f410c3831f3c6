/** `gavel audit head` and `gavel audit verify --head` against a listening service: the head kept outside the database catches a rewrite. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo, runCli } from "@gavel-rules/cli";
import { call, roster, startTestService, type TestService } from "../helpers/server-client";

describe("gavel audit against a running service (embedded store)", () => {
  let service: TestService;
  let url: string;
  beforeAll(async () => {
    service = await startTestService("embedded");
    url = await service.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await service?.close();
  });

  const gavel = async (args: string[], env: Record<string, string> = {}) => {
    const io = memoryIo({ env });
    const code = await runCli(args, io);
    return { code, out: io.out, err: io.err };
  };

  it("prints the head to keep, verifies against it, and fails once history before it is rewritten", async () => {
    const post = (path: string, payload?: unknown) => call(service.app, "POST", path, { token: service.tokens.clerk, payload });
    const id = (await post("/v1/ballots", { title: "审计链头", rule: "simple_majority", roster: roster(3) })).body.id as string;
    for (const member of ["R001", "R002", "R003"]) await post(`/v1/ballots/${id}/attendance`, { member });
    await post(`/v1/ballots/${id}/open`);
    for (const member of ["R001", "R002"]) await post(`/v1/ballots/${id}/votes`, { member, choice: "yes" });
    expect((await post(`/v1/ballots/${id}/close`)).status).toBe(200);

    const head = await gavel(["audit", "head", id, "--url", url, "--token", service.tokens.observer]);
    expect(head.code).toBe(0);
    const kept = JSON.parse(head.out) as { ballot: string; seq: number; hash: string; state: string };
    expect(kept).toMatchObject({ ballot: id, seq: 8, state: "closed" });
    expect(kept.hash).toMatch(/^[0-9a-f]{64}$/);

    // The URL and token may come from the environment.
    const ok = await gavel(["audit", "verify", id, "--head", kept.hash], { GAVEL_URL: url, GAVEL_TOKEN: service.tokens.observer });
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining("intact: 8 events")]);

    const unknown = await gavel(["audit", "verify", id, "--head", "e".repeat(64), "--url", url, "--token", service.tokens.observer]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain("ANCHOR_NOT_FOUND");

    expect((await gavel(["audit", "verify", id, "--head", "nothex", "--url", url, "--token", service.tokens.observer])).code).toBe(2);
    expect((await gavel(["audit", "head", id, "--url", url])).code).toBe(2);
    const refused = await gavel(["audit", "head", id, "--url", url, "--token", "gvl_wrong"]);
    expect([refused.code, refused.err]).toEqual([1, expect.stringContaining("401 INVALID_TOKEN")]);
    expect((await gavel(["audit", "head", "no-such-ballot", "--url", url, "--token", service.tokens.observer])).err).toContain("404 BALLOT_NOT_FOUND");

    // A tampered store: verify exits 1 and names what.
    await service.server.db.transaction(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = replica");
      await tx.query("UPDATE ballots SET tally = jsonb_set(tally, '{yes}', '3') WHERE id = $1", [id]);
    });
    const tampered = await gavel(["audit", "verify", id, "--url", url, "--token", service.tokens.observer, "--lang", "zh"]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain("不完好");
    expect(tampered.out).toContain("TALLY_MISMATCH");
  });
});
