/**
 * Results in Chinese words for the 公示: each threshold clause of a vote or election as a phrase with its numbers
 * ("实到25人，超过应到人数的三分之二"), read from the result's explanation (the clause text and its outcome), and
 * each outcome as the notice states it. Integers only; a fraction is named, never computed as a float.
 */

import type { ElectionResult, ExplanationStep, RatingResult, VoteResult } from "@gavel-rules/lang";

/** What each fact of a vote or an election is called, and its unit. */
const FACTS: Record<string, { name: string; unit: string; base: string }> = {
  entitled: { name: "应到", unit: "人", base: "应到人数" },
  present: { name: "实到", unit: "人", base: "实到人数" },
  yes: { name: "赞成", unit: "票", base: "赞成票" },
  no: { name: "反对", unit: "票", base: "反对票" },
  abstain: { name: "弃权", unit: "票", base: "弃权票" },
  cast: { name: "投票", unit: "票", base: "所投票数" },
  registered: { name: "登记", unit: "人", base: "登记人数" },
  voters: { name: "参加投票", unit: "人", base: "参加投票人数" },
  ballots: { name: "收回选票", unit: "张", base: "收回选票数" },
  invalid: { name: "无效票", unit: "张", base: "无效票数" },
  valid: { name: "有效票", unit: "张", base: "有效票数" },
  votes: { name: "得票", unit: "票", base: "得票数" },
};

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A fraction in words: 1/2 一半, 2/3 三分之二; others as written. */
export function fractionWords(text: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return text.endsWith("%") ? `百分之${text.slice(0, -1)}` : text;
  const [num, den] = [Number(match[1]), Number(match[2])];
  if (num === 1 && den === 2) return "一半";
  if (num <= 10 && den <= 10) return `${DIGITS[den]}分之${DIGITS[num]}`;
  return `${den}分之${num}`;
}

/** The comparison in words, as held (true) or not (false). */
function comparisonWords(op: string, held: boolean): string {
  const words: Record<string, [string, string]> = {
    ">": ["超过", "未超过"],
    ">=": ["达到", "不足"],
    "<": ["少于", "不少于"],
    "<=": ["不超过", "超过"],
    "=": ["等于", "不等于"],
    "!=": ["不等于", "等于"],
  };
  const pair = words[op] ?? [op, `not ${op}`];
  return held ? pair[0] : pair[1];
}

/**
 * One clause as a phrase: "present > 2/3 of entitled" with present 25 and true → "实到25人，超过应到人数的三分之二".
 * `facts` gives the numbers; a candidate's clause ("王: votes > …") takes `votes` from `candidateVotes`.
 */
export function clauseWords(step: ExplanationStep, facts: Record<string, number>, candidateVotes?: Map<string, number>): string | undefined {
  const match = /^(?:(.+?): )?(\w+) (>=|<=|!=|>|<|=) (?:(\S+) of )?(\w+)$/.exec(step.text);
  if (!match || typeof step.result !== "boolean") return undefined;
  const [, candidate, lhs, op, fraction, rhs] = match as unknown as [string, string | undefined, string, string, string | undefined, string];
  const left = FACTS[lhs!];
  const right = FACTS[rhs!];
  if (!left || !right) return undefined;
  const value = candidate !== undefined ? candidateVotes?.get(candidate) : facts[lhs!];
  if (value === undefined) return undefined;
  const subject = candidate !== undefined ? `${candidate}${value}${left.unit}` : `${left.name}${value}${left.unit}`;
  const base = fraction ? `${right.base}的${fractionWords(fraction)}` : `${right.base}（${facts[rhs!] ?? "?"}）`;
  return `${subject}，${comparisonWords(op!, step.result)}${base}`;
}

const VOTE_OUTCOMES: Record<VoteResult["outcome"], string> = { passed: "通过", rejected: "未通过", no_quorum: "未达到法定人数，不能表决" };

/** A motion's result in one sentence: "应到31人，实到25人，超过应到人数的三分之二；赞成16票，超过应到人数的一半；…，通过". */
export function voteSummary(result: VoteResult): string {
  const facts: Record<string, number> = { ...result.facts };
  const clauses = result.explanation.map((step) => clauseWords(step, facts)).filter((s): s is string => s !== undefined);
  // The yes votes are named in a clause already when a clause counts them.
  const yesNamed = result.explanation.some((step) => /^yes /.test(step.text));
  const counted = `${yesNamed ? "" : `赞成${result.facts.yes}票，`}反对${result.facts.no}票，弃权${result.facts.abstain}票`;
  return `应到${result.facts.entitled}人，${clauses.join("；")}；${counted}；${VOTE_OUTCOMES[result.outcome]}`;
}

/** An election round in sentences: the counts, each threshold with its numbers, and the outcome. */
export function electionSummary(result: ElectionResult): string[] {
  const f = result.facts;
  const facts: Record<string, number> = { ...f };
  const votes = new Map(result.candidates.map((c) => [c.name, c.votes]));
  const lines = [`第${f.round}轮，应选${f.seats}名；登记${f.registered}人，参加投票${f.voters}人，收回选票${f.ballots}张，其中无效${f.invalid}张，有效${f.valid}张`];
  const clauses = result.explanation.map((step) => clauseWords(step, facts, votes)).filter((s): s is string => s !== undefined);
  if (clauses.length > 0) lines.push(clauses.join("；"));
  lines.push(`得票：${result.candidates.map((c) => `${c.name}${c.votes}票`).join("，")}`);
  const elected = result.elected.join("、");
  const left = f.seats - result.elected.length;
  switch (result.outcome) {
    case "void_ballots":
      lines.push("收回的选票多于投票人数，选举无效");
      break;
    case "void_turnout":
      lines.push("参加投票的人数未过登记人数的半数，选举无效");
      break;
    case "complete":
      lines.push(`当选：${elected}；应选名额已满，选举完成`);
      break;
    case "runoff":
      lines.push(`${elected ? `当选：${elected}；` : ""}尚缺${left}名，不足的名额另行选举`);
      break;
    case "incomplete":
      lines.push(`${elected ? `当选：${elected}；` : ""}另行选举后仍缺${left}名`);
      break;
    case "tie":
      lines.push(`${elected ? `当选：${elected}；` : ""}${result.tied.join("、")}票数相同，不能确定当选人，就票数相同的候选人再次投票`);
      break;
  }
  return lines;
}

/** An exact value as the notice prints it: an integer, or its fraction (never a rounded decimal). */
function exactText(value: unknown): string {
  if (typeof value === "number") return String(value);
  const fraction = value as { num?: string; den?: string } | null;
  return fraction?.num !== undefined && fraction.den !== undefined ? `${fraction.num}/${fraction.den}` : String(value);
}

/**
 * Why a rated subject got its grade: the deciding condition in words ("满意26票，达到测评票数的三分之二，评为优秀"),
 * or, for the `otherwise` grade, each condition tried and not met, with its numbers.
 */
export function gradeWords(result: RatingResult): string {
  const step = result.explanation.find((s) => s.clause === "grade");
  if (!step) return `评为${result.grade}`;
  const match = /^"(.+)" when (\S+) (>=|<=|!=|>|<|=) (?:(\S+) of )?(\S+)$/u.exec(step.text);
  if (match) {
    const [, grade, lhs, op, fraction, rhs] = match as unknown as [string, string, string, string, string | undefined, string];
    const lhsText = Object.hasOwn(result.counts, lhs) ? `${lhs}${result.counts[lhs]}票` : `${lhs}${exactText(result.values[lhs])}`;
    const rhsText = rhs === "ballots" ? "测评票数" : Object.hasOwn(result.counts, rhs) ? `${rhs}票数` : /^[\d/%.]+$/.test(rhs) ? fractionWords(rhs) : rhs;
    const base = fraction ? `${rhsText}的${fractionWords(fraction)}` : rhsText;
    return `${lhsText}，${comparisonWords(op, true)}${base}，评为${grade}`;
  }
  const untried = step.detail
    .split("; ")
    .filter((part) => part.endsWith("→ false"))
    .map((part) => `${part.replace(/ → false$/, "")} 不成立`);
  return `${untried.length > 0 ? `${untried.join("，")}，` : ""}评为${result.grade}`;
}

/** One rated subject: each level's count, the rule's derived values (exact), and why the grade. */
export function ratingSummary(subject: string, result: RatingResult): string {
  const values = Object.entries(result.values)
    .filter(([, v]) => typeof v !== "boolean" && typeof v !== "string")
    .map(([name, v]) => `${name}${exactText(v)}`);
  return `${subject}：${result.levels.map((l) => `${l.name}${l.count}票`).join("，")}（共${result.ballots}票）${values.length > 0 ? `；${values.join("，")}` : ""}；${gradeWords(result)}`;
}
