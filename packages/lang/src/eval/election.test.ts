import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { compile } from "../compile/compiler.ts";
import { format } from "../tooling/formatter.ts";
import { assertProperty } from "../test-support/property.ts";
import { runTests } from "../tooling/testing.ts";
import type { CompiledModule, CompiledRule, ElectionOutcome, ElectionResult, RatingResult, ScorecardResult } from "../types.ts";

function rule(src: string, name?: string): CompiledRule {
  const m = compile(src);
  expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return name ? m.scope.get(name)! : m.rules[0]!;
}

const VILLAGE = `election village_committee "村民委员会选举" {
  void:    ballots > voters            "收回的选票多于投票人数的，选举无效"
  turnout: voters > 1/2 of registered  "有登记参加选举的村民过半数投票，选举有效"
  elected: votes > 1/2 of voters       "候选人获得参加投票的村民过半数的选票，始得当选"
  runoff:  votes >= 1/3 of ballots     "另行选举…所得票数不得少于已投选票数的三分之一"
}
`;
let ELECTION: CompiledRule;
beforeEach(() => {
  ELECTION = rule(VILLAGE);
});

type Round = {
  registered: number;
  voters: number;
  ballots: number;
  invalid: number;
  seats: number;
  round: number;
  candidates: Record<string, number>;
};

const base: Round = { registered: 1000, voters: 600, ballots: 600, invalid: 0, seats: 3, round: 1, candidates: {} };

function elect(round: Partial<Round>): ElectionResult {
  const out = ELECTION.evaluate({ ...base, ...round });
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  if (out.result.kind !== "election") throw new Error("not an election result");
  return out.result;
}

describe("election: the contract example", () => {
  it("ties 张伟 and 刘洋 for the third seat, with every threshold's numbers in the explanation", () => {
    const r = elect({ invalid: 4, candidates: { 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320 } });
    expect(r.kind).toBe("election");
    expect(r.outcome).toBe("tie");
    expect(r.elected).toEqual(["王建国", "李秀英"]);
    expect(r.tied).toEqual(["张伟", "刘洋"]);
    expect(r.facts).toEqual({ registered: 1000, voters: 600, ballots: 600, invalid: 4, valid: 596, seats: 3, round: 1 });
    const details = r.explanation.map((s) => `${s.clause}: ${s.detail}`);
    expect(details).toEqual([
      "void: 600 > 600 → false",
      "turnout: 600 > 1/2 × 1000 = 500 → true",
      "elected: 王建国: 400 > 1/2 × 600 = 300 → true",
      "elected: 李秀英: 350 > 1/2 × 600 = 300 → true",
      "elected: 张伟: 320 > 1/2 × 600 = 300 → true",
      "elected: 刘洋: 320 > 1/2 × 600 = 300 → true",
      "seats: 4 qualified for 3 seats (王建国 400, 李秀英 350, 张伟 320, 刘洋 320) → tie: 张伟, 刘洋 tie at 320 votes for the last 1 seat; elected 王建国, 李秀英",
    ]);
    // decide() answers what evaluate() answers.
    expect(ELECTION.decide({ ...base, invalid: 4, candidates: { 王建国: 400, 李秀英: 350, 张伟: 320, 刘洋: 320 } })).toEqual({
      ok: true,
      decision: { kind: "election", outcome: "tie", elected: ["王建国", "李秀英"], tied: ["张伟", "刘洋"] },
    });
  });
});

describe("election: every outcome and every boundary", () => {
  const cases: { name: string; round: Partial<Round>; outcome: ElectionOutcome; elected?: string[]; tied?: string[] }[] = [
    // void: ballots > voters, checked first
    { name: "one ballot more than voters", round: { ballots: 601, candidates: { A: 400 } }, outcome: "void_ballots", elected: [] },
    { name: "exactly as many ballots as voters", round: { ballots: 600, seats: 1, candidates: { A: 400 } }, outcome: "complete", elected: ["A"] },
    { name: "one ballot fewer than voters", round: { ballots: 599, seats: 1, candidates: { A: 400 } }, outcome: "complete", elected: ["A"] },
    { name: "void before turnout", round: { voters: 400, ballots: 401, seats: 1, candidates: { A: 300 } }, outcome: "void_ballots" },
    // turnout: voters > 1/2 of registered
    { name: "half the register voting", round: { voters: 500, ballots: 500, seats: 1, candidates: { A: 400 } }, outcome: "void_turnout", elected: [] },
    { name: "one more than half voting", round: { voters: 501, ballots: 501, seats: 1, candidates: { A: 400 } }, outcome: "complete" },
    { name: "one fewer than half voting", round: { voters: 499, ballots: 499, seats: 1, candidates: { A: 400 } }, outcome: "void_turnout" },
    { name: "500 of 999 registered", round: { registered: 999, voters: 500, ballots: 500, seats: 1, candidates: { A: 400 } }, outcome: "complete" },
    { name: "499 of 999 registered", round: { registered: 999, voters: 499, ballots: 499, seats: 1, candidates: { A: 400 } }, outcome: "void_turnout" },
    // elected: votes > 1/2 of voters
    { name: "301, 300, 299 of 600", round: { candidates: { A: 301, B: 300, C: 299 } }, outcome: "runoff", elected: ["A"] },
    { name: "base is voters, not valid ballots", round: { invalid: 100, seats: 1, candidates: { A: 290, B: 210 } }, outcome: "runoff", elected: [] },
    { name: "as many qualify as seats", round: { candidates: { A: 400, B: 350, C: 320, D: 100 } }, outcome: "complete", elected: ["A", "B", "C"] },
    { name: "more qualify, no tie", round: { candidates: { A: 400, B: 350, C: 321, D: 320 } }, outcome: "complete", elected: ["A", "B", "C"] },
    { name: "tie for the last seat", round: { candidates: { A: 400, B: 350, C: 320, D: 320 } }, outcome: "tie", elected: ["A", "B"], tied: ["C", "D"] },
    { name: "three-way tie for two seats", round: { seats: 2, candidates: { A: 400, B: 400, C: 400 } }, outcome: "tie", elected: [], tied: ["A", "B", "C"] },
    { name: "tie below the seats does not matter", round: { candidates: { A: 400, B: 400, C: 320 } }, outcome: "complete", elected: ["A", "B", "C"] },
    { name: "no candidates", round: { candidates: {} }, outcome: "runoff", elected: [] },
    // runoff (round 2): votes >= 1/3 of ballots
    { name: "exactly a third of 600", round: { round: 2, seats: 1, candidates: { A: 200, B: 150 } }, outcome: "complete", elected: ["A"] },
    { name: "one below a third of 600", round: { round: 2, seats: 1, candidates: { A: 199, B: 198 } }, outcome: "incomplete", elected: [] },
    { name: "one above a third of 600", round: { round: 2, seats: 1, candidates: { A: 201, B: 198 } }, outcome: "complete", elected: ["A"] },
    { name: "200 of 601 is short of a third", round: { voters: 601, ballots: 601, round: 2, seats: 1, candidates: { A: 200 } }, outcome: "incomplete" },
    { name: "invalid ballots are cast", round: { invalid: 60, round: 2, seats: 1, candidates: { A: 190, B: 150 } }, outcome: "incomplete" },
    { name: "round 2 most votes win", round: { round: 2, seats: 1, candidates: { A: 300, B: 250 } }, outcome: "complete", elected: ["A"] },
    { name: "round 2 tie", round: { round: 2, seats: 1, candidates: { A: 250, B: 250 } }, outcome: "tie", elected: [], tied: ["A", "B"] },
    { name: "round 3 reads like round 2", round: { round: 3, seats: 1, candidates: { A: 200 } }, outcome: "complete", elected: ["A"] },
  ];
  it.each(cases)("$name → $outcome", ({ round, outcome, elected, tied }) => {
    const r = elect(round);
    expect(r.outcome).toBe(outcome);
    if (elected) expect(r.elected).toEqual(elected);
    expect(r.tied).toEqual(tied ?? []);
  });

  it("covers every outcome", () => {
    expect(new Set(cases.map((c) => c.outcome))).toEqual(new Set(["void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"]));
  });
});

describe("election: inputs that cannot be", () => {
  const errors: { name: string; round: Partial<Round> | Record<string, unknown>; code: string }[] = [
    { name: "one candidate above the valid ballots", round: { invalid: 4, candidates: { A: 597 } }, code: "INCONSISTENT_VOTES" },
    { name: "more votes than valid × seats", round: { invalid: 4, seats: 1, candidates: { A: 300, B: 297 } }, code: "INCONSISTENT_VOTES" },
    { name: "more invalid than ballots", round: { invalid: 601, candidates: {} }, code: "INCONSISTENT_COUNTS" },
    { name: "more voters than registered", round: { voters: 1001, candidates: {} }, code: "INCONSISTENT_COUNTS" },
    { name: "no seats", round: { seats: 0 }, code: "INVALID_INPUT" },
    { name: "round 0", round: { round: 0 }, code: "INVALID_INPUT" },
    { name: "candidates as a list", round: { candidates: [400, 350] as unknown as Record<string, number> }, code: "INVALID_INPUT" },
    { name: "a fractional vote count", round: { candidates: { A: 1.5 } }, code: "INVALID_INPUT" },
    { name: "a negative vote count", round: { candidates: { A: -1 } }, code: "INVALID_INPUT" },
    { name: "an unknown input", round: { turnout: 3 }, code: "UNKNOWN_INPUT" },
  ];
  it.each(errors)("$name → $code", ({ round, code }) => {
    const out = ELECTION.evaluate({ ...base, ...round });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe(code);
    const decided = ELECTION.decide({ ...base, ...round });
    expect(decided.ok ? "ok" : decided.error.code).toBe(code);
  });

  it("accepts votes that fill the valid ballots exactly (one candidate, and in all)", () => {
    expect(elect({ invalid: 4, candidates: { A: 596 } }).outcome).toBe("runoff");
    expect(elect({ invalid: 4, seats: 1, candidates: { A: 300, B: 296 } }).outcome).toBe("runoff");
  });

  it("names the numbers when votes cannot fit", () => {
    const out = ELECTION.evaluate({ ...base, invalid: 4, seats: 1, candidates: { 王建国: 300, 李秀英: 297 } });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toBe("The candidates have 597 votes in all, more than 596 valid ballots × 1 seats = 596: a ballot marks at most as many names as there are seats.");
  });
});

/** An independent statement of art. 15 in BigInt: the outcome, elected and tied for one round. */
function oracle(r: Round): { outcome: ElectionOutcome; elected: string[]; tied: string[] } {
  const [registered, voters, ballots] = [BigInt(r.registered), BigInt(r.voters), BigInt(r.ballots)];
  if (ballots > voters) return { outcome: "void_ballots", elected: [], tied: [] };
  if (!(voters * 2n > registered)) return { outcome: "void_turnout", elected: [], tied: [] };
  const entries = Object.entries(r.candidates).map(([name, v], order) => ({ name, votes: BigInt(v), order }));
  const qualifies = (v: bigint) => (r.round === 1 ? v * 2n > voters : v * 3n >= ballots);
  const q = entries.filter((c) => qualifies(c.votes)).sort((a, b) => (b.votes > a.votes ? 1 : b.votes < a.votes ? -1 : a.order - b.order));
  if (q.length < r.seats) return { outcome: r.round === 1 ? "runoff" : "incomplete", elected: q.map((c) => c.name), tied: [] };
  const cut = q[r.seats - 1]!.votes;
  const above = q.filter((c) => c.votes > cut);
  const at = q.filter((c) => c.votes === cut);
  if (above.length + at.length > r.seats) return { outcome: "tie", elected: above.map((c) => c.name), tied: at.map((c) => c.name) };
  return { outcome: "complete", elected: q.slice(0, r.seats).map((c) => c.name), tied: [] };
}

/** A consistent round: votes spread over candidates so that none exceeds the valid ballots and all fit valid × seats. */
const roundArb: fc.Arbitrary<Round> = fc
  .record({
    registered: fc.integer({ min: 1, max: 3000 }),
    voterShare: fc.oneof(fc.constant(0.5), fc.double({ min: 0, max: 1, noNaN: true })),
    voterOffset: fc.integer({ min: -1, max: 1 }),
    extraBallots: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: -3, max: 0 })),
    invalidShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
    seats: fc.integer({ min: 1, max: 5 }),
    round: fc.constantFrom(1, 2),
    shares: fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(1 / 2, 1 / 3)), { maxLength: 8 }),
    tieAt: fc.option(fc.nat({ max: 7 }), { nil: undefined }),
    nudge: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 8, maxLength: 8 }),
  })
  .map((g): Round => {
    const voters = Math.min(g.registered, Math.max(0, Math.floor(g.registered * g.voterShare) + g.voterOffset));
    const ballots = Math.max(0, voters + g.extraBallots);
    const invalid = Math.min(ballots, Math.floor(ballots * g.invalidShare));
    const valid = ballots - invalid;
    let room = valid * g.seats;
    const candidates: Record<string, number> = {};
    const names = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊"];
    // Thresholds sit on voters (round 1) and ballots (round 2): aim near them, then keep every vote count possible.
    const aim = g.round === 1 ? voters : ballots;
    g.shares.forEach((share, i) => {
      let votes = Math.floor(aim * share) + g.nudge[i]!;
      if (g.tieAt !== undefined && i === g.tieAt + 1 && i > 0) votes = candidates[names[i - 1]!]!;
      votes = Math.max(0, Math.min(votes, valid, room));
      room -= votes;
      candidates[names[i]!] = votes;
    });
    return { registered: g.registered, voters, ballots, invalid, seats: g.seats, round: g.round, candidates };
  });

describe("election: property against a BigInt oracle", () => {
  it("agrees with the oracle on random rounds (outcome, elected in order, tied)", () => {
    assertProperty(
      fc.property(roundArb, (r) => {
        const out = ELECTION.evaluate(r);
        if (!out.ok || out.result.kind !== "election") throw new Error(`evaluate failed: ${out.ok ? "wrong kind" : out.error.message}`);
        const expected = oracle(r);
        expect({ outcome: out.result.outcome, elected: out.result.elected, tied: out.result.tied }).toEqual(expected);
        // Invariants: nobody elected and tied at once; never more elected than seats; a tie leaves a seat open.
        expect(out.result.elected.filter((n) => out.result.kind === "election" && out.result.tied.includes(n))).toEqual([]);
        expect(out.result.elected.length).toBeLessThanOrEqual(r.seats);
        if (expected.outcome === "tie") expect(out.result.elected.length).toBeLessThan(r.seats);
      }),
      { numRuns: 500 },
    );
  });
});

describe("election: the checker", () => {
  const codes = (src: string) => compile(src).diagnostics.map((d) => d.code);
  it("requires the four clauses", () => {
    expect(codes(`election e { void: ballots > voters\n elected: votes > 1/2 of voters }`)).toEqual(["MISSING_CLAUSE", "MISSING_CLAUSE"]);
  });
  it("suggests the clause a typo meant", () => {
    const d = compile(`${VILLAGE.replace("elected:", "elect:")}`).diagnostics;
    expect(d.map((x) => x.code)).toContain("UNKNOWN_CLAUSE");
    expect(d.find((x) => x.code === "UNKNOWN_CLAUSE")?.message).toContain("did you mean 'elected'");
  });
  it("reports a duplicate clause", () => {
    expect(codes(VILLAGE.replace("}", "  void: false\n}"))).toContain("DUPLICATE_CLAUSE");
  });
  it("keeps `votes` to the per-candidate clauses", () => {
    expect(codes(VILLAGE.replace("ballots > voters", "votes > voters"))).toContain("UNDEFINED_NAME");
    expect(codes(VILLAGE.replace("votes >= 1/3 of ballots", "ballots >= 1"))).toContain("CLAUSE_WITHOUT_VOTES");
  });
  it("types the clauses and their bases", () => {
    expect(codes(VILLAGE.replace("votes > 1/2 of voters", "votes + 1"))).toContain("TYPE_MISMATCH");
    expect(codes(VILLAGE.replace("1/2 of voters", "voters of 1/2"))).toContain("UNIT_MISMATCH");
  });
  it("checks tests: outcomes, name lists and the candidates tally", () => {
    const test = (body: string) => `${VILLAGE}\ntest "t" {\n  village_committee(registered: 10, voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: {"A": 4})\n  ${body}\n}\n`;
    expect(codes(test("expect outcome = passed"))).toEqual(["UNKNOWN_OUTCOME"]);
    expect(codes(test("expect elected = 3"))).toEqual(["EXPECT_NAMES"]);
    expect(codes(test("expect elected > \"A\""))).toEqual(["EXPECT_NAMES"]);
    expect(codes(test("expect outcome = complete"))).toEqual([]);
    expect(codes(`${VILLAGE}\ntest "t" {\n  village_committee(registered: 10, voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: 4)\n  expect outcome = complete\n}\n`)).toEqual(["TALLY_EXPECTED"]);
    expect(codes(`${VILLAGE}\ntest "t" {\n  village_committee(registered: {"A": 1}, voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: {})\n  expect outcome = complete\n}\n`)).toEqual(["TALLY_NOT_EXPECTED"]);
    expect(codes(`${VILLAGE}\ntest "t" {\n  village_committee(voters: 6, ballots: 6, invalid: 0, seats: 1, round: 1, candidates: {})\n  expect outcome = complete\n}\n`)).toEqual(["MISSING_ARGUMENT"]);
  });
  it("runs test blocks: names in any order, separated by 、 or commas", () => {
    const src = `${VILLAGE}\ntest "t" {\n  village_committee(registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: {"王建国": 400, "李秀英": 350, "张伟": 320, 刘洋: 320})\n    expect outcome = tie\n    expect elected = "李秀英, 王建国"\n    expect tied = "张伟、刘洋"\n    expect elected != "王建国"\n    expect valid = 596\n}\n\ntest "wrong" {\n  village_committee(registered: 1000, voters: 600, ballots: 600, invalid: 4, seats: 3, round: 1, candidates: {"王建国": 400})\n    expect elected = "李秀英"\n}\n`;
    const run = runTests(compile(src));
    expect(run.results.map((r) => r.passed)).toEqual([true, false]);
    expect(run.results[1]!.expectations[0]).toMatchObject({ expected: "李秀英", actual: "王建国" });
    expect(run.covered).toEqual(new Set(["village_committee:outcome:tie", "village_committee:outcome:runoff"]));
  });
  it("formats canonically and idempotently, tallies included", () => {
    const messy = `election   e "E" {\nturnout: voters > 1/2 of registered\n  void: ballots>voters   "无效"\n elected:votes>1/2 of voters\n  runoff: votes >= 1/3 of ballots\n}\ntest "t" { e(registered: 1, voters: 1, ballots: 1, invalid: 0, seats: 1, round: 1, candidates: {A: 1,"王 建国":0}) expect elected = "A" }\n`;
    const once = format(messy);
    expect(once).toEqual({
      ok: true,
      text: `election e "E" {\n  turnout: voters > 1/2 of registered\n  void:    ballots > voters  "无效"\n  elected: votes > 1/2 of voters\n  runoff:  votes >= 1/3 of ballots\n}\n\ntest "t" {\n  e(registered: 1, voters: 1, ballots: 1, invalid: 0, seats: 1, round: 1, candidates: {"A": 1, "王 建国": 0})\n    expect elected = "A"\n}\n`,
    });
    if (once.ok) expect(format(once.text)).toEqual(once);
  });
});

const RATING_SRC = `rating cadre_rating "民主测评" {
  levels 满意, 基本满意, 不满意
  let 认可率 = (满意 + 基本满意) / ballots "认可率"
  grade {
    "不称职" when 认可率 < 2/3
    "优秀"   when 满意 >= 2/3 of ballots
    "称职"   otherwise
  }
}

scorecard 考核 "考核" {
  input 满意: count
  input 基本满意: count
  input 不满意: count
  criterion 测评 "民主测评" max 10 {
    10 when (满意 + 基本满意) / (满意 + 基本满意 + 不满意) >= 90%
     0 otherwise
  }
}
`;

describe("rating (民主测评)", () => {
  let module: CompiledModule;
  let rating: CompiledRule;
  let scorecard: CompiledRule;
  beforeEach(() => {
    module = compile(RATING_SRC);
    rating = module.scope.get("cadre_rating")!;
    scorecard = module.scope.get("考核")!;
  });

  function rate(counts: Record<string, number>): RatingResult {
    const out = rating.evaluate(counts);
    if (!out.ok || out.result.kind !== "rating") throw new Error(out.ok ? "not a rating" : out.error.message);
    return out.result;
  }

  it("gives each level's count and exact share, and the grade at every boundary", () => {
    const r = rate({ 满意: 20, 基本满意: 6, 不满意: 4 });
    expect(r).toMatchObject({ kind: "rating", grade: "优秀", ballots: 30, counts: { 满意: 20, 基本满意: 6, 不满意: 4 } });
    expect(r.levels).toEqual([
      { name: "满意", count: 20, share: { num: "2", den: "3", decimal: "0.6667" } },
      { name: "基本满意", count: 6, share: { num: "1", den: "5", decimal: "0.2" } },
      { name: "不满意", count: 4, share: { num: "2", den: "15", decimal: "0.1333" } },
    ]);
    expect(rate({ 满意: 19, 基本满意: 7, 不满意: 4 }).grade).toBe("称职"); // one below two-thirds satisfied
    expect(rate({ 满意: 21, 基本满意: 5, 不满意: 4 }).grade).toBe("优秀"); // one above
    expect(rate({ 满意: 10, 基本满意: 10, 不满意: 10 }).grade).toBe("称职"); // approval exactly 2/3
    expect(rate({ 满意: 10, 基本满意: 9, 不满意: 11 }).grade).toBe("不称职"); // approval just below
    expect(rating.decide({ 满意: 20, 基本满意: 6, 不满意: 4 })).toEqual({ ok: true, decision: { kind: "rating", grade: "优秀" } });
  });

  it("refuses a rating with no ballots and unknown levels", () => {
    const none = rating.evaluate({ 满意: 0, 基本满意: 0, 不满意: 0 });
    expect(none.ok ? "ok" : none.error.code).toBe("NO_BALLOTS");
    const unknown = rating.evaluate({ 满意: 1, 基本满意: 0, 不满意: 0, 很满意: 1 });
    expect(unknown.ok ? "ok" : unknown.error.code).toBe("UNKNOWN_INPUT");
  });

  it("feeds a scorecard: the result's counts are the scorecard's input", () => {
    const r = rate({ 满意: 25, 基本满意: 3, 不满意: 2 });
    const scored = scorecard.evaluate(r.counts);
    expect(scored.ok).toBe(true);
    if (scored.ok) expect((scored.result as ScorecardResult).score).toBe(10);
  });

  it("checks levels, the grade and the names", () => {
    const codes = (src: string) => compile(src).diagnostics.map((d) => d.code);
    expect(codes(`rating r {\n  grade {\n    "好" otherwise\n  }\n}`)).toEqual(["MISSING_LEVELS"]);
    expect(codes(`rating r {\n  levels 好, 差\n}`)).toEqual(["MISSING_GRADE"]);
    expect(codes(`rating r {\n  levels 好, 差\n  levels 中\n  grade {\n    "好" when 好 > 差\n    "差" otherwise\n  }\n}`)).toEqual(["DUPLICATE_LEVELS"]);
    expect(codes(`rating r {\n  levels 好, ballots\n  grade {\n    "好" otherwise\n  }\n}`)).toEqual(["RESERVED_NAME"]);
    expect(codes(`rating r {\n  levels 好, 差\n  grade {\n    "好" when 中 > 差\n    "差" otherwise\n  }\n}`)).toEqual(["UNDEFINED_NAME"]);
    expect(codes(`rating r {\n  levels 好, 差\n  grade {\n    "好" when 好 > 差\n  }\n}`)).toEqual(["MISSING_OTHERWISE"]);
  });

  it("runs test blocks with level counts and grades", () => {
    const src = `${RATING_SRC}\ntest "t" {\n  cadre_rating(满意: 20, 基本满意: 6, 不满意: 4)\n    expect grade = "优秀"\n    expect ballots = 30\n    expect 满意 = 20\n    expect 认可率 = 13/15\n}\n`;
    const m = compile(src);
    expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const run = runTests(m);
    expect(run.failed).toBe(0);
    expect(run.covered.has("cadre_rating:grade:1")).toBe(true);
    expect(compile(`${RATING_SRC}\ntest "t" {\n  cadre_rating(满意: 20, 基本满意: 6, 不满意: 4)\n    expect grade = "良好"\n}\n`).diagnostics.map((d) => d.code)).toEqual(["UNKNOWN_GRADE"]);
  });

  it("formats canonically and idempotently", () => {
    const once = format(`rating  r "R" {\nlevels 好,差\n  let x = 好/ballots\ngrade {\n"好" when x>1/2\n"差" otherwise\n}\n}\n`);
    expect(once).toEqual({ ok: true, text: `rating r "R" {\n  levels 好, 差\n\n  let x = 好 / ballots\n\n  grade {\n    "好" when x > 1/2\n    "差" otherwise\n  }\n}\n` });
    if (once.ok) expect(format(once.text)).toEqual(once);
  });
});
