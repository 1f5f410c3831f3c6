/**
 * History's "What changes" panel beside a version diff: the semantic diff of `gavel diff`, computed in the browser.
 * Every number the panel shows is checked here against plain integer counting written out in this file (not by the
 * engine): the tallies up to a roster, the ones whose outcome changes, the first changed tallies, and the least yes
 * counts per roster; for a scorecard, the documented input grid scored by hand.
 */

import { describe, expect, it } from "vitest";
import { sharedService, workbenchOn } from "./fresh-workbench";
import { screenshotPath } from "./screenshots";
import type { WorkbenchPage } from "./workbench-page";

// Each test stores versions of its own rule file (its own name) and reads nothing else, so they share one service;
// each gets its own browser.
const serviceForTests = sharedService();

/** Opens a rule file in a new browser profile in the given language, light theme, History shown. */
async function openHistory(name: string, locale: "en" | "zh-CN"): Promise<WorkbenchPage> {
  const { wb } = await workbenchOn(await serviceForTests(), { locale });
  await wb.open(name);
  await wb.page.click("gavel-activity-bar [data-view=history]");
  await wb.page.waitForSelector("gavel-history [data-version='1']");
  // Who stored each version arrives in a second request after the version numbers: wait until every version names it.
  const tags = wb.page.locator("gavel-history [data-author]");
  const versions = wb.page.locator("gavel-history button[data-version]");
  await expect.poll(async () => (await tags.count()) - (await versions.count()), { timeout: 15_000 }).toBe(0);
  return wb;
}

/** How long a comparison may take here: up to roster 60 is about a second alone, many times that on a loaded CI machine. */
const COMPARE_MS = 90_000;

/** Waits until the panel has finished comparing (its state is "done"). */
async function comparedPanel(wb: WorkbenchPage): Promise<void> {
  await wb.page.waitForSelector("gavel-semantic-diff section[data-state=done]", { timeout: COMPARE_MS });
}

const vote = (passes: string) => `vote motion "Motion" {
  quorum: present > 1/2 of entitled  "more than half of the roster present"
  passes: ${passes}
}
`;

type Outcome = "no_quorum" | "passed" | "rejected";

/** Old rule: quorum 2p > e, passes 2y > p. New rule: the same quorum, passes 3y >= 2p. */
const oldOutcome = (e: number, p: number, y: number): Outcome => (2 * p > e ? (2 * y > p ? "passed" : "rejected") : "no_quorum");
const newOutcome = (e: number, p: number, y: number): Outcome => (2 * p > e ? (3 * y >= 2 * p ? "passed" : "rejected") : "no_quorum");

/** Every tally with a roster up to n, in the order the diff lists examples: entitled, present, no, abstain, yes. */
function* talliesUpTo(n: number): Generator<[number, number, number, number, number]> {
  for (let e = 0; e <= n; e++) for (let p = 0; p <= e; p++) for (let no = 0; no <= p; no++) for (let a = 0; a + no <= p; a++) {
    for (let y = 0; y + no + a <= p; y++) yield [e, p, y, no, a];
  }
}

/** The oracle: how many tallies, how many change, and the first `examples` changed ones. */
function countChanges(n: number, examples: number) {
  let tallies = 0;
  let changed = 0;
  const first: string[] = [];
  for (const [e, p, y, no, a] of talliesUpTo(n)) {
    tallies++;
    const before = oldOutcome(e, p, y);
    const after = newOutcome(e, p, y);
    if (before === after) continue;
    changed++;
    if (first.length < examples) first.push(`${e} ${p} ${y} ${no} ${a} ${before} ${after}`);
  }
  return { tallies, changed, first };
}

/** The threshold table's least yes: the pass clause alone, with the whole roster present; null when none up to e. */
function leastYes(e: number, passes: (e: number, y: number) => boolean): number | null {
  for (let y = 0; y <= e; y++) if (passes(e, y)) return y;
  return null;
}
const oldPasses = (e: number, y: number) => 2 * y > e;
const newPasses = (e: number, y: number) => 3 * y >= 2 * e;

async function summaryOf(wb: WorkbenchPage, rule: string): Promise<{ tallies: number; changed: number }> {
  const summary = wb.page.locator(`gavel-semantic-diff article[data-rule=${rule}] .summary`);
  return { tallies: Number(await summary.getAttribute("data-tallies")), changed: Number(await summary.getAttribute("data-changed")) };
}

describe("History: what a change does", () => {
  it("counts the tallies a stricter pass threshold changes, up to roster 60 and then 20, with the needed counts that move", async () => {
    const service = await serviceForTests();
    await service.putRule("hd_threshold", vote("yes > 1/2 of present"));
    await service.putRule("hd_threshold", vote("yes >= 2/3 of present"));
    const wb = await openHistory("hd_threshold", "en");
    // Each version names who stored it, as the service recorded it; the buttons say what they do in words.
    const stored = (await (await fetch(`${service.baseUrl}/v1/rules/hd_threshold`)).json()) as { versions: { version: number; author: string }[] };
    const authors = await wb.page.locator("gavel-history [data-author]").evaluateAll((tags) => tags.map((tag) => tag.getAttribute("data-author")));
    expect(authors).toEqual(stored.versions.map((v) => v.author).reverse());
    expect(await wb.page.locator("gavel-history [data-author]").first().textContent()).toContain(`by ${stored.versions[1]!.author}`);
    expect(await wb.page.textContent("gavel-history [data-previous='2']")).toBe("Show changes");
    expect(await wb.page.textContent("gavel-history [data-version='2']")).toBe("Compare with editor");

    await wb.page.click("gavel-history [data-previous='2']");
    await wb.page.waitForSelector(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert");
    await comparedPanel(wb);
    const oracle = countChanges(60, 5);
    expect(await summaryOf(wb, "motion")).toEqual({ tallies: oracle.tallies, changed: oracle.changed });
    expect(await wb.page.textContent("gavel-semantic-diff article[data-rule=motion] .summary")).toContain(
      `${oracle.changed.toLocaleString("en")} of ${oracle.tallies.toLocaleString("en")} tallies with a roster up to 60 change outcome`,
    );
    // The examples are the first changed tallies, in the documented order, with both outcomes as the oracle has them.
    const rows = await wb.page.locator("gavel-semantic-diff article[data-rule=motion] table[data-table=examples] tbody tr").evaluateAll((trs) =>
      trs.map((tr) => `${[...tr.querySelectorAll("td")].slice(0, 5).map((td) => td.textContent).join(" ")} ${tr.getAttribute("data-outcomes")}`),
    );
    expect(rows).toEqual(oracle.first);
    expect(await wb.page.locator("gavel-semantic-diff table[data-table=examples] tbody tr").first().locator("td").nth(5).textContent()).toMatch(/passed|rejected|no quorum/);
    // Needed counts: the quorum does not move; the least yes with everyone present moves on most rosters.
    const shifts: string[][] = [];
    for (let e = 0; e <= 60; e++) {
      const before = leastYes(e, oldPasses);
      const after = leastYes(e, newPasses);
      const quorum = Math.floor(e / 2) + 1 <= e ? String(Math.floor(e / 2) + 1) : "none";
      const show = (v: number | null) => (v === null ? "none" : String(v));
      if (before !== after) shifts.push([String(e), quorum, `${show(before)} → ${show(after)}`]);
    }
    const shown = await wb.page.locator("gavel-semantic-diff table[data-table=shifts] tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
    );
    expect(shown).toEqual(shifts);
    await wb.screenshot(screenshotPath("history-semantic-diff-en-light.png"));

    // A smaller roster: every number follows.
    await wb.page.fill("gavel-semantic-diff input#rosters", "20");
    await wb.page.press("gavel-semantic-diff input#rosters", "Tab");
    const small = countChanges(20, 5);
    await wb.page.waitForFunction(
      (tallies) => document.querySelector("gavel-history")?.shadowRoot?.querySelector("gavel-semantic-diff")?.shadowRoot
        ?.querySelector("section[data-state=done] .summary")?.getAttribute("data-tallies") === String(tallies),
      small.tallies,
      { timeout: COMPARE_MS },
    );
    expect(await summaryOf(wb, "motion")).toEqual({ tallies: small.tallies, changed: small.changed });

    // In Chinese.
    await wb.page.click("gavel-status-bar [data-status=locale]");
    await wb.page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await wb.page.waitForSelector("gavel-semantic-diff h2:has-text('对结果的影响')");
    expect(await wb.page.textContent("gavel-semantic-diff article[data-rule=motion] .summary")).toContain(`有 ${small.changed.toLocaleString("zh-CN")} 种结果改变`);
    expect(await wb.page.textContent("gavel-history [data-previous='2']")).toBe("查看改动");
    await wb.screenshot(screenshotPath("history-semantic-diff-zh-CN-light.png"));
    await wb.page.click("gavel-code-editor [data-action=close-diff]");
    await wb.page.waitForSelector("gavel-semantic-diff section", { state: "detached" });
  }, 240_000);

  it("shows how a scorecard's band boundary moves and the grid inputs whose grade changes", async () => {
    const service = await serviceForTests();
    const card = (top: number) => `scorecard training_review "Training review" {
  input training_days: number min 0 max 366 "training days in the year"

  criterion training "at least ${top} days" max 10 {
    10 when training_days >= ${top}
     6 when training_days >= 10
     0 otherwise
  }

  grade {
    "good" when score >= 10
    "fair" when score >= 6
    "poor" otherwise
  }
}
`;
    await service.putRule("hd_scorecard", card(15));
    await service.putRule("hd_scorecard", card(12));
    const wb = await openHistory("hd_scorecard", "en");
    await wb.page.click("gavel-history [data-previous='2']");
    await comparedPanel(wb);
    expect(await wb.page.locator("gavel-semantic-diff ul[data-list=boundaries] li").allTextContents()).toEqual([
      "criterion training, band 1: training_days >= 15 → training_days >= 12",
    ]);
    // The documented grid for one number input: each threshold of either rule and one step either side, and the bounds.
    const grid = [...new Set([15, 10, 12, 10].flatMap((t) => [t - 1, t, t + 1]).concat([0, 366]))].sort((a, b) => a - b);
    const score = (top: number, days: number) => (days >= top ? 10 : days >= 10 ? 6 : 0);
    const grade = (s: number) => (s >= 10 ? "good" : s >= 6 ? "fair" : "poor");
    const changes = grid.filter((d) => score(15, d) !== score(12, d));
    expect(await summaryOf(wb, "training_review")).toEqual({ tallies: grid.length, changed: changes.length });
    const rows = await wb.page.locator("gavel-semantic-diff table[data-table=examples] tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td, i) => (i === 0 ? td.getAttribute("data-input") : td.textContent?.trim()))),
    );
    expect(rows).toEqual(changes.map((d) => [JSON.stringify({ training_days: d }), `${score(15, d)} ${grade(score(15, d))}`, `${score(12, d)} ${grade(score(12, d))}`]));
    await wb.screenshot(screenshotPath("history-semantic-diff-scorecard-en-light.png"));
  }, 180_000);

  it("says plainly that a comment-and-layout change changes no outcome", async () => {
    const service = await serviceForTests();
    const source = vote("yes > 1/2 of present");
    await service.putRule("hd_comment", source);
    await service.putRule("hd_comment", `# 2026: wording of the quorum note checked against the charter\n${source.replace("passes: yes > 1/2 of present", "passes:   yes >  1/2  of present   # unchanged")}`);
    const wb = await openHistory("hd_comment", "zh-CN");
    await wb.page.click("gavel-history [data-previous='2']");
    await comparedPanel(wb);
    const { tallies } = countChanges(60, 0);
    expect(await summaryOf(wb, "motion")).toEqual({ tallies, changed: 0 });
    expect(await wb.page.textContent("gavel-semantic-diff article[data-rule=motion] [data-verdict=same]")).toBe("结果没有变化。");
    expect(await wb.page.locator("gavel-semantic-diff table").count()).toBe(0);
    await wb.screenshot(screenshotPath("history-semantic-diff-no-change-zh-CN-light.png"));
  }, 180_000);

  it("says what cannot be compared: an election, and a working copy that does not compile", async () => {
    const service = await serviceForTests();
    const election = `election seat "Seat" {
  void:    ballots > voters
  turnout: voters > 1/2 of registered
  elected: votes > 1/2 of voters
  runoff:  votes >= 1/3 of ballots
}
`;
    await service.putRule("hd_kinds", election);
    const wb = await openHistory("hd_kinds", "en");
    await wb.page.click("gavel-history [data-version='1']");
    await comparedPanel(wb);
    expect(await wb.page.getAttribute("gavel-semantic-diff article[data-rule=seat]", "data-status")).toBe("not-comparable");
    expect(await wb.page.textContent("gavel-semantic-diff article[data-rule=seat]")).toContain("This election cannot be compared");
    // The working copy broken in the diff's right side: the comparison run again says where it stops compiling.
    await wb.page.click("gavel-code-editor [data-action=close-diff]");
    await wb.replaceAll(election.replace("votes >= 1/3 of ballots", "votes >= "));
    await wb.page.click("gavel-history [data-version='1']");
    await wb.page.waitForSelector("gavel-semantic-diff section[data-state=done] .broken[data-side=new]", { timeout: COMPARE_MS });
    expect(await wb.page.textContent("gavel-semantic-diff .broken")).toMatch(/^The editor does not compile \(line \d+, column \d+: .+\), so its rules cannot be compared\.$/);
  }, 180_000);
});
