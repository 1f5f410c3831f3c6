/**
 * Scaling: compile (and format) time of generated 1k, 10k and 100k-line rule files, and the time to
 * tally ballots of 10, 1,000 and 100,000 members and decide them; each reported per line or per
 * member, with a check that the cost per unit stays flat (linear growth).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile, format, type CompiledRule } from "@gavel-rules/lang";
import { seededRandom, type BallotTally } from "./workloads";

/** Per-unit cost may grow by at most this factor from the smallest to the largest size. */
const LINEAR_TOLERANCE = 2;

const VOTE_BASES = ["entitled", "present", "cast"] as const;
const FRACTIONS = ["1/2", "2/3", "3/4", "3/5", "50%", "0.6"] as const;

/** A vote block with its own name and thresholds, and a test at the roster of 30. */
function voteBlock(i: number): string {
  const quorum = FRACTIONS[i % FRACTIONS.length];
  const passes = FRACTIONS[(i + 2) % FRACTIONS.length];
  const base = VOTE_BASES[i % VOTE_BASES.length];
  return `# 票决规则 ${i}
vote vote_${i} "票决 ${i} / Vote ${i}" {
  quorum: present > ${quorum} of entitled   "出席超过应到的 ${quorum}"
  passes: yes > ${passes} of ${base}         "赞成超过 ${passes}"
}

test "vote ${i}: everyone present and in favour passes" {
  vote_${i}(entitled: 30, present: 30, yes: 30, no: 0, abstain: 0)
    expect outcome = passed
}
`;
}

/** A scorecard block shaped like examples/cadre-review.gavel, with its own names. */
function scorecardBlock(i: number): string {
  return `scorecard card_${i} "考核 ${i} / Review ${i}" {
  input days_${i}:   number min 0 max 366  "培训天数"
  input visits_${i}: count max 12          "走访月数"
  input good_${i}:   count                 "满意票"
  input bad_${i}:    count                 "不满意票"

  let ballots_${i}  = good_${i} + bad_${i}          "有效票"
  let approval_${i} = good_${i} / ballots_${i}      "认可率"

  criterion training_${i} "培训" max 10 {
    10 when days_${i} >= 15   "达到15天"
     6 when days_${i} >= 10   "10天以上"
     0 otherwise              "不足10天"
  }

  criterion visits_ok_${i} "走访" max 20 {
    20 when visits_${i} = 12   "每月走访"
    10 when visits_${i} >= 9   "9至11个月"
     0 otherwise               "不足9个月"
  }

  criterion evaluation_${i} "测评" max 40 {
    40 when approval_${i} >= 90%   "90%以上"
    25 when approval_${i} >= 75%   "75%以上"
     0 otherwise                   "低于75%"
  }

  grade {
    "优秀"   when score >= 60
    "称职"   when score >= 40
    "不称职" otherwise
  }
}
`;
}

/** A generated rule file of at least `lines` lines: votes and scorecards alternating. */
export function generatedRuleFile(lines: number): string {
  const blocks: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const block = i % 2 === 0 ? voteBlock(i) : scorecardBlock(i);
    blocks.push(block);
    count += block.split("\n").length;
  }
  return blocks.join("\n");
}

/** A scorecard written on long lines: `inputs` inputs summed and weighted in one `let` each, and and/or conditions over all of them. */
function wideScorecardBlock(i: number, inputs: number): string {
  const names = Array.from({ length: inputs }, (_, k) => `q${i}_${k}`);
  const lines = names.map((n, k) => `  input ${n}: count max 100 "第${k}项 / item ${k}"`);
  lines.push(`  let total_${i} = ${names.join(" + ")} "合计"`);
  lines.push(`  let weighted_${i} = ${names.map((n, k) => `${n} * ${1 + (k % 5)}`).join(" + ")} "加权"`);
  lines.push(`  criterion all_${i} "全部达标" max 10 {\n    10 when ${names.map((n) => `${n} >= 3`).join(" and ")} "全部达标"\n     5 when ${names.map((n) => `${n} >= 1`).join(" or ")} "部分达标"\n     0 otherwise\n  }`);
  lines.push(`  criterion sum_${i} "合计" max 20 {\n    20 when total_${i} >= ${inputs * 50} and weighted_${i} > ${inputs * 100}\n    10 when total_${i} >= ${inputs * 20}\n     0 otherwise\n  }`);
  lines.push(`  grade {\n    "优秀" when score >= 25\n    "合格" otherwise\n  }`);
  return `scorecard wide_${i} "宽表 ${i}" {\n${lines.join("\n")}\n}\n`;
}

/** A rule file of at least `bytes` bytes (UTF-8): one wide scorecard of 120 inputs after every two blocks of the generated file. */
export function longLineRuleFile(bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = i % 3 === 2 ? wideScorecardBlock(i, 120) : i % 3 === 0 ? voteBlock(i) : scorecardBlock(i);
    blocks.push(block);
    size += Buffer.byteLength(block) + 1;
  }
  return blocks.join("\n");
}

/** One vote whose `let` is a chain of `terms` terms (issue 9: 3,000 overflowed the stack). */
export function longChainRuleFile(terms: number): string {
  const chain = Array.from({ length: terms }, (_, k) => ["yes", "2", "no", "abstain"][k % 4]).join(" + ");
  return `vote chained {\n  let s = ${chain}\n  quorum: present >= 1/2 of entitled\n  passes: s > entitled\n}\n`;
}

interface LongInputRow {
  name: string;
  bytes: number;
  compileMs: number;
  formatMs: number;
}

/** Compile and format time of a 1 MiB file of long lines and of one 50,000-term chain. */
export function measureLongInputs(): LongInputRow[] {
  const inputs: [string, string][] = [
    ["1 MiB file, long lines (wide scorecards with 120-term sums and and/or conditions)", longLineRuleFile(1 << 20)],
    ["one rule, `let s = …` of 50,000 terms", longChainRuleFile(50_000)],
  ];
  return inputs.map(([name, source]) => {
    const compileMs = bestOf(3, () => {
      const module = compile(source);
      if (!module.ok) throw new Error(`${name} does not compile: ${module.diagnostics[0]?.message}`);
    });
    const formatMs = bestOf(3, () => {
      if (!format(source).ok) throw new Error(`${name} does not format`);
    });
    return { name, bytes: Buffer.byteLength(source), compileMs, formatMs };
  });
}

function bestOf(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

interface CompileRow {
  lines: number;
  rules: number;
  compileMs: number;
  formatMs: number;
}

function measureCompile(targetLines: number): CompileRow {
  const source = generatedRuleFile(targetLines);
  const lines = source.split("\n").length;
  let rules = 0;
  const runs = targetLines >= 100_000 ? 2 : 3;
  const compileMs = bestOf(runs, () => {
    const module = compile(source, { file: `generated-${targetLines}.gavel` });
    if (!module.ok) throw new Error(`generated file does not compile: ${module.diagnostics[0]?.code} ${module.diagnostics[0]?.message}`);
    rules = module.rules.length;
  });
  const formatMs = bestOf(runs, () => {
    const formatted = format(source);
    if (!formatted.ok) throw new Error("generated file does not format");
  });
  return { lines, rules, compileMs, formatMs };
}

// ---- ballots: roster, attendance and votes of one meeting, counted, then decided ----

type Choice = "yes" | "no" | "abstain";

interface Meeting {
  roster: string[];
  attendance: string[];
  votes: { member: string; choice: Choice }[];
}

/** A meeting of `members`: about 80% attend, most of those vote; seeded, so always the same. */
export function generatedMeeting(members: number, seed: number): Meeting {
  const random = seededRandom(seed);
  const roster = Array.from({ length: members }, (_, i) => `m${i}`);
  const attendance = roster.filter(() => random() < 0.8);
  const votes: Meeting["votes"] = [];
  for (const member of attendance) {
    const pick = random();
    if (pick < 0.55) votes.push({ member, choice: "yes" });
    else if (pick < 0.8) votes.push({ member, choice: "no" });
    else if (pick < 0.9) votes.push({ member, choice: "abstain" });
  }
  return { roster, attendance, votes };
}

/** Counts a meeting as the service must: only entitled members attend, only those present vote, once. */
export function tallyMeeting(meeting: Meeting): BallotTally {
  const entitled = new Set(meeting.roster);
  const present = new Set<string>();
  for (const member of meeting.attendance) if (entitled.has(member)) present.add(member);
  const voted = new Set<string>();
  const tally: BallotTally = { entitled: entitled.size, present: present.size, yes: 0, no: 0, abstain: 0 };
  for (const vote of meeting.votes) {
    if (!present.has(vote.member) || voted.has(vote.member)) continue;
    voted.add(vote.member);
    tally[vote.choice]++;
  }
  return tally;
}

interface TallyRow {
  members: number;
  repetitions: number;
  countMsPerBallot: number;
  decideMsPerBallot: number;
  /** Building one Set of the roster ids and nothing else: the runtime's own cost per member. */
  rosterSetMsPerBallot: number;
  outcome: string;
}

function measureTally(rule: CompiledRule, members: number): TallyRow {
  const meeting = generatedMeeting(members, members);
  // About 200,000 member-visits per measurement, so small ballots are timed over many repetitions.
  const repetitions = Math.max(5, Math.round(200_000 / members));
  const tally = tallyMeeting(meeting) as unknown as Record<string, unknown>;
  let sink = 0;
  const countMs = bestOf(3, () => {
    for (let r = 0; r < repetitions; r++) sink += tallyMeeting(meeting).yes;
  });
  const rosterSetMs = bestOf(3, () => {
    for (let r = 0; r < repetitions; r++) sink += new Set(meeting.roster).size;
  });
  // decide() alone is timed over many calls: it is constant-time and far below a millisecond.
  const decideCalls = 200_000;
  let outcome = "";
  const decideMs = bestOf(3, () => {
    for (let r = 0; r < decideCalls; r++) {
      const decided = rule.decide(tally);
      outcome = decided.ok && decided.decision.kind === "vote" ? decided.decision.outcome : `error ${decided.ok ? "" : decided.error.code}`;
    }
  });
  if (sink < 0) throw new Error("unreachable");
  return {
    members,
    repetitions,
    countMsPerBallot: countMs / repetitions,
    decideMsPerBallot: decideMs / decideCalls,
    rosterSetMsPerBallot: rosterSetMs / repetitions,
    outcome,
  };
}

// ---- reporting ----

const integer = (value: number): string => Math.round(value).toLocaleString("en-US");

function linearVerdict(perUnit: number[]): string {
  const first = perUnit[0] ?? Number.NaN;
  const last = perUnit[perUnit.length - 1] ?? Number.NaN;
  const growth = last / first;
  return growth <= LINEAR_TOLERANCE
    ? `linear: the cost per unit at the largest size is ${growth.toFixed(2)}× the smallest`
    : `NOT linear: the cost per unit grows ${growth.toFixed(2)}× from the smallest to the largest size`;
}

function last<T>(items: T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error("empty list");
  return item;
}

/** Runs the scaling benchmarks and returns them as markdown. */
export async function runScalingBench(): Promise<string> {
  // Warm the JIT as a running service or editor is: one 300-line compile left the 1k row measuring the warm-up.
  const warmUp = generatedRuleFile(1_000);
  for (let run = 0; run < 5; run++) {
    compile(warmUp);
    format(warmUp);
  }
  const compileRows = [1_000, 10_000, 100_000].map(measureCompile);
  const longRows = measureLongInputs();

  const majorMatter = compile(readFileSync(fileURLToPath(new URL("../dsl/std/major-matter.gavel", import.meta.url)), "utf8")).scope.get("major_matter");
  if (!majorMatter) throw new Error("dsl/std/major-matter.gavel does not compile");
  measureTally(majorMatter, 1_000); // warm-up
  const tallyRows = [10, 1_000, 100_000].map((members) => measureTally(majorMatter, members));

  const lines = [
    "## Scaling",
    "",
    "### Compile and format time by file size",
    "",
    "Generated files: alternating votes (each with a test) and cadre-style scorecards (3 criteria, a grade), every name unique, Chinese labels. Best of 3 (2 for 100k lines), after five compiles and formats of a 1k-line file.",
    "",
    "| lines | rules | compile (ms) | compile per line (µs) | format (ms) | format per line (µs) |",
    "|---:|---:|---:|---:|---:|---:|",
    ...compileRows.map(
      (row) =>
        `| ${integer(row.lines)} | ${integer(row.rules)} | ${row.compileMs.toFixed(1)} | ${((row.compileMs * 1000) / row.lines).toFixed(2)} | ${row.formatMs.toFixed(1)} | ${((row.formatMs * 1000) / row.lines).toFixed(2)} |`,
    ),
    "",
    `Compile: ${linearVerdict(compileRows.map((row) => row.compileMs / row.lines))}. Format: ${linearVerdict(compileRows.map((row) => row.formatMs / row.lines))}.`,
    "",
    "### Long lines and long chains",
    "",
    "Operator chains are flat in the compiler (no recursion per operator), so neither a long line nor a long chain costs more than its size. Best of 3.",
    "",
    "| input | bytes | compile (ms) | format (ms) |",
    "|---|---:|---:|---:|",
    ...longRows.map((row) => `| ${row.name} | ${integer(row.bytes)} | ${row.compileMs.toFixed(1)} | ${row.formatMs.toFixed(1)} |`),
    "",
    "### Tallying a ballot and deciding it",
    "",
    "Roster, attendance and votes as arrays of member ids (strings); counting checks that each voter is entitled, present and votes once (JS `Set`s), then `major_matter.decide(tally)`. Best of 3. " +
      "The last column is a reference: building one `Set` of the roster ids and nothing else.",
    "",
    "| members | repetitions | count per ballot (ms) | count per member (ns) | decide() per ballot (µs) | outcome | `new Set(roster)` per member (ns) |",
    "|---:|---:|---:|---:|---:|---|---:|",
    ...tallyRows.map(
      (row) =>
        `| ${integer(row.members)} | ${integer(row.repetitions)} | ${row.countMsPerBallot.toFixed(4)} | ${((row.countMsPerBallot * 1e6) / row.members).toFixed(1)} | ${(row.decideMsPerBallot * 1000).toFixed(3)} | ${row.outcome} | ${((row.rosterSetMsPerBallot * 1e6) / row.members).toFixed(1)} |`,
    ),
    "",
    `Counting: ${linearVerdict(tallyRows.map((row) => row.countMsPerBallot / row.members))}. ` +
      `A bare \`new Set(roster)\`: ${linearVerdict(tallyRows.map((row) => row.rosterSetMsPerBallot / row.members))}. ` +
      `decide() per ballot at 100,000 members is ${(last(tallyRows).decideMsPerBallot / (tallyRows[0]?.decideMsPerBallot ?? Number.NaN)).toFixed(2)}× its time at 10: constant, it takes the counts, not the members.`,
  ];
  return lines.join("\n");
}
