/**
 * The engine comparison: the major-matter vote and the annual cadre review, each run on 100,000
 * generated records in gavel, hand-written TypeScript, json-rules-engine, GoRules ZEN and CEL.
 * Every engine's answer on every record is checked against the bigint oracle before timing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile, type CompiledRule, type DecideOutcome, type EvalOutcome, type ExactJson } from "@gavel-rules/lang";
import { Engine, type Almanac, type ConditionProperties } from "json-rules-engine";
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import { Environment } from "@marcbachmann/cel-js";
import {
  cadreReviewOracle,
  generateBallots,
  generateCadres,
  handWrittenCadreReview,
  handWrittenMajorMatter,
  majorMatterOracle,
  type BallotTally,
  type CadreAnswer,
  type CadreInput,
} from "./workloads";
import { median } from "./statistics";

const repoFile = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const MAJOR_MATTER_FILE = "dsl/std/major-matter.gavel";
const CADRE_REVIEW_FILE = "examples/cadre-review.gavel";

/** How long each engine is timed on each workload, after its correctness pass. */
const TIMING_BUDGET_MS = 2_000;
/** Compile/set-up repetitions after the first (cold) one; the median is reported. */
const WARM_COMPILES = 10;

/** An engine's answer reduced to one comparable string: a vote outcome, or "score grade". */
type Answer = string;

/** A prepared rule set: sync engines return the answer, async engines a promise of it. */
type Decider<I> = { mode: "sync"; decide: (input: I) => Answer } | { mode: "async"; decide: (input: I) => Promise<Answer> };

/** One engine's entry in a workload: how it is set up (timed as compile) and a note for the table. */
interface Contender<I> {
  engine: string;
  note: string;
  prepare: () => Decider<I> | Promise<Decider<I>>;
}

/** What one engine measured on one workload. */
interface Measurement {
  engine: string;
  note: string;
  mode: "sync" | "async";
  firstCompileMs: number;
  warmCompileMs: number;
  mismatches: number;
  mismatchExamples: string[];
  evaluations: number;
  seconds: number;
  perSecond: number;
}

const cadreKey = (answer: CadreAnswer): Answer => `${answer.score} ${answer.grade}`;
const exactKey = (value: ExactJson): string => (typeof value === "number" ? String(value) : `${value.num}/${value.den}`);

function gavelDecision(outcome: DecideOutcome): Answer {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const decision = outcome.decision;
  if (decision.kind !== "scorecard") return decision.kind === "vote" ? decision.outcome : JSON.stringify(decision);
  return `${exactKey(decision.score)} ${decision.grade ?? ""}`;
}

function gavelResult(outcome: EvalOutcome): Answer {
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const result = outcome.result;
  if (result.kind !== "scorecard") return result.kind === "vote" ? result.outcome : JSON.stringify(result);
  return `${exactKey(result.score)} ${result.grade ?? ""}`;
}

/** The answer of a result after writing it as JSON, the way every caller outside this process receives it. */
function writtenResult(outcome: EvalOutcome): Answer {
  return JSON.stringify(outcome).length > 0 ? gavelResult(outcome) : "nothing written";
}

/** Compiles one rule of a gavel file, failing loudly when the file does not compile. */
function compileGavelRule(path: string, rule: string): CompiledRule {
  const module = compile(readFileSync(repoFile(path), "utf8"), { file: path });
  const compiled = module.scope.get(rule);
  if (!module.ok || !compiled) {
    throw new Error(`${path} does not compile: ${module.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return compiled;
}

// ---- json-rules-engine: facts, computed facts for thresholds, one rule per outcome or band ----

function majorMatterRulesEngine(): Decider<BallotTally> {
  const engine = new Engine();
  // Thresholds as the docs suggest: computed facts, here in JavaScript numbers (floats).
  engine.addFact("quorumThreshold", async (_params: unknown, almanac: Almanac) => ((await almanac.factValue<number>("entitled")) * 2) / 3);
  engine.addFact("approvalThreshold", async (_params: unknown, almanac: Almanac) => (await almanac.factValue<number>("entitled")) / 2);
  const quorum = { fact: "present", operator: "greaterThan", value: { fact: "quorumThreshold" } };
  const noQuorum = { fact: "present", operator: "lessThanInclusive", value: { fact: "quorumThreshold" } };
  const approval = { fact: "yes", operator: "greaterThan", value: { fact: "approvalThreshold" } };
  const noApproval = { fact: "yes", operator: "lessThanInclusive", value: { fact: "approvalThreshold" } };
  engine.addRule({ conditions: { all: [noQuorum] }, event: { type: "no_quorum" } });
  engine.addRule({ conditions: { all: [quorum, approval] }, event: { type: "passed" } });
  engine.addRule({ conditions: { all: [quorum, noApproval] }, event: { type: "rejected" } });
  return {
    mode: "async",
    decide: async (ballot) => {
      const { events } = await engine.run({ ...ballot });
      return events.map((event) => event.type).join(",");
    },
  };
}

type Band = { points: number; all: ConditionProperties[] };

function cadreReviewRulesEngine(): Decider<CadreInput> {
  const engine = new Engine();
  engine.addFact("approval", async (_params: unknown, almanac: Almanac) => {
    const satisfied = await almanac.factValue<number>("satisfied");
    const basically = await almanac.factValue<number>("basically");
    const unsatisfied = await almanac.factValue<number>("unsatisfied");
    return (satisfied + basically) / (satisfied + basically + unsatisfied);
  });
  const criteria: Record<string, Band[]> = {
    training: [
      { points: 10, all: [{ fact: "training_days", operator: "greaterThanInclusive", value: 15 }] },
      { points: 6, all: [{ fact: "training_days", operator: "greaterThanInclusive", value: 10 }, { fact: "training_days", operator: "lessThan", value: 15 }] },
      { points: 0, all: [{ fact: "training_days", operator: "lessThan", value: 10 }] },
    ],
    talks: [
      { points: 10, all: [{ fact: "talk_half_years", operator: "equal", value: 2 }] },
      { points: 5, all: [{ fact: "talk_half_years", operator: "equal", value: 1 }] },
      { points: 0, all: [{ fact: "talk_half_years", operator: "equal", value: 0 }] },
    ],
    leader_visits: [
      { points: 20, all: [{ fact: "leader_visit_months", operator: "equal", value: 12 }] },
      { points: 10, all: [{ fact: "leader_visit_months", operator: "greaterThanInclusive", value: 9 }, { fact: "leader_visit_months", operator: "lessThan", value: 12 }] },
      { points: 0, all: [{ fact: "leader_visit_months", operator: "lessThan", value: 9 }] },
    ],
    rep_visits: [
      { points: 20, all: [{ fact: "rep_visit_quarters", operator: "equal", value: 4 }] },
      { points: 10, all: [{ fact: "rep_visit_quarters", operator: "equal", value: 3 }] },
      { points: 0, all: [{ fact: "rep_visit_quarters", operator: "lessThan", value: 3 }] },
    ],
    evaluation: [
      { points: 40, all: [{ fact: "approval", operator: "greaterThanInclusive", value: 0.9 }] },
      { points: 25, all: [{ fact: "approval", operator: "greaterThanInclusive", value: 0.75 }, { fact: "approval", operator: "lessThan", value: 0.9 }] },
      { points: 0, all: [{ fact: "approval", operator: "lessThan", value: 0.75 }] },
    ],
  };
  // Criteria run first (priority 2) and record their points as runtime facts; the grade rules
  // (priority 1) then read the total through the computed fact `score`.
  for (const [criterion, bands] of Object.entries(criteria)) {
    for (const band of bands) {
      engine.addRule({
        priority: 2,
        conditions: { all: band.all },
        event: { type: "criterion", params: { criterion, points: band.points } },
        onSuccess: (_event, almanac) => almanac.addRuntimeFact(criterion, band.points),
      });
    }
  }
  engine.addFact("score", async (_params: unknown, almanac: Almanac) => {
    let score = 0;
    for (const criterion of Object.keys(criteria)) score += await almanac.factValue<number>(criterion);
    return score;
  });
  const grade = (name: string, all: Band["all"]) =>
    engine.addRule({ priority: 1, conditions: { all }, event: { type: "grade", params: { grade: name } } });
  grade("不称职", [{ fact: "evaluation", operator: "equal", value: 0 }]);
  grade("优秀", [{ fact: "evaluation", operator: "greaterThan", value: 0 }, { fact: "score", operator: "greaterThanInclusive", value: 90 }]);
  grade("称职", [{ fact: "evaluation", operator: "greaterThan", value: 0 }, { fact: "score", operator: "greaterThanInclusive", value: 60 }, { fact: "score", operator: "lessThan", value: 90 }]);
  grade("不称职", [{ fact: "evaluation", operator: "greaterThan", value: 0 }, { fact: "score", operator: "lessThan", value: 60 }]);
  return {
    mode: "async",
    decide: async (cadre) => {
      const { events, almanac } = await engine.run({ ...cadre });
      const grades = events.filter((event) => event.type === "grade").map((event) => String(event.params?.grade));
      return `${await almanac.factValue<number>("score")} ${grades.join(",")}`;
    },
  };
}

// ---- GoRules ZEN: a JDM decision graph built in code (expression nodes and first-hit tables) ----

const at = { x: 0, y: 0 };

/** A JDM graph that runs its nodes one after the other. */
function zenChain(nodes: object[]): object {
  const all = [{ id: "request", type: "inputNode", name: "Request", position: at }, ...nodes, { id: "response", type: "outputNode", name: "Response", position: at }];
  const ids = all.map((node) => (node as { id: string }).id);
  const edges = ids.slice(1).map((target, i) => ({ id: `edge${i}`, type: "edge", sourceId: ids[i], targetId: target }));
  return { contentType: "application/vnd.gorules.decision", nodes: all, edges };
}

/** A first-hit decision table on one column whose rows give `field` a value. */
function zenTable(field: string, column: string, rows: [condition: string, value: string][]): object {
  return {
    id: field,
    type: "decisionTableNode",
    name: field,
    position: at,
    content: {
      hitPolicy: "first",
      passThrough: true,
      inputs: [{ id: "condition", name: column, field: column }],
      outputs: [{ id: "value", name: field, field }],
      rules: rows.map(([condition, value], i) => ({ _id: `${field}${i}`, condition, value })),
    },
  };
}

function zenExpressions(id: string, expressions: Record<string, string>): object {
  const list = Object.entries(expressions).map(([key, value], i) => ({ id: `${id}${i}`, key, value }));
  return { id, type: "expressionNode", name: id, position: at, content: { passThrough: true, expressions: list } };
}

function majorMatterZen(zenEngine: ZenEngine): Decider<BallotTally> {
  const decision: ZenDecision = zenEngine.createDecision(
    zenChain([
      zenExpressions("thresholds", { quorum: "present > entitled * 2 / 3", passes: "yes > entitled / 2" }),
      {
        id: "outcome",
        type: "decisionTableNode",
        name: "Outcome",
        position: at,
        content: {
          hitPolicy: "first",
          inputs: [{ id: "quorum", name: "Quorum", field: "quorum" }, { id: "passes", name: "Passes", field: "passes" }],
          outputs: [{ id: "outcome", name: "Outcome", field: "outcome" }],
          rules: [
            { _id: "r1", quorum: "false", passes: "", outcome: '"no_quorum"' },
            { _id: "r2", quorum: "", passes: "true", outcome: '"passed"' },
            { _id: "r3", quorum: "", passes: "", outcome: '"rejected"' },
          ],
        },
      },
    ]),
  );
  return { mode: "async", decide: async (ballot) => String((await decision.evaluate(ballot)).result.outcome) };
}

function cadreReviewZen(zenEngine: ZenEngine): Decider<CadreInput> {
  const decision: ZenDecision = zenEngine.createDecision(
    zenChain([
      zenExpressions("approval", { approval: "(satisfied + basically) / (satisfied + basically + unsatisfied)" }),
      zenTable("training", "training_days", [[">= 15", "10"], [">= 10", "6"], ["", "0"]]),
      zenTable("talks", "talk_half_years", [["2", "10"], ["1", "5"], ["", "0"]]),
      zenTable("leader_visits", "leader_visit_months", [["12", "20"], [">= 9", "10"], ["", "0"]]),
      zenTable("rep_visits", "rep_visit_quarters", [["4", "20"], ["3", "10"], ["", "0"]]),
      zenTable("evaluation", "approval", [[">= 0.9", "40"], [">= 0.75", "25"], ["", "0"]]),
      zenExpressions("total", { score: "training + talks + leader_visits + rep_visits + evaluation" }),
      {
        id: "grade",
        type: "decisionTableNode",
        name: "Grade",
        position: at,
        content: {
          hitPolicy: "first",
          passThrough: true,
          inputs: [{ id: "evaluation", name: "Evaluation", field: "evaluation" }, { id: "score", name: "Score", field: "score" }],
          outputs: [{ id: "grade", name: "Grade", field: "grade" }],
          rules: [
            { _id: "g1", evaluation: "0", score: "", grade: '"不称职"' },
            { _id: "g2", evaluation: "", score: ">= 90", grade: '"优秀"' },
            { _id: "g3", evaluation: "", score: ">= 60", grade: '"称职"' },
            { _id: "g4", evaluation: "", score: "", grade: '"不称职"' },
          ],
        },
      },
    ]),
  );
  return {
    mode: "async",
    decide: async (cadre) => {
      const { result } = await decision.evaluate(cadre);
      return `${result.score} ${result.grade}`;
    },
  };
}

// ---- CEL (@marcbachmann/cel-js): typed Environment, expressions parsed once ----

function majorMatterCel(): Decider<BallotTally> {
  const env = new Environment();
  for (const fact of ["entitled", "present", "yes", "no", "abstain"]) env.registerVariable(fact, "int");
  // CEL ints are int64 (bigint here) and `/` on ints truncates.
  const outcome = env.parse('!(present > entitled * 2 / 3) ? "no_quorum" : (yes > entitled / 2 ? "passed" : "rejected")');
  return {
    mode: "sync",
    decide: (b) =>
      String(outcome({ entitled: BigInt(b.entitled), present: BigInt(b.present), yes: BigInt(b.yes), no: BigInt(b.no), abstain: BigInt(b.abstain) })),
  };
}

function cadreReviewCel(): Decider<CadreInput> {
  const env = new Environment().registerVariable("training_days", "double");
  for (const count of ["talk_half_years", "leader_visit_months", "rep_visit_quarters", "satisfied", "basically", "unsatisfied"]) {
    env.registerVariable(count, "int");
  }
  const approval = "double(satisfied + basically) / double(satisfied + basically + unsatisfied)";
  const criteria = [
    env.parse("training_days >= 15.0 ? 10 : (training_days >= 10.0 ? 6 : 0)"),
    env.parse("talk_half_years == 2 ? 10 : (talk_half_years == 1 ? 5 : 0)"),
    env.parse("leader_visit_months == 12 ? 20 : (leader_visit_months >= 9 ? 10 : 0)"),
    env.parse("rep_visit_quarters == 4 ? 20 : (rep_visit_quarters == 3 ? 10 : 0)"),
  ];
  const evaluation = env.parse(`${approval} >= 0.9 ? 40 : (${approval} >= 0.75 ? 25 : 0)`);
  const gradeEnv = new Environment().registerVariable("score", "int").registerVariable("evaluation", "int");
  const grade = gradeEnv.parse('evaluation == 0 ? "不称职" : (score >= 90 ? "优秀" : (score >= 60 ? "称职" : "不称职"))');
  return {
    mode: "sync",
    decide: (c) => {
      const context = {
        training_days: c.training_days,
        talk_half_years: BigInt(c.talk_half_years),
        leader_visit_months: BigInt(c.leader_visit_months),
        rep_visit_quarters: BigInt(c.rep_visit_quarters),
        satisfied: BigInt(c.satisfied),
        basically: BigInt(c.basically),
        unsatisfied: BigInt(c.unsatisfied),
      };
      const points = evaluation(context) as bigint;
      let score = points;
      for (const criterion of criteria) score += criterion(context) as bigint;
      return `${score} ${String(grade({ score, evaluation: points }))}`;
    },
  };
}

// ---- the contenders of each workload ----

function majorMatterContenders(zenEngine: ZenEngine): Contender<BallotTally>[] {
  return [
    { engine: "hand-written TypeScript", note: "`present * 3 > entitled * 2`, `yes * 2 > entitled`", prepare: () => ({ mode: "sync", decide: handWrittenMajorMatter }) },
    {
      engine: "gavel `decide()`",
      note: `compile(${MAJOR_MATTER_FILE}) (file incl. its tests), fast path`,
      prepare: () => {
        const rule = compileGavelRule(MAJOR_MATTER_FILE, "major_matter");
        return { mode: "sync", decide: (b) => gavelDecision(rule.decide(b as unknown as Record<string, unknown>)) };
      },
    },
    {
      engine: "gavel `evaluate()`",
      note: "same rule, full result JSON with explanation",
      prepare: () => {
        const rule = compileGavelRule(MAJOR_MATTER_FILE, "major_matter");
        return { mode: "sync", decide: (b) => gavelResult(rule.evaluate(b as unknown as Record<string, unknown>)) };
      },
    },
    {
      engine: "gavel `evaluate()` written as JSON",
      note: "same result, `JSON.stringify` of it as the API and `gavel eval` write it (margins and explanation rendered)",
      prepare: () => {
        const rule = compileGavelRule(MAJOR_MATTER_FILE, "major_matter");
        return { mode: "sync", decide: (b) => writtenResult(rule.evaluate(b as unknown as Record<string, unknown>)) };
      },
    },
    { engine: "json-rules-engine", note: "computed facts `entitled * 2 / 3`, `entitled / 2` (JS floats); 3 rules; `await engine.run()` per record", prepare: majorMatterRulesEngine },
    { engine: "GoRules ZEN", note: "JDM graph: expression node `present > entitled * 2 / 3` + first-hit table; `await decision.evaluate()` per record", prepare: () => majorMatterZen(zenEngine) },
    { engine: "CEL (cel-js)", note: "typed `int` variables (BigInt per record), one parsed expression, `/` truncates", prepare: majorMatterCel },
  ];
}

function cadreReviewContenders(zenEngine: ZenEngine): Contender<CadreInput>[] {
  return [
    { engine: "hand-written TypeScript", note: "ternaries; approval by `approved * 100 >= ballots * 90`", prepare: () => ({ mode: "sync", decide: (c: CadreInput) => cadreKey(handWrittenCadreReview(c)) }) },
    {
      engine: "gavel `decide()`",
      note: `compile(${CADRE_REVIEW_FILE}) (file incl. its tests), fast path`,
      prepare: () => {
        const rule = compileGavelRule(CADRE_REVIEW_FILE, "cadre_review");
        return { mode: "sync", decide: (c) => gavelDecision(rule.decide(c as unknown as Record<string, unknown>)) };
      },
    },
    {
      engine: "gavel `evaluate()`",
      note: "same rule, full result JSON: criteria with reasons, explanation",
      prepare: () => {
        const rule = compileGavelRule(CADRE_REVIEW_FILE, "cadre_review");
        return { mode: "sync", decide: (c) => gavelResult(rule.evaluate(c as unknown as Record<string, unknown>)) };
      },
    },
    {
      engine: "gavel `evaluate()` written as JSON",
      note: "same result, `JSON.stringify` of it as the API and `gavel eval` write it",
      prepare: () => {
        const rule = compileGavelRule(CADRE_REVIEW_FILE, "cadre_review");
        return { mode: "sync", decide: (c) => writtenResult(rule.evaluate(c as unknown as Record<string, unknown>)) };
      },
    },
    { engine: "json-rules-engine", note: "computed fact `approval` (float division); 15 band rules + 4 grade rules by priority; `await engine.run()` per record", prepare: cadreReviewRulesEngine },
    { engine: "GoRules ZEN", note: "JDM graph: 7 nodes (approval expression, 5 first-hit tables, score, grade table); `await` per record", prepare: () => cadreReviewZen(zenEngine) },
    { engine: "CEL (cel-js)", note: "6 parsed expressions, approval as `double(...) / double(...) >= 0.9`; host sums the points", prepare: cadreReviewCel },
  ];
}

// ---- measuring ----

async function timedPrepare<I>(contender: Contender<I>): Promise<{ decider: Decider<I>; ms: number }> {
  const start = performance.now();
  const decider = await contender.prepare();
  return { decider, ms: performance.now() - start };
}

/** Answers every record once and counts the answers that differ from the oracle. */
async function checkAgainstOracle<I>(decider: Decider<I>, records: I[], expected: Answer[]): Promise<{ mismatches: number; examples: string[] }> {
  let mismatches = 0;
  const examples: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as I;
    let answer: Answer;
    try {
      answer = decider.mode === "sync" ? decider.decide(record) : await decider.decide(record);
    } catch (error) {
      answer = `threw ${(error as Error).message}`;
    }
    if (answer !== expected[i]) {
      mismatches++;
      if (examples.length < 3) examples.push(`${JSON.stringify(record)} → ${answer}, exact: ${expected[i]}`);
    }
  }
  return { mismatches, examples };
}

type SyncChunk<I> = (decide: (input: I) => Answer, records: I[], from: number, to: number) => number;

/**
 * A fresh copy of the sync timing loop for each engine. V8 keeps type feedback per function, so one
 * shared loop would see every engine's decide() at its call site: the first engine timed would get
 * an inlined, monomorphic call and every later one a megamorphic call. A loop compiled from source
 * per engine gives each the same chance.
 */
function freshSyncChunk<I>(): SyncChunk<I> {
  return new Function("decide", "records", "from", "to", "let sink = 0; for (let i = from; i < to; i++) sink += decide(records[i]).length; return sink;") as SyncChunk<I>;
}

/** Runs the engine over the records (cycling) for about TIMING_BUDGET_MS; returns evaluations and seconds. */
async function timeEvaluations<I>(decider: Decider<I>, records: I[]): Promise<{ evaluations: number; seconds: number; sink: number }> {
  const chunk = 1_000;
  const syncChunk = freshSyncChunk<I>();
  let evaluations = 0;
  let sink = 0; // keeps the answers alive so no work can be optimised away
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < TIMING_BUDGET_MS) {
    const from = evaluations % records.length;
    const to = Math.min(from + chunk, records.length);
    if (decider.mode === "sync") {
      sink += syncChunk(decider.decide, records, from, to);
    } else {
      for (let i = from; i < to; i++) sink += (await decider.decide(records[i] as I)).length;
    }
    evaluations += to - from;
    elapsed = performance.now() - start;
  }
  return { evaluations, seconds: elapsed / 1000, sink };
}

/**
 * decide() against hand-written code with the load shared fairly: the two run in alternating chunks of 1,000 records
 * for about TIMING_BUDGET_MS each, so a neighbour's burst slows both alike. The ratio of their total times is what
 * the machine's load cannot move (the separate rows above are timed seconds apart).
 */
async function headToHead<I>(hand: Contender<I>, gavel: Contender<I>, records: I[]): Promise<number> {
  const deciders = [await hand.prepare(), await gavel.prepare()];
  const chunks = deciders.map(() => freshSyncChunk<I>());
  const spent = [0, 0];
  let sink = 0;
  let from = 0;
  for (let warm = 0; warm < 20; warm++) for (let k = 0; k < 2; k++) sink += chunks[k]!(deciders[k]!.decide as (input: I) => Answer, records, 0, 1_000);
  while (spent[0]! < TIMING_BUDGET_MS || spent[1]! < TIMING_BUDGET_MS) {
    const to = Math.min(from + 1_000, records.length);
    for (let k = 0; k < 2; k++) {
      const start = performance.now();
      sink += chunks[k]!(deciders[k]!.decide as (input: I) => Answer, records, from, to);
      spent[k]! += performance.now() - start;
    }
    from = to % records.length;
  }
  if (sink < 0) throw new Error("unreachable: keeps the answers alive");
  return spent[0]! / spent[1]!;
}

async function measure<I>(contender: Contender<I>, records: I[], expected: Answer[]): Promise<Measurement> {
  const first = await timedPrepare(contender);
  const warm: number[] = [];
  for (let i = 0; i < WARM_COMPILES; i++) warm.push((await timedPrepare(contender)).ms);
  const { mismatches, examples } = await checkAgainstOracle(first.decider, records, expected);
  const { evaluations, seconds } = await timeEvaluations(first.decider, records);
  return {
    engine: contender.engine,
    note: contender.note,
    mode: first.decider.mode,
    firstCompileMs: first.ms,
    warmCompileMs: median(warm),
    mismatches,
    mismatchExamples: examples,
    evaluations,
    seconds,
    perSecond: evaluations / seconds,
  };
}

// ---- reporting ----

const integer = (value: number): string => Math.round(value).toLocaleString("en-US");
const milliseconds = (value: number): string => (value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));

function workloadTable(title: string, rows: Measurement[], records: number): string {
  const baseline = rows.find((row) => row.engine.startsWith("hand-written"))?.perSecond ?? Number.NaN;
  const lines = [
    `### ${title}`,
    "",
    `${integer(records)} records, every answer checked against the bigint oracle before timing.`,
    "",
    "| engine | calls | compile, first (ms) | compile, warm median (ms) | evaluations/s | × hand-written | mismatches | evaluations timed |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.engine} | ${row.mode === "async" ? "async, awaited per record" : "sync"} | ${milliseconds(row.firstCompileMs)} | ${milliseconds(row.warmCompileMs)} | ${integer(row.perSecond)} | ${(row.perSecond / baseline).toFixed(2)} | ${row.mismatches} | ${integer(row.evaluations)} |`,
    );
  }
  lines.push("", "How each engine's rules are written:", "");
  for (const row of rows) lines.push(`- **${row.engine}**: ${row.note}`);
  const wrong = rows.filter((row) => row.mismatches > 0);
  if (wrong.length > 0) {
    lines.push("", "Mismatches (first examples):", "");
    for (const row of wrong) for (const example of row.mismatchExamples) lines.push(`- ${row.engine}: \`${example}\``);
  }
  return lines.join("\n");
}

/** A way a threshold is commonly written, judged against the exact comparison on integer counts. */
interface ThresholdWriting {
  rule: string;
  writing: string;
  holds: (count: number, base: number) => boolean;
  exact: (count: bigint, base: bigint) => boolean;
}

const THRESHOLD_WRITINGS: ThresholdWriting[] = [
  { rule: "major_matter quorum `present > 2/3 of entitled`", writing: "float `present > entitled * 2 / 3`", holds: (p, e) => p > (e * 2) / 3, exact: (p, e) => p * 3n > e * 2n },
  { rule: "major_matter quorum `present > 2/3 of entitled`", writing: "int division (CEL) `present > entitled * 2 / 3`", holds: (p, e) => p > Math.trunc((e * 2) / 3), exact: (p, e) => p * 3n > e * 2n },
  { rule: "major_matter quorum `present > 2/3 of entitled`", writing: "literal `present > entitled * 0.67`", holds: (p, e) => p > e * 0.67, exact: (p, e) => p * 3n > e * 2n },
  { rule: "villagers_assembly quorum `present >= 2/3 of entitled`", writing: "float `present >= entitled * 2 / 3`", holds: (p, e) => p >= (e * 2) / 3, exact: (p, e) => p * 3n >= e * 2n },
  { rule: "villagers_assembly quorum `present >= 2/3 of entitled`", writing: "int division (CEL) `present >= entitled * 2 / 3`", holds: (p, e) => p >= Math.trunc((e * 2) / 3), exact: (p, e) => p * 3n >= e * 2n },
  { rule: "villagers_assembly quorum `present >= 2/3 of entitled`", writing: "literal `present >= entitled * 0.67`", holds: (p, e) => p >= e * 0.67, exact: (p, e) => p * 3n >= e * 2n },
  { rule: "majority `yes > 1/2 of entitled`", writing: "`yes >= Math.ceil(entitled / 2) + 1`", holds: (y, e) => y >= Math.ceil(e / 2) + 1, exact: (y, e) => y * 2n > e },
  { rule: "cadre review `approval >= 90%`", writing: "float `approved / ballots >= 0.9`", holds: (a, n) => a / n >= 0.9, exact: (a, n) => a * 10n >= n * 9n },
];

/** Counts, over every count 0..base for every base 1..1,000, where each writing disagrees with the exact answer. */
export function thresholdPitfallsTable(): string {
  const lines = [
    "### How the threshold is written matters (every count 0..n for every n from 1 to 1,000)",
    "",
    "The engines above wrote the thresholds as their docs suggest and got every record right. Other common writings do not:",
    "",
    "| rule | written as | wrong answers | first wrong case (count, base) |",
    "|---|---|---:|---|",
  ];
  for (const writing of THRESHOLD_WRITINGS) {
    let wrong = 0;
    let first = "";
    for (let base = 1; base <= 1_000; base++) {
      for (let count = 0; count <= base; count++) {
        if (writing.holds(count, base) !== writing.exact(BigInt(count), BigInt(base))) {
          wrong++;
          if (!first) first = `(${count}, ${base})`;
        }
      }
    }
    lines.push(`| ${writing.rule} | ${writing.writing} | ${integer(wrong)} of 501,500 | ${first || "none"} |`);
  }
  return lines.join("\n");
}

/** Runs both workloads in every engine (check, then time) and returns the results as markdown. */
export async function runEngineBench(): Promise<string> {
  const ballots = generateBallots();
  const ballotAnswers = ballots.map(majorMatterOracle);
  const cadres = generateCadres();
  const cadreAnswers = cadres.map((cadre) => cadreKey(cadreReviewOracle(cadre)));

  // The same scorecard on whole training days only: shows what the decimal inputs cost gavel.
  const wholeDayCadres = generateCadres(undefined, undefined, true);
  const wholeDayAnswers = wholeDayCadres.map((cadre) => cadreKey(cadreReviewOracle(cadre)));

  const zenEngine = new ZenEngine();
  const voteRows: Measurement[] = [];
  const cadreRows: Measurement[] = [];
  const wholeDayRows: Measurement[] = [];
  const headToHeadRows: string[] = [];
  try {
    for (const contender of majorMatterContenders(zenEngine)) voteRows.push(await measure(contender, ballots, ballotAnswers));
    for (const contender of cadreReviewContenders(zenEngine)) cadreRows.push(await measure(contender, cadres, cadreAnswers));
    for (const contender of cadreReviewContenders(zenEngine).slice(0, 2)) wholeDayRows.push(await measure(contender, wholeDayCadres, wholeDayAnswers));
    for (const [workload, contenders, records] of [
      ["major-matter vote", majorMatterContenders(zenEngine), ballots],
      ["cadre review (decimal training days)", cadreReviewContenders(zenEngine), cadres],
      ["cadre review (whole training days)", cadreReviewContenders(zenEngine), wholeDayCadres],
    ] as const) {
      const ratio = await headToHead<unknown>(contenders[0] as Contender<unknown>, contenders[1] as Contender<unknown>, records as unknown[]);
      headToHeadRows.push(`| ${workload} | ${ratio.toFixed(2)} |`);
    }
  } finally {
    zenEngine.dispose();
  }

  return [
    "## Engine comparison",
    "",
    `Each engine is set up ("compile": parse the rules, build the engine; first call cold, then the median of ${WARM_COMPILES}), ` +
      `answers all records once (compared with the oracle), then is timed over the records for about ${TIMING_BUDGET_MS / 1000} s in this one process. ` +
      "json-rules-engine and ZEN only offer async evaluation: they are timed as they are used, awaiting each record.",
    "",
    workloadTable("Workload 1: major-matter vote (dsl/std/major-matter.gavel)", voteRows, ballots.length),
    "",
    workloadTable("Workload 2: annual cadre review (examples/cadre-review.gavel)", cadreRows, cadres.length),
    "",
    workloadTable("Workload 2 with whole training days (same seed, days rounded): gavel's fast path only", wholeDayRows, wholeDayCadres.length),
    "",
    "### gavel `decide()` ÷ hand-written, interleaved (alternating chunks of 1,000 records, the same records, the same seconds)",
    "",
    "| workload | `decide()` × hand-written |",
    "|---|---:|",
    ...headToHeadRows,
    "",
    thresholdPitfallsTable(),
  ].join("\n");
}
