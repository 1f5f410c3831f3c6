/**
 * Every rule file in dsl/std and examples/ compiles without errors and its own
 * `test` blocks pass; the std votes agree with an independent integer oracle.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { assertProperty } from "../../packages/lang/src/test-support/property";
import { describe, expect, it } from "vitest";
import { compile, runTests } from "@gavel-rules/lang";
import type { CompiledModule, CompiledRule, ImportResolver } from "@gavel-rules/lang";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const stdDir = join(repoRoot, "dsl/std");
const examplesDir = join(repoRoot, "examples");

/** Resolves `std/NAME.gavel` to dsl/std and any other path relative to the importing file. */
const resolveImport: ImportResolver = (path, fromFile) => {
  const file = path.startsWith("std/")
    ? join(stdDir, path.slice("std/".length))
    : resolve(fromFile ? dirname(fromFile) : repoRoot, path);
  try {
    return { file, source: readFileSync(file, "utf8") };
  } catch {
    return undefined;
  }
};

/** The .gavel files directly in dir, sorted. */
function gavelFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".gavel"))
    .sort()
    .map((name) => join(dir, name));
}

/** Compiles a rule file from disk with std and relative imports resolved. */
function compileFile(file: string): CompiledModule {
  return compile(readFileSync(file, "utf8"), { file, resolveImport });
}

const ruleFiles = [...gavelFiles(stdDir), ...gavelFiles(examplesDir)];

describe("rule files compile and their tests pass", () => {
  it("finds the std library and the examples", () => {
    const names = ruleFiles.map((file) => relative(repoRoot, file));
    expect(names).toEqual(
      expect.arrayContaining([
        "dsl/std/major-matter.gavel",
        "dsl/std/villagers-assembly.gavel",
        "dsl/std/simple-majority.gavel",
        "dsl/std/two-thirds.gavel",
        "dsl/std/village-committee-election.gavel",
        "dsl/std/residents-meeting.gavel",
        "dsl/std/recall.gavel",
        "examples/democratic-rating.gavel",
        "examples/democratic-evaluation.gavel",
        "examples/cadre-review.gavel",
        "examples/case-resolution.gavel",
        "examples/star-community.gavel",
        "examples/cadre-duties.gavel",
      ]),
    );
  });

  for (const file of ruleFiles) {
    const name = relative(repoRoot, file);
    it(name, () => {
      const module = compileFile(file);
      const errors = module.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => `${d.span.line}:${d.span.column} ${d.code} ${d.message}`)).toEqual([]);
      expect(module.ok).toBe(true);

      const run = runTests(module);
      const failures = run.results
        .filter((t) => !t.passed)
        .map((t) => ({
          test: t.name,
          error: t.error?.message,
          failed: t.expectations.filter((e) => !e.passed).map((e) => `${e.text}: expected ${e.expected}, got ${e.actual}`),
        }));
      expect(failures).toEqual([]);
      expect(run.failed).toBe(0);
      expect(run.passed).toBeGreaterThan(0);
      expect(run.passed).toBe(module.tests.length);

      // Every outcome, clause value, band and grade of the file's own rules is exercised by a test.
      const ownRules = new Set(module.rules.map((rule) => rule.name));
      const uncovered = module.coverageUnits.filter((unit) => ownRules.has(unit.rule) && !run.covered.has(unit.id));
      expect(uncovered.map((unit) => `${unit.rule}: ${unit.description}`)).toEqual([]);
    });
  }
});

type Outcome = "passed" | "rejected" | "no_quorum";

interface Tally {
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

/** An independent statement of each std vote in integer arithmetic: [quorum, passes]. */
type Oracle = (t: { e: bigint; p: bigint; y: bigint; n: bigint; a: bigint }) => [boolean, boolean];

const oracles: Record<string, Oracle> = {
  // 超过三分之二 / 超过一半, both of the roster
  major_matter: ({ e, p, y }) => [p * 3n > e * 2n, y * 2n > e],
  // 三分之二以上 of the roster / 过半数 of those present
  villagers_assembly: ({ e, p, y }) => [p * 3n >= e * 2n, y * 2n > p],
  simple_majority: ({ e, p, y, n, a }) => [p * 2n > e, y * 2n > y + n + a],
  simple_majority_yes_no: ({ e, p, y, n }) => [p * 2n > e, y > n],
  two_thirds: ({ e, p, y, n, a }) => [p * 2n > e, y * 3n >= (y + n + a) * 2n && y > 0n],
  two_thirds_yes_no: ({ e, p, y, n }) => [p * 2n > e, y * 3n >= (y + n) * 2n && y > 0n],
  // 城市居民委员会组织法: 过半数出席 / 出席人的过半数
  residents_meeting: ({ e, p, y }) => [p * 2n > e, y * 2n > p],
  // 罢免: 登记选民过半数投票 / 投票的村民过半数通过 (every ballot handed in, abstentions included, is a vote)
  recall: ({ e, y, n, a }) => [(y + n + a) * 2n > e, y * 2n > y + n + a],
};

/** The oracle's clauses for a tally, in bigints, and the outcome they make. */
function expectedOf(oracle: Oracle, tally: { entitled: number; present: number; yes: number; no: number; abstain: number }): { quorum: boolean; passes: boolean; expected: Outcome } {
  const [quorum, passes] = oracle({ e: BigInt(tally.entitled), p: BigInt(tally.present), y: BigInt(tally.yes), n: BigInt(tally.no), a: BigInt(tally.abstain) });
  return { quorum, passes, expected: !quorum ? "no_quorum" : passes ? "passed" : "rejected" };
}

/** Every tally with entitled ≤ max, present ≤ entitled and yes + no + abstain ≤ present. */
function* allTallies(maxEntitled: number): Generator<Tally> {
  for (let entitled = 0; entitled <= maxEntitled; entitled++)
    for (let present = 0; present <= entitled; present++)
      for (let yes = 0; yes <= present; yes++)
        for (let no = 0; yes + no <= present; no++)
          for (let abstain = 0; yes + no + abstain <= present; abstain++)
            yield { entitled, present, yes, no, abstain };
}

/** Every rule of dsl/std by name. */
function stdRules(): Map<string, CompiledRule> {
  const rules = new Map<string, CompiledRule>();
  for (const file of gavelFiles(stdDir)) for (const rule of compileFile(file).rules) rules.set(rule.name, rule);
  return rules;
}

describe("std votes agree with exact integer arithmetic on every small tally", () => {
  const rules = stdRules();
  for (const [name, oracle] of Object.entries(oracles)) {
    it(`${name}, every roster up to 12`, () => {
      const rule = rules.get(name);
      expect(rule, `rule ${name} in dsl/std`).toBeDefined();
      if (!rule) return;
      const mismatches: string[] = [];
      let checked = 0;
      for (const tally of allTallies(12)) {
        const { quorum, passes, expected } = expectedOf(oracle, tally);
        const evaluated = rule.evaluate({ ...tally });
        const decided = rule.decide({ ...tally });
        checked++;
        if (!evaluated.ok || evaluated.result.kind !== "vote") {
          mismatches.push(`${JSON.stringify(tally)}: evaluate failed ${evaluated.ok ? "" : evaluated.error.message}`);
          continue;
        }
        const got = evaluated.result;
        const decision = decided.ok && decided.decision.kind === "vote" ? decided.decision.outcome : "error";
        if (got.outcome !== expected || got.values.quorum !== quorum || got.values.passes !== passes || decision !== expected) {
          mismatches.push(
            `${JSON.stringify(tally)}: expected ${expected} (quorum ${quorum}, passes ${passes}), ` +
              `evaluate ${got.outcome} (quorum ${String(got.values.quorum)}, passes ${String(got.values.passes)}), decide ${decision}`,
          );
        }
        if (mismatches.length >= 20) break;
      }
      expect(mismatches).toEqual([]);
      // C(17, 5) = 6188 tallies for rosters 0..12
      expect(checked).toBe(6188);
    });
  }
});

/** A share that often sits exactly on a statutory threshold. */
const shareArb = fc.oneof(fc.constantFrom(1 / 2, 2 / 3), fc.double({ min: 0, max: 1, noNaN: true }));

/** Near `whole × share`, a few either side, within 0..whole. */
function near(whole: number, share: number, offset: number): number {
  return Math.min(whole, Math.max(0, Math.floor(whole * share) + offset));
}

/** A random consistent tally (present ≤ entitled, yes + no + abstain ≤ present), mostly near thresholds. */
const tallyArb = fc
  .record({
    entitled: fc.integer({ min: 0, max: 1_000_000 }),
    presentShare: shareArb,
    presentOffset: fc.integer({ min: -2, max: 2 }),
    yesShare: shareArb,
    yesOffset: fc.integer({ min: -2, max: 2 }),
    noShare: fc.double({ min: 0, max: 1, noNaN: true }),
    abstainShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r): Tally => {
    const present = near(r.entitled, r.presentShare, r.presentOffset);
    const yes = near(present, r.yesShare, r.yesOffset);
    const no = near(present - yes, r.noShare, 0);
    const abstain = near(present - yes - no, r.abstainShare, 0);
    return { entitled: r.entitled, present, yes, no, abstain };
  });

describe("std votes agree with exact integer arithmetic on large rosters", () => {
  const rules = stdRules();
  for (const [name, oracle] of Object.entries(oracles)) {
    it(`${name}, random rosters up to 1,000,000`, () => {
      const rule = rules.get(name);
      expect(rule).toBeDefined();
      assertProperty(
        fc.property(tallyArb, (tally) => {
          const { expected } = expectedOf(oracle, tally);
          const evaluated = rule!.evaluate({ ...tally });
          const decided = rule!.decide({ ...tally });
          expect(evaluated.ok && evaluated.result.kind === "vote" ? evaluated.result.outcome : "error").toBe(expected);
          expect(decided.ok && decided.decision.kind === "vote" ? decided.decision.outcome : "error").toBe(expected);
        }),
        { numRuns: 300 },
      );
    });
  }
});
