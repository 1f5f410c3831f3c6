/**
 * The meeting view in Chromium, in Chinese: the year-end meeting is replayed into a running service with the documented
 * command, then the view lists it and shows its agenda, counts and results; every expected number is counted here from
 * the meeting's own files (examples/year-end-meeting), not by the engine. Try it draws an election round as a chart.
 * Every test has its own browser profile; the live-counts test has its own service (it opens a meeting and signs
 * members in), the others share one where the meeting was replayed and the rating rule stored before the first of
 * them ran, and only read it: any test runs alone (`-t`) or in any order (fresh-workbench.ts).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gavel, repoRoot } from "../cli/run-gavel";
import { ownService, sharedService, workbenchOn } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";

const MEETING_DIR = join(repoRoot, "examples/year-end-meeting");
const read = <T>(file: string): T => JSON.parse(readFileSync(join(MEETING_DIR, file), "utf8")) as T;

interface MeetingFile {
  title: string;
  body: string;
  signIns: string[];
  proxies: { member: string; holder: string }[];
  agenda: { kind: string; title: string; seats?: number; candidates?: string[]; subjects?: string[]; votes?: string; rounds?: string[] }[];
}
type ElectionPaper = { member: string; names: string[] };

const meeting = read<MeetingFile>("meeting.json");
const body = read<{ members: unknown[] }>(meeting.body);

/** One election round counted by hand: a paper naming more than `seats` names is invalid; the rest add a vote per name. */
function countRound(papers: ElectionPaper[], candidates: string[], seats: number) {
  const votes = new Map(candidates.map((c) => [c, 0]));
  let invalid = 0;
  for (const paper of papers) {
    if (paper.names.length > seats) invalid++;
    else for (const name of paper.names) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  return { votes, invalid, ballots: papers.length, voters: papers.length };
}

/** The top `seats` of those who meet `qualifies` (no ties at the last seat in this meeting: asserted). */
function electedOf(votes: Map<string, number>, seats: number, qualifies: (n: number) => boolean): string[] {
  const ranked = [...votes].filter(([, n]) => qualifies(n)).sort((a, b) => b[1] - a[1]);
  if (ranked.length > seats) expect(ranked[seats - 1]![1]).toBeGreaterThan(ranked[seats]![1]);
  return ranked.slice(0, seats).map(([name]) => name);
}

/** The year-end meeting replayed with the documented command, and the rating rule stored. Only read. */
const replayed = sharedService(async (service) => {
  const run = await gavel(["meeting", "replay", "examples/year-end-meeting/meeting.json", "--server", service.baseUrl, "--token", service.token], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  await service.putRule("cadre_rating", readFileSync(join(repoRoot, "examples/democratic-rating.gavel"), "utf8"));
});

describe("the meeting view", { timeout: 240_000 }, () => {
  it("shows the replayed year-end meeting: agenda, counts and results, with the 公示 link", async () => {
    const service = await replayed();
    const { browser, wb } = await workbenchOn(service, { locale: "zh-CN", withToken: true });

    await wb.open();
    await wb.page.click("gavel-activity-bar [data-view=meetings]");
    await wb.page.waitForSelector("gavel-meetings li[data-id]");
    expect(await wb.page.textContent("gavel-meetings li[data-id] .name")).toBe(meeting.title);
    await wb.page.click("gavel-meetings li[data-id]");
    await wb.page.waitForSelector("gavel-meetings .meeting[data-state=closed]");

    // Counts: the roster, the sign-ins and the proxies of the files.
    const count = (id: string) => wb.page.textContent(`gavel-meetings [data-count=${id}] .n`);
    expect(await count("entitled")).toBe(String(body.members.length));
    expect(await count("signedIn")).toBe(String(meeting.signIns.length));
    expect(await count("proxies")).toBe(String(meeting.proxies.length));
    expect(await count("present")).toBe(String(meeting.signIns.length + meeting.proxies.length));
    const present = meeting.signIns.length + meeting.proxies.length;

    // Agenda: one item per entry, an election once per round; every paper file is one paper per voter.
    const [motion, rating, election] = meeting.agenda;
    const expectedItems = [
      { kind: "motion", title: motion!.title, round: "", voted: read<unknown[]>(motion!.votes!).length },
      { kind: "rating", title: rating!.title, round: "", voted: read<unknown[]>(rating!.votes!).length },
      ...election!.rounds!.map((file, i) => ({ kind: "election", title: election!.title, round: String(i + 1), voted: read<unknown[]>(file).length })),
    ];
    const items = await wb.page.$$eval("gavel-meetings li.item", (lis) =>
      lis.map((li) => ({
        kind: li.getAttribute("data-kind"), state: li.getAttribute("data-state"), round: li.getAttribute("data-round"),
        voted: Number(li.getAttribute("data-voted")), title: li.querySelector(".title")?.textContent ?? "",
      })));
    expect(items.map(({ state, ...rest }) => rest)).toEqual(expectedItems.map((e) => ({ ...e, title: expect.stringContaining(e.title) as unknown as string })));
    expect(items.every((i) => i.state === "closed")).toBe(true);
    expect(await wb.page.textContent("gavel-meetings li.item[data-kind=election][data-round='2'] .round")).toBe("第 2 轮");

    // The motion: 要事票决 passes when more than 2/3 of the roster is present and more than half of it says yes.
    const choices = read<{ choice: string }[]>(motion!.votes!);
    const yes = choices.filter((c) => c.choice === "yes").length;
    const entitled = body.members.length;
    const passes = 3 * present > 2 * entitled && 2 * yes > entitled;
    const motionResult = wb.page.locator("gavel-meetings li.item[data-kind=motion] .result");
    expect(await motionResult.getAttribute("data-outcome")).toBe(passes ? "passed" : "rejected");
    expect(await motionResult.textContent()).toContain(`赞成 ${yes}，反对 ${choices.filter((c) => c.choice === "no").length}，弃权 ${choices.filter((c) => c.choice === "abstain").length}`);

    // The rating: each subject's count per level, from the papers.
    const ratings = read<{ ratings: Record<string, string> }[]>(rating!.votes!);
    for (const subject of rating!.subjects!) {
      for (const level of ["满意", "基本满意", "不满意"]) {
        const n = ratings.filter((r) => r.ratings[subject] === level).length;
        expect(await wb.page.getAttribute(`gavel-meetings [data-subject='${subject}'] [data-level='${level}']`, "data-count"), `${subject} ${level}`).toBe(String(n));
      }
      // democratic-rating.gavel: 优秀 at 2/3 satisfied, 不称职 below 2/3 approval, else 称职 (compared in integers).
      const [sat, basic] = ["满意", "基本满意"].map((level) => ratings.filter((r) => r.ratings[subject] === level).length) as [number, number];
      const grade = 3 * sat >= 2 * ratings.length ? "优秀" : 3 * (sat + basic) < 2 * ratings.length ? "不称职" : "称职";
      expect(await wb.page.getAttribute(`gavel-meetings [data-subject='${subject}']`, "data-grade"), subject).toBe(grade);
    }

    // The election: round 1 elects who has more than half of the voters; round 2 fills the rest with at least 1/3 of the ballots.
    const seats = election!.seats!;
    const round1 = countRound(read<ElectionPaper[]>(election!.rounds![0]!), election!.candidates!, seats);
    const elected1 = electedOf(round1.votes, seats, (n) => 2 * n > round1.voters);
    expect(elected1.length).toBeLessThan(seats);
    const rest = election!.candidates!.filter((c) => !elected1.includes(c));
    const round2 = countRound(read<ElectionPaper[]>(election!.rounds![1]!), rest, seats - elected1.length);
    const elected2 = electedOf(round2.votes, seats - elected1.length, (n) => 3 * n >= round2.ballots);
    for (const [round, counted, elected] of [[1, round1, elected1], [2, round2, elected2]] as const) {
      const chart = `gavel-meetings li.item[data-round='${round}'] gavel-election-chart`;
      const bars = await wb.page.$$eval(`${chart} g.candidate`, (gs) => gs.map((g) => ({
        name: g.getAttribute("data-name"), votes: Number(g.getAttribute("data-votes")), standing: g.getAttribute("data-standing") })));
      expect(bars.map((b) => b.name).sort()).toEqual([...counted.votes.keys()].sort());
      for (const bar of bars) {
        expect(bar.votes, bar.name!).toBe(counted.votes.get(bar.name!));
        expect(bar.standing, bar.name!).toBe(elected.includes(bar.name!) ? "elected" : "other");
      }
      expect(await wb.page.getAttribute(`gavel-meetings li.item[data-round='${round}'] .result`, "data-outcome")).toBe(round === 1 ? "runoff" : elected.length === seats - elected1.length ? "complete" : "incomplete");
    }
    // Round 1's threshold line: the least votes above half of the voters.
    const needed1 = Math.floor(round1.voters / 2) + 1;
    const lines = await wb.page.$$eval("gavel-meetings li.item[data-round='1'] gavel-election-chart line.threshold", (ls) => ls.map((l) => Number(l.getAttribute("data-value"))));
    expect(lines.length).toBe(election!.candidates!.length);
    expect(new Set(lines)).toEqual(new Set([needed1]));

    // The 公示 link opens the public notice.
    const href = await wb.page.getAttribute("gavel-meetings a.notice", "href");
    expect(href).toMatch(/^\/v1\/notices\/[A-Za-z0-9_-]{32}$/);
    const notice = await fetch(`${service.baseUrl}${href}`, { headers: { accept: "application/json" } });
    expect(notice.status).toBe(200);

    await wb.page.click("gavel-meetings [data-subject='周书记'] summary");
    await wb.page.waitForSelector("gavel-meetings details[data-subject='周书记'][open]");
    await wb.screenshot(screenshotPath("meeting-view-zh-CN.png"));
    await wb.page.locator("gavel-meetings li.item[data-round='2']").evaluate((li) => li.scrollIntoView({ block: "end" }));
    await wb.screenshot(screenshotPath("meeting-view-election-zh-CN.png"));
    expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
  });

  it("draws an election round in Try it: votes per candidate against the threshold, elected and tied marked", async () => {
    const { browser, wb } = await workbenchOn(await replayed(), { locale: "zh-CN", withToken: true });
    await wb.open();
    await wb.page.click("gavel-explorer li[data-name=village_committee]");
    await wb.page.waitForSelector(".monaco-editor .view-lines .view-line");
    await wb.showPanel("try");
    await wb.page.waitForSelector("gavel-try input[name=registered]");
    await wb.page.selectOption("gavel-try #rule-select", "village_committee");
    const facts = { registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1 };
    const votes: Record<string, number> = { 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320, 陈敏: 100 };
    for (const [name, value] of Object.entries(facts)) await wb.page.fill(`gavel-try input[name=${name}]`, String(value));
    await wb.page.fill("gavel-try input[name=candidates]", JSON.stringify(votes));
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try gavel-election-chart g.candidate");

    // By hand: more than half of the 600 voters is 301; two are above, two tie at 320 for the third seat.
    const needed = Math.floor(facts.voters / 2) + 1;
    const qualified = Object.entries(votes).filter(([, n]) => n >= needed).sort((a, b) => b[1] - a[1]);
    const last = qualified[facts.seats - 1]![1];
    const tied = qualified.filter(([, n]) => n === last).map(([name]) => name);
    const elected = qualified.filter(([, n]) => n > last).map(([name]) => name);
    expect(await wb.page.getAttribute("gavel-try .outcome", "data-outcome")).toBe(tied.length > 1 ? "tie" : "complete");
    const bars = await wb.page.$$eval("gavel-try gavel-election-chart g.candidate", (gs) => gs.map((g) => ({
      name: g.getAttribute("data-name"), votes: Number(g.getAttribute("data-votes")), standing: g.getAttribute("data-standing"), needed: g.getAttribute("data-needed") })));
    expect(bars.length).toBe(Object.keys(votes).length);
    for (const bar of bars) {
      expect(bar.votes).toBe(votes[bar.name!]);
      expect(bar.standing, bar.name!).toBe(elected.includes(bar.name!) ? "elected" : tied.includes(bar.name!) ? "tied" : "other");
      expect(bar.needed).toBe(String(needed));
    }
    expect(await wb.page.textContent("gavel-try .outcome")).toContain("末位得票相同");
    await wb.screenshot(screenshotPath("try-election-zh-CN.png"));
    expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
  });

  it("keeps an open meeting's counts live: a sign-in made through the API shows up without a reload (dark theme)", async () => {
    const service = await ownService(); // it opens a meeting and signs members in
    const { browser, wb } = await workbenchOn(service, { locale: "zh-CN", withToken: true });
    const api = async (path: string, body: unknown) => {
      const response = await fetch(`${service.baseUrl}${path}`, {
        method: "POST", headers: { authorization: `Bearer ${service.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    const members = [{ id: "M1", name: "赵一" }, { id: "M2", name: "钱二" }, { id: "M3", name: "孙三" }];
    const created = await api("/v1/bodies", { name: "幸福社区议事会", members });
    const open = await api("/v1/meetings", { title: "幸福社区议事会第三次会议", body: created.id });

    await wb.open();
    await wb.page.click("gavel-status-bar [data-status=theme]");
    await wb.page.click("gavel-activity-bar [data-view=meetings]");
    await wb.page.click(`gavel-meetings li[data-id='${open.id}']`);
    await wb.page.waitForSelector(`gavel-meetings .meeting[data-id='${open.id}'][data-state=open]`);
    const count = (id: string) => wb.page.textContent(`gavel-meetings [data-count=${id}] .n`);
    expect(await count("entitled")).toBe(String(members.length));
    expect(await count("signedIn")).toBe("0");

    await api(`/v1/meetings/${open.id}/sign-ins`, { member: "M1" });
    await api(`/v1/meetings/${open.id}/sign-ins`, { member: "M2" });
    await wb.page.waitForFunction(() => {
      const root = document.querySelector("gavel-workbench gavel-meetings")?.shadowRoot;
      return root?.querySelector("[data-count=signedIn] .n")?.textContent === "2";
    });
    expect(await count("present")).toBe("2");
    expect(await wb.page.locator("gavel-meetings a.notice").count()).toBe(0);
    await wb.screenshot(screenshotPath("meeting-view-open-zh-CN-dark.png"));
    expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
  });

  it("draws a rating in Try it: each level's share with the grade (dark theme), and the meeting's charts in dark", async () => {
    const { browser, wb } = await workbenchOn(await replayed(), { locale: "zh-CN", theme: "dark", withToken: true });
    await wb.open("cadre_rating");
    await wb.showPanel("try");
    const counts: Record<string, number> = { 满意: 20, 基本满意: 6, 不满意: 4 };
    await wb.page.waitForSelector("gavel-try input[name='满意']");
    for (const [name, value] of Object.entries(counts)) await wb.page.fill(`gavel-try input[name='${name}']`, String(value));
    await wb.page.click("gavel-try [data-action=evaluate]");
    await wb.page.waitForSelector("gavel-try gavel-rating-chart g.level");
    const ballots = Object.values(counts).reduce((a, b) => a + b, 0);
    // 20 of 30 satisfied is exactly two-thirds: 优秀.
    expect(await wb.page.textContent("gavel-try .badge.grade")).toBe(3 * counts["满意"]! >= 2 * ballots ? "优秀" : "称职");
    const levels = await wb.page.$$eval("gavel-try gavel-rating-chart g.level", (gs) => gs.map((g) => ({ name: g.getAttribute("data-name"), count: Number(g.getAttribute("data-count")), text: g.querySelector("text:last-of-type")?.textContent ?? "" })));
    expect(levels.map((l) => l.name)).toEqual(Object.keys(counts));
    for (const level of levels) {
      expect(level.count).toBe(counts[level.name!]);
      // The share to one decimal, rounded half up from the exact fraction.
      const tenths = Math.floor((counts[level.name!]! * 2000 + ballots) / (2 * ballots));
      expect(level.text).toContain(`${counts[level.name!]} · ${Math.floor(tenths / 10)}.${tenths % 10}%`);
    }
    await wb.screenshot(screenshotPath("try-rating-zh-CN-dark.png"));

    await wb.page.click("gavel-activity-bar [data-view=meetings]");
    await wb.page.locator("gavel-meetings li[data-id]", { hasText: meeting.title }).click();
    await wb.page.waitForSelector("gavel-meetings .meeting[data-state=closed]");
    await wb.page.locator("gavel-meetings li.item[data-round='2']").evaluate((li) => li.scrollIntoView({ block: "end" }));
    await wb.screenshot(screenshotPath("meeting-view-election-zh-CN-dark.png"));
    expect(browser.pageErrors, browser.pageErrors.join("\n")).toEqual([]);
  });
});
