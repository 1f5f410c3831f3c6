/**
 * `gavel table` and `gavel diff`, through the real CLI and through the lang API, against an independent oracle:
 * each rule written again here as plain integer arithmetic (cross-multiplied, no engine), every roster up to 60,
 * every tally scanned one by one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, semanticDiff, thresholdTable, type CompiledModule } from "@gavel-rules/lang";
import { gavel, repoRoot } from "./run-gavel";

type Outcome = "passed" | "rejected" | "no_quorum" | "error";
/** A vote as the oracle knows it: requires (valid tally), quorum and passes on whole counts. */
interface OracleRule {
  file: string;
  rule: string;
  valid?: (e: number, p: number, y: number, n: number, a: number) => boolean;
  quorum: (e: number, p: number, y: number, n: number, a: number) => boolean;
  passes: (e: number, p: number, y: number, n: number, a: number) => boolean;
}

const std = (file: string) => join(repoRoot, "dsl/std", file);

// The std rules, read from their policy sentences (c = yes + no + abstain).
const RULES: Record<string, OracleRule> = {
  major_matter: { file: std("major-matter.gavel"), rule: "major_matter", quorum: (e, p) => 3 * p > 2 * e, passes: (e, _p, y) => 2 * y > e },
  villagers_assembly: { file: std("villagers-assembly.gavel"), rule: "villagers_assembly", quorum: (e, p) => 3 * p >= 2 * e, passes: (_e, p, y) => 2 * y > p },
  two_thirds: { file: std("two-thirds.gavel"), rule: "two_thirds", quorum: (e, p) => 2 * p > e, passes: (_e, _p, y, n, a) => 3 * y >= 2 * (y + n + a) && y > 0 },
  two_thirds_yes_no: { file: std("two-thirds.gavel"), rule: "two_thirds_yes_no", quorum: (e, p) => 2 * p > e, passes: (_e, _p, y, n) => 3 * y >= 2 * (y + n) && y > 0 },
  simple_majority: { file: std("simple-majority.gavel"), rule: "simple_majority", quorum: (e, p) => 2 * p > e, passes: (_e, _p, y, n, a) => 2 * y > y + n + a },
  simple_majority_yes_no: { file: std("simple-majority.gavel"), rule: "simple_majority_yes_no", quorum: (e, p) => 2 * p > e, passes: (_e, _p, y, n) => y > n },
  recall: { file: std("recall.gavel"), rule: "recall", quorum: (e, _p, y, n, a) => 2 * (y + n + a) > e, passes: (_e, _p, y, n, a) => 2 * y > y + n + a },
  residents_meeting: { file: std("residents-meeting.gavel"), rule: "residents_meeting", quorum: (e, p) => 2 * p > e, passes: (_e, p, y) => 2 * y > p },
};

// Shapes the std library does not use: a require, `or`, `not`, `!=`, `=`, `<=`, a let, and a fraction of a sum.
const ODD_SOURCE = `vote odd "odd" {
  let valid = yes + no
  require abstain <= 3 "at most three abstentions"
  quorum: present >= 3 or present = entitled
  passes: not (yes <= 3/5 of valid) and abstain != 2
}

vote strict "strict" {
  quorum: entitled - present <= 1/4 of entitled
  passes: no = 0 and yes >= 1/2 of present
}
`;
let root: string;
const RULES_ODD: Record<string, OracleRule> = {
  odd: {
    file: "",
    rule: "odd",
    valid: (_e, _p, _y, _n, a) => a <= 3,
    quorum: (e, p) => p >= 3 || p === e,
    passes: (_e, _p, y, n, a) => !(5 * y <= 3 * (y + n)) && a !== 2,
  },
  strict: { file: "", rule: "strict", quorum: (e, p) => 4 * (e - p) <= e, passes: (_e, p, y, n) => n === 0 && 2 * y >= p },
};

function outcome(r: OracleRule, e: number, p: number, y: number, n: number, a: number): Outcome {
  if (r.valid && !r.valid(e, p, y, n, a)) return "error";
  return !r.quorum(e, p, y, n, a) ? "no_quorum" : r.passes(e, p, y, n, a) ? "passed" : "rejected";
}

/** The table by scanning: the least present (all voting no) for the quorum, the least yes (all present, the rest no). */
function oracleTable(r: OracleRule, to: number) {
  const rows = [];
  for (let e = 0; e <= to; e++) {
    let q: number | null = null;
    for (let p = 0; p <= e && q === null; p++) if ((!r.valid || r.valid(e, p, 0, p, 0)) && r.quorum(e, p, 0, p, 0)) q = p;
    let y0: number | null = null;
    for (let y = 0; y <= e && y0 === null; y++) if ((!r.valid || r.valid(e, e, y, e - y, 0)) && r.passes(e, e, y, e - y, 0)) y0 = y;
    rows.push({ entitled: e, quorum_present: q, passes_yes: y0 });
  }
  return rows;
}

/** The diff by visiting every tally, in the documented order (entitled, present, no, abstain, yes). */
function oracleDiff(before: OracleRule, after: OracleRule, to: number, examples: number) {
  let tallies = 0;
  let changed = 0;
  const found = [];
  for (let e = 0; e <= to; e++)
    for (let p = 0; p <= e; p++)
      for (let n = 0; n <= p; n++)
        for (let a = 0; a + n <= p; a++)
          for (let y = 0; y + n + a <= p; y++) {
            tallies++;
            const o = outcome(before, e, p, y, n, a);
            const w = outcome(after, e, p, y, n, a);
            if (o === w) continue;
            changed++;
            if (found.length < examples) found.push({ entitled: e, present: p, yes: y, no: n, abstain: a, old: o, new: w });
          }
  const t1 = oracleTable(before, to);
  const t2 = oracleTable(after, to);
  const shifts = t1
    .map((row, e) => ({ row, other: t2[e]! }))
    .filter(({ row, other }) => row.quorum_present !== other.quorum_present || row.passes_yes !== other.passes_yes)
    .map(({ row, other }) => ({ entitled: row.entitled, quorum_present: { old: row.quorum_present, new: other.quorum_present }, passes_yes: { old: row.passes_yes, new: other.passes_yes } }));
  return { tallies, changed, examples: found, shifts };
}

const modules = new Map<string, CompiledModule>();
function moduleOf(file: string): CompiledModule {
  let m = modules.get(file);
  if (!m) modules.set(file, (m = compile(readFileSync(file, "utf8"), { file })));
  return m;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gavel-insight-"));
  writeFileSync(join(root, "odd.gavel"), ODD_SOURCE);
  for (const r of Object.values(RULES_ODD)) r.file = join(root, "odd.gavel");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("gavel table", () => {
  it.each(Object.keys(RULES))("%s: every roster 0..60 through the CLI (json) matches the oracle", async (name) => {
    const r = RULES[name]!;
    const run = await gavel(["table", r.file, "--rule", r.rule, "--entitled", "0..60", "--format", "json"], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(oracleTable(r, 60));
  });

  it("the odd shapes (require, or, not, !=, =) through the lang API, every roster 0..60", () => {
    for (const r of Object.values(RULES_ODD)) {
      const table = thresholdTable(moduleOf(r.file), r.rule, 0, 60);
      expect(table.ok && table.rows).toEqual(oracleTable(r, 60));
    }
  });

  it("csv and text (Chinese headers), and roster 31 of the major matter: 21 present, 16 yes", async () => {
    const csv = await gavel(["table", RULES.major_matter!.file, "--entitled", "30..31", "--format", "csv"], repoRoot);
    expect(csv.stdout).toBe("entitled,quorum_present,passes_yes\n30,21,16\n31,21,16\n");
    const empty = await gavel(["table", RULES.major_matter!.file, "--entitled", "0", "--format", "csv"], repoRoot);
    expect(empty.stdout).toBe("entitled,quorum_present,passes_yes\n0,,\n");
    const text = await gavel(["--lang", "zh", "table", RULES.major_matter!.file, "--entitled", "31"], repoRoot);
    expect(text.stdout).toContain("法定人数：最少实到");
    expect(text.stdout.trim().split("\n").pop()!.split(/\s+/)).toEqual(["31", "21", "16"]);
  });

  it("refuses a bad range and a rule that is not a vote (exit 2)", async () => {
    expect((await gavel(["table", RULES.major_matter!.file, "--entitled", "9..3"], repoRoot)).code).toBe(2);
    const scorecard = await gavel(["table", join(repoRoot, "examples/cadre-review.gavel")], repoRoot);
    expect(scorecard.code).toBe(2);
    expect(scorecard.stderr).toContain("this command is for votes");
  });
});

describe("gavel diff", () => {
  const pairs: [string, string][] = [
    ["major_matter", "villagers_assembly"],
    ["simple_majority", "simple_majority_yes_no"],
    ["two_thirds", "recall"],
  ];
  it.each(pairs)("%s → %s: every tally up to roster 60 through the CLI (json) matches the oracle", async (a, b) => {
    const before = RULES[a]!;
    const after = RULES[b]!;
    const run = await gavel(["diff", before.file, after.file, "--rule", before.rule, "--new-rule", after.rule, "--entitled", "0..60", "--examples", "25", "--format", "json"], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    const got = JSON.parse(run.stdout);
    const want = oracleDiff(before, after, 60, 25);
    expect(got.tallies).toBe(want.tallies);
    expect(got.changed).toBe(want.changed);
    expect(got.examples).toEqual(want.examples);
    expect(got.shifts).toEqual(want.shifts);
    expect(got.tallies).toBe(8259888); // Σ_{e ≤ 60} Σ_{p ≤ e} C(p + 3, 3) = C(65, 5)
  });

  it("every pair of std rules and the odd shapes, through the lang API, up to roster 20", () => {
    const all = { ...RULES, ...RULES_ODD };
    for (const a of Object.values(all))
      for (const b of Object.values(all)) {
        const d = semanticDiff(moduleOf(a.file), a.rule, moduleOf(b.file), b.rule, { from: 0, to: 20 }, { examples: 5 });
        if (!d.ok) throw new Error(d.error.message);
        const { tallies, changed, examples, shifts } = d.diff;
        expect({ tallies, changed, examples, shifts }, `${a.rule} → ${b.rule}`).toEqual(oracleDiff(a, b, 20, 5));
      }
  });

  it("the odd shapes against major_matter through the lang API up to roster 60", () => {
    for (const r of Object.values(RULES_ODD)) {
      const d = semanticDiff(moduleOf(RULES.major_matter!.file), "major_matter", moduleOf(r.file), r.rule, { from: 0, to: 60 }, { examples: 10 });
      if (!d.ok) throw new Error(d.error.message);
      const { tallies, changed, examples, shifts } = d.diff;
      expect({ tallies, changed, examples, shifts }).toEqual(oracleDiff(RULES.major_matter!, r, 60, 10));
    }
  });

  it("a rule that is not linear is compared tally by tally, with the same answer", () => {
    const file = join(root, "square.gavel");
    writeFileSync(file, `vote square "square" {\n  quorum: present * present > 4/9 of (entitled * entitled)\n  passes: yes > 1/2 of entitled\n}\n`);
    // present² > (2/3·entitled)² ⇔ 3·present > 2·entitled for counts: the major matter again.
    const d = semanticDiff(moduleOf(RULES.major_matter!.file), "major_matter", moduleOf(file), "square", { from: 0, to: 15 });
    expect(d.ok && d.diff.changed).toBe(0);
    const d2 = semanticDiff(moduleOf(file), "square", moduleOf(RULES.villagers_assembly!.file), "villagers_assembly", { from: 0, to: 15 }, { examples: 5 });
    const square: OracleRule = { ...RULES.major_matter!, quorum: (e, p) => 9 * p * p > 4 * e * e };
    const { tallies, changed, examples, shifts } = d2.ok ? d2.diff : ({} as never);
    expect({ tallies, changed, examples, shifts }).toEqual(oracleDiff(square, RULES.villagers_assembly!, 15, 5));
  });

  it("text in Chinese, and the same rule against itself changes nothing", async () => {
    const same = await gavel(["--lang", "zh", "diff", RULES.major_matter!.file, RULES.major_matter!.file, "--entitled", "0..10"], repoRoot);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("没有任何计票情况的结果改变");
    const text = await gavel(["diff", RULES.major_matter!.file, RULES.villagers_assembly!.file, "--rule", "major_matter", "--new-rule", "villagers_assembly", "--entitled", "0..12", "--examples", "2"], repoRoot);
    expect(text.stdout).toContain(`${oracleDiff(RULES.major_matter!, RULES.villagers_assembly!, 12, 0).changed} of 6188 tallies change outcome`);
    expect(text.stdout).toContain("3, 2, 0, 0, 0: no_quorum → rejected");
    expect(text.stdout).toMatch(/^3\s+3 → 2\s+2$/m);
  });
});

describe("gavel test --coverage: boundaries", () => {
  const source = `vote v "v" {
  quorum: present > 2/3 of entitled
  passes: yes > 1/2 of entitled
}
test "20 present of 30 (needed 21), 16 yes (needed 16)" {
  v(entitled: 30, present: 20, yes: 16, no: 4, abstain: 0)
    expect outcome = no_quorum
}
test "21 present (on), 15 yes (one below)" {
  v(entitled: 30, present: 21, yes: 15, no: 6, abstain: 0)
    expect outcome = rejected
}
test "22 present (one above), 17 yes (one above)" {
  v(entitled: 30, present: 22, yes: 17, no: 5, abstain: 0)
    expect outcome = passed
}
`;
  it("names the positions no test sits on, in the json and the text report", async () => {
    writeFileSync(join(root, "bounds.gavel"), source);
    const json = await gavel(["test", "bounds.gavel", "--coverage", "--reporter", "json"], root);
    expect(json.code, json.stderr).toBe(0);
    const boundaries = JSON.parse(json.stdout).coverage.boundaries;
    expect(boundaries).toEqual([
      { file: "bounds.gavel", id: "v:quorum", rule: "v", where: "quorum", threshold: "present > 2/3 of entitled", name: "present", line: 2, column: 3, below: true, on: true, above: true, missing: [] },
      { file: "bounds.gavel", id: "v:passes", rule: "v", where: "passes", threshold: "yes > 1/2 of entitled", name: "yes", line: 3, column: 3, below: true, on: true, above: true, missing: [] },
    ]);
    writeFileSync(join(root, "bounds.gavel"), source.replace("yes: 17, no: 5", "yes: 18, no: 4"));
    const text = await gavel(["test", "bounds.gavel", "--coverage"], root);
    expect(text.stdout).toContain("Boundaries: 1 of 2 thresholds lack a test one below, on or one above them:");
    expect(text.stdout).toContain("bounds.gavel:3:3  v passes: yes > 1/2 of entitled — one above");
    const zh = await gavel(["--lang", "zh", "test", "bounds.gavel", "--coverage"], root);
    expect(zh.stdout).toContain("v passes: yes > 1/2 of entitled — 上方一位");
  });
});

describe("gavel diff on scorecards", () => {
  it("names the band boundary that moved and the grid inputs whose grade changed", async () => {
    const before = join(repoRoot, "examples/cadre-review.gavel");
    const after = join(root, "cadre-new.gavel");
    writeFileSync(after, readFileSync(before, "utf8").replace("10 when training_days >= 15", "10 when training_days >= 12"));
    const run = await gavel(["diff", before, after, "--format", "json", "--examples", "50"], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    const d = JSON.parse(run.stdout);
    expect(d.kind).toBe("scorecard");
    expect(d.shifts).toEqual([{ where: "criterion training, band 1", old: "training_days >= 15", new: "training_days >= 12", name: "training_days", old_threshold: 15, new_threshold: 12 }]);
    expect(d.changed).toBeGreaterThan(0);
    // Only 12 ≤ training_days < 15 can change, and there the training points go from 6 to 10.
    for (const e of d.examples) {
      expect(e.input.training_days).toBeGreaterThanOrEqual(12);
      expect(e.input.training_days).toBeLessThan(15);
      expect(e.new.score - e.old.score).toBe(4);
    }
    const text = await gavel(["--lang", "zh", "diff", before, after], repoRoot);
    expect(text.stdout).toContain("criterion training, band 1: training_days >= 15 → training_days >= 12");
    expect(text.stdout).toContain("组的得分或等级改变");
  });
});
