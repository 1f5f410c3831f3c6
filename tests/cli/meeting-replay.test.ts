/**
 * `gavel meeting replay examples/year-end-meeting/meeting.json`, as documented: in process on a temporary embedded
 * store, and against a running service (--server, --token). The expected 公示 lines are computed here from the
 * example's files with integers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type GavelServer } from "@gavel-rules/server";
import { createPostgresStore, type TestStore } from "../helpers/server-stores";
import { gavel, repoRoot } from "./run-gavel";

const dir = join(repoRoot, "examples/year-end-meeting");
const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
type Paper = { member: string; choice?: string; names?: string[]; ratings?: Record<string, string> };

/** The lines the notice must hold, from the files alone. */
function expectedLines(): string[] {
  const body = read<{ members: unknown[] }>("body.json");
  const plan = read<{ signIns: string[]; proxies: unknown[]; agenda: { seats?: number; subjects?: string[] }[] }>("meeting.json");
  const entitled = body.members.length;
  const present = plan.signIns.length + plan.proxies.length;
  const motion = read<Paper[]>("papers/motion.json");
  const yes = motion.filter((p) => p.choice === "yes").length;
  const passed = present * 3 > entitled * 2 && yes * 2 > entitled;
  const lines = [`应到${entitled}人，实到${present}人（本人签到${plan.signIns.length}人，委托${plan.proxies.length}人）`, `赞成${yes}票，${yes * 2 > entitled ? "超过" : "未超过"}应到人数的一半`];
  lines.push(passed ? "；通过" : "；未通过");
  // Round 1: a paper marking more names than seats is invalid; more than half of those who voted is elected.
  const seats = plan.agenda[2]!.seats!;
  const round1 = read<Paper[]>("papers/election-round1.json");
  const votes = new Map<string, number>();
  for (const p of round1) if (p.names!.length <= seats) for (const n of p.names!) votes.set(n, (votes.get(n) ?? 0) + 1);
  const elected = [...votes].filter(([, v]) => v * 2 > round1.length).sort((a, b) => b[1] - a[1]);
  lines.push(`其中无效${round1.filter((p) => p.names!.length > seats).length}张`, `当选：${elected.map(([n]) => n).join("、")}；尚缺${seats - elected.length}名`);
  // Round 2: the most votes win, with at least one third of the ballots cast.
  const round2 = read<Paper[]>("papers/election-round2.json");
  const votes2 = new Map<string, number>();
  for (const p of round2) for (const n of p.names!) votes2.set(n, (votes2.get(n) ?? 0) + 1);
  const [winner, most] = [...votes2].sort((a, b) => b[1] - a[1])[0]!;
  expect(most * 3 >= round2.length).toBe(true);
  lines.push(`当选：${winner}；应选名额已满，选举完成`);
  const rating = read<Paper[]>("papers/rating.json");
  for (const subject of plan.agenda[1]!.subjects!) {
    const satisfied = rating.filter((p) => p.ratings![subject] === "满意").length;
    lines.push(`${subject}：满意${satisfied}票`);
  }
  return lines;
}

describe("gavel meeting replay", () => {
  let store: TestStore;
  let server: GavelServer;
  let url = "";
  beforeAll(async () => {
    store = await createPostgresStore();
    server = await createServer({ ...store.options, logger: false });
    url = await server.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server?.close();
    await store?.drop();
  });

  it("replays the year-end meeting in process and prints its 公示 and the cadre review", async () => {
    const run = await gavel(["meeting", "replay", "examples/year-end-meeting/meeting.json"], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    for (const line of expectedLines()) expect(run.stdout).toContain(line);
    expect(run.stdout).toMatch(/审计链：第\d+条事件，[0-9a-f]{64}/);
    expect(run.stdout).toContain("考核（cadre_review）");
  }, 240_000); // a fresh embedded store is initialised in the child process (initdb alone takes 5–15 s here)

  it("replays it against a running service, and names the notice's public link", async () => {
    const run = await gavel(["meeting", "replay", join(dir, "meeting.json"), "--server", url, "--token", server.adminToken!], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    for (const line of expectedLines()) expect(run.stdout).toContain(line);
    const link = /公示：(\S+\/v1\/notices\/[A-Za-z0-9_-]{32})/.exec(run.stdout)?.[1];
    expect(link).toBeDefined();
    const html = await fetch(link!);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("居民委员会委员选举");
  }, 120_000);

  it("exits 1 naming the refused step when a paper is refused", async () => {
    const run = await gavel(["meeting", "replay", join(dir, "meeting.json"), "--server", url, "--token", "not-a-token"], repoRoot);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("INVALID_TOKEN");
  });
});
