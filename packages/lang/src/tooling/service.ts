/** Language-service queries for editors: completion, hover, document symbols, go to definition. */

import type * as A from "../syntax/index.ts";
import { ELECTION_CLAUSE_DOCS, FUNCTIONS, INPUT_TYPES, outcomesOf, RESULT_TARGETS, ruleParameters, type RuleInfo, ELECTION_FACTS, ELECTION_OUTCOMES, VOTE_FACTS, VOTE_OUTCOMES } from "../check/index.ts";
import { compile } from "../compile/index.ts";
import { parse, quote, printExpr, spanContains, spanOfToken } from "../syntax/index.ts";
import { callAt, calledRule, inputTypeText, type CalledRule, type CallContext } from "./signature-help.ts";
import { bilingualLabel, builtInLabel, detailText, factLabel, functionDocsIn, KEYWORD_DOCS_ZH, kindWord } from "./service-zh.ts";
import type { CompiledModule, CompileOptions, Span } from "../types.ts";

export interface Completion {
  label: string;
  kind: "keyword" | "input" | "let" | "criterion" | "rule" | "fact" | "function" | "outcome" | "type";
  detail?: string;
  insertText?: string;
}

export interface Hover {
  contents: string;
  span: Span;
}

export interface DocumentSymbol {
  name: string;
  kind: "vote" | "scorecard" | "election" | "rating" | "input" | "let" | "criterion" | "clause" | "grade" | "require" | "levels" | "test";
  label?: string;
  span: Span;
  selectionSpan: Span;
  children: DocumentSymbol[];
}

export const KEYWORD_DOCS: Record<string, string> = {
  vote: "**vote** NAME \"label\" { quorum: … passes: … } — a voting rule. Facts: entitled, present, yes, no, abstain, cast.",
  scorecard: "**scorecard** NAME \"label\" { input … let … criterion … grade … } — a scoring rule.",
  quorum: "**quorum:** the condition for a valid vote. Without quorum the outcome is `no_quorum`.",
  passes: "**passes:** the condition for the matter to pass (given quorum).",
  of: "**of** — a share of an amount: `2/3 of entitled` = 2/3 × entitled, exactly.",
  when: "**when** — a band applies when its condition holds; the first matching band wins.",
  otherwise: "**otherwise** — the band that applies when no earlier band matched; always last.",
  criterion: "**criterion** NAME \"label\" max N { POINTS when CONDITION \"reason\" … POINTS otherwise }",
  grade: "**grade** { \"label\" when CONDITION … \"label\" otherwise } — uses `score` and criterion points.",
  input: "**input** NAME: count | number | ratio | boolean | text | date [?] [min N] [max N] [one of \"a\", \"b\"] \"label\", or NAME: list of { field: type[?], … } — `?` marks a value that may be absent.",
  let: "**let** NAME = EXPRESSION, or NAME = { VALUE when CONDITION … VALUE otherwise } — a named intermediate value, shown in every explanation.",
  where: "**where** — inside an aggregate, keeps the records whose fields meet the condition: `count(cases where resolved <= add_workdays(received, limit))`.",
  require: "**require** CONDITION \"reason\" — a fact the inputs must satisfy (按时办结 <= 受理总数); evaluation fails with REQUIREMENT_FAILED otherwise.",
  test: "**test** \"name\" { rule(input: value, …) expect outcome = passed }",
  expect: "**expect** TARGET = VALUE, or **expect error** — what a test checks.",
  import: "**import** \"file.gavel\" — use the rules of another file (\"std/…\" is the standard library).",
  election: "**election** NAME \"label\" { void: … turnout: … elected: … runoff: … } — an election round. Facts: registered, voters, ballots, invalid, valid, seats, round; `votes` is one candidate's votes. Outcomes: void_ballots, void_turnout, complete, runoff, incomplete, tie.",
  rating: "**rating** NAME \"label\" { levels 满意, 基本满意, 不满意  grade { … } } — 民主测评 of one subject: each level's count and share, and a grade. Facts: the levels and `ballots` (their sum).",
  levels: "**levels** A, B, C — the levels of a rating ballot; each is a count in expressions and an input of the rule.",
  proxies: "**proxies:** at most N \"reason\" — 委托投票: on an item under this rule (vote, election, rating), a member present in person may cast the papers of at most N absent members who gave them a proxy. 0, or no `proxies:` line, allows no proxy votes. A meeting's sign-in limit is the smallest limit of its items' rules.",
  write_ins: "**write_ins:** allowed | not allowed — an election: names off the candidate list (另选他人) count as votes. Without it (or `not allowed`) a paper naming someone off the list is refused.",
  ...ELECTION_CLAUSE_DOCS,
};

function ruleSymbols(decl: A.RuleDecl): DocumentSymbol[] {
  const members: readonly (A.VoteMember | A.ScorecardMember | A.ElectionMember | A.RatingMember)[] = decl.members;
  return members.map((m): DocumentSymbol => {
    if (m.kind === "grade") return { name: "grade", kind: "grade", span: m.span, selectionSpan: m.span, children: [] };
    if (m.kind === "require") return { name: `require ${printExpr(m.expr)}`, kind: "require", label: m.reason, span: m.span, selectionSpan: m.span, children: [] };
    if (m.kind === "levels") return { name: `levels ${m.levels.map((l) => l.name).join(", ")}`, kind: "levels", span: m.span, selectionSpan: m.span, children: [] };
    if (m.kind === "clause" || m.kind === "electionClause") return { name: m.name, kind: "clause", label: m.reason, span: m.span, selectionSpan: m.nameSpan, children: [] };
    return { name: m.name, kind: m.kind, label: m.label, span: m.span, selectionSpan: m.nameSpan, children: [] };
  });
}

const isRule = (item: A.Item): item is A.RuleDecl => item.kind === "vote" || item.kind === "scorecard" || item.kind === "election" || item.kind === "rating";

/** The outline of a file: rules with their members, and tests. */
export function getDocumentSymbols(source: string): DocumentSymbol[] {
  return symbolsOfProgram(parse(source).program);
}

/** The outline of a compiled file, from the syntax tree the compiler already has (no second parse). */
export function getModuleSymbols(module: CompiledModule): DocumentSymbol[] {
  return symbolsOfProgram(module.analysed.program);
}

function symbolsOfProgram(program: A.Program): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const item of program.items) {
    if (isRule(item)) {
      out.push({ name: item.name, kind: item.kind, label: item.label, span: item.span, selectionSpan: item.nameSpan, children: ruleSymbols(item) });
    } else if (item.kind === "test") {
      out.push({ name: item.name, kind: "test", span: item.span, selectionSpan: item.span, children: [] });
    }
  }
  return out;
}

function enclosingItem(program: A.Program, offset: number): A.Item | undefined {
  let last: A.Item | undefined;
  for (const item of program.items) {
    if (spanContains(item.span, offset)) return item;
    if (item.span.offset <= offset) last = item;
  }
  // While typing, the item under the cursor may not be closed yet: the nearest one before it is the best guess.
  return last && last.span.endOffset >= offset - 1 ? last : undefined;
}

function textBefore(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return source.slice(lineStart, offset);
}

/** Completions at a cursor offset: keywords for the place, names in scope, rules in tests. */
export function getCompletions(source: string, offset: number, options: CompileOptions = {}): Completion[] {
  const module = compile(source, options);
  const { analysed } = module;
  const before = textBefore(source, offset);
  const out: Completion[] = [];
  const locale = options.locale ?? "en";
  const docs = locale === "zh" ? KEYWORD_DOCS_ZH : KEYWORD_DOCS;
  const functionDocs = functionDocsIn(locale);
  const say = (text: string) => detailText(text, locale);
  const kw = (words: string[]) => words.forEach((w) => out.push({ label: w, kind: "keyword", detail: docs[w]?.replace(/\*\*/g, "") }));
  if (/input\s+[\p{L}_][\p{L}\p{N}_]*\s*:\s*[\p{L}]*$/u.test(before)) {
    return [...INPUT_TYPES.map((t) => ({ label: t, kind: "type" as const })), { label: "list of", kind: "type" as const, detail: say("list of { field: type, … }: records"), insertText: "list of { }" }];
  }
  const item = enclosingItem(analysed.program, offset);
  // After a setting's colon: its words, ready to finish.
  if (item && isRule(item) && item.kind !== "scorecard") {
    if (/^\s*proxies\s*:\s*[a-z]*$/u.test(before)) return [{ label: "at most", kind: "keyword", detail: say("at most N: proxies one member present may hold"), insertText: "at most " }];
    if (item.kind === "election" && /^\s*write_ins\s*:\s*[a-z]*$/u.test(before)) {
      return [
        { label: "allowed", kind: "keyword", detail: say("names off the candidate list count") },
        { label: "not allowed", kind: "keyword", detail: say("only listed candidates (the default)") },
      ];
    }
  }
  if (/expect\s+outcome\s*(=|!=)\s*[\p{L}_]*$/u.test(before)) {
    const kind = item?.kind === "test" ? analysed.infos.get(item.rule)?.decl.kind : undefined;
    return (kind ? outcomesOf(kind) : [...VOTE_OUTCOMES, ...ELECTION_OUTCOMES]).map((o) => ({ label: o, kind: "outcome" as const }));
  }
  if (!item || item.kind === "import") {
    kw(["vote", "scorecard", "election", "rating", "test", "import"]);
    return out;
  }
  if (item.kind === "test") {
    const call = callAt(source, offset);
    const called = call ? calledRule(module, call.callee) : undefined;
    if (call && called) return argumentCompletions(called, call);
    for (const [name, rule] of module.scope) out.push({ label: name, kind: "rule", detail: rule.label });
    const info = analysed.infos.get(item.rule);
    if (info) {
      for (const p of ruleParameters(info)) out.push({ label: p, kind: "input", insertText: `${p}: ` });
      for (const t of RESULT_TARGETS[info.decl.kind]) out.push({ label: t, kind: "keyword", detail: say("expectation") });
    }
    kw(["expect", "error"]);
    return out;
  }
  const info = analysed.infos.get(item.name);
  const expressionWords = ["of", "and", "or", "not", "true", "false"];
  const [statementWords, clauseWords]: [string[], string[]] =
    item.kind === "vote" ? [["quorum", "passes", "proxies", "let", "require"], []]
    : item.kind === "election" ? [["void", "turnout", "elected", "runoff", "proxies", "write_ins", "let", "require"], []]
    : item.kind === "rating" ? [["levels", "proxies", "let", "require", "grade"], ["when", "otherwise"]]
    : [["input", "let", "require", "criterion", "grade"], ["when", "otherwise", "where", "max", "min"]];
  // At the start of a line a statement begins: its keywords first. Inside an expression (after `=`, `when`, `(`…)
  // the names come first and statement keywords, which cannot appear there, are left out.
  const atStatementStart = /^\s*[\p{L}_]*$/u.test(before);
  if (atStatementStart) kw([...statementWords, ...clauseWords, ...expressionWords]);
  if (item.kind === "vote") {
    for (const f of VOTE_FACTS) out.push({ label: f, kind: "fact", detail: factLabel(f, locale) });
  } else if (item.kind === "election") {
    for (const f of [...ELECTION_FACTS, "votes"]) out.push({ label: f, kind: "fact", detail: factLabel(f, locale) });
  } else if (item.kind === "rating") {
    out.push({ label: "ballots", kind: "fact", detail: say("测评票 / rating ballots: the sum of the level counts") });
    for (const m of item.members) if (m.kind === "levels") for (const l of m.levels) out.push({ label: l.name, kind: "input", detail: say("level") });
  }
  const decl = info?.decl ?? item;
  const members: readonly (A.VoteMember | A.ScorecardMember | A.ElectionMember | A.RatingMember)[] = decl.members;
  for (const m of members) {
    if (m.kind === "input" || m.kind === "let" || m.kind === "criterion") out.push({ label: m.name, kind: m.kind, detail: m.label });
  }
  if (item.kind === "scorecard") out.push({ label: "score", kind: "let", detail: say("总分 / total score (in grade)") });
  // Inside `where` (or after `list.`) the records' fields are names too.
  for (const m of members) {
    if (m.kind !== "input" || !m.fields) continue;
    for (const f of m.fields) out.push({ label: f.name, kind: "input", detail: `${m.name}.${f.name}: ${f.type}${f.optional ? "?" : ""}` });
  }
  for (const f of FUNCTIONS) out.push({ label: f, kind: "function", detail: functionDocs[f] });
  if (!atStatementStart) kw([...clauseWords, ...expressionWords]);
  return out;
}

/**
 * Inside `rule(`: only that rule's inputs not given yet, inserting `name: `; after `name:`, the values a boolean or a
 * `one of` text input can take (a number has nothing to complete).
 */
function argumentCompletions(rule: CalledRule, call: CallContext): Completion[] {
  if (call.current !== undefined) {
    const input = rule.inputs.find((i) => i.name === call.current);
    if (input?.type === "boolean") return ["true", "false"].map((label) => ({ label, kind: "keyword" as const }));
    return (input?.options ?? []).map((o) => ({ label: quote(o), kind: "outcome" as const, detail: input!.label }));
  }
  return rule.inputs
    .filter((input) => !call.named.includes(input.name))
    .map((input) => ({ label: input.name, kind: "input" as const, detail: input.label ? `${inputTypeText(input)} · ${input.label}` : inputTypeText(input), insertText: `${input.name}: ` }));
}

function ruleInfoAt(source: string, offset: number, options: CompileOptions): { info?: RuleInfo; program: A.Program; module: ReturnType<typeof compile> } {
  const module = compile(source, options);
  const { program, infos } = module.analysed;
  const item = enclosingItem(program, offset);
  const name = item && isRule(item) ? item.name : item?.kind === "test" ? item.rule : undefined;
  return { info: name ? infos.get(name) : undefined, program, module };
}

/** Hover text for the name or keyword under the cursor. */
export function getHover(source: string, offset: number, options: CompileOptions = {}): Hover | undefined {
  const { info, program, module } = ruleInfoAt(source, offset, options);
  const locale = options.locale ?? "en";
  const word = (w: string) => kindWord(w, locale);
  const comma = locale === "zh" ? "，" : ", ";
  if (info && program.items.includes(info.decl)) {
    const ref = info.references.find((r) => spanContains(r.span, offset));
    if (ref) {
      const s = ref.symbol;
      // The symbol's own label: `ballots` is a rating's ballots in a rating and an election's in an election.
      const label = s.kind === "fact" ? bilingualLabel(s.label, locale) : builtInLabel(s.label, locale);
      return { contents: `**${s.name}** — ${word(s.kind)}${comma}${word(s.type)}${label ? `\n\n${label}` : ""}`, span: ref.span };
    }
  }
  for (const item of program.items) {
    if (item.kind === "test" && spanContains(item.ruleSpan, offset)) {
      const rule = module.scope.get(item.rule);
      const inputs = rule?.inputs.map((i) => `${i.name} (${word(i.type)})`).join(comma);
      if (rule) return { contents: `**${rule.name}** — ${word(rule.kind)}\n\n${rule.label}\n\n${detailText("Inputs", locale)}: ${inputs}`, span: item.ruleSpan };
    }
    if (isRule(item) && spanContains(item.nameSpan, offset)) {
      return { contents: `**${item.name}** — ${word(item.kind)}${item.label ? `\n\n${item.label}` : ""}`, span: item.nameSpan };
    }
  }
  const { tokens } = parse(source);
  const tok = tokens.find((t) => t.startOffset <= offset && offset <= (t.endOffset ?? t.startOffset) + 1);
  const keywordDocs = locale === "zh" ? KEYWORD_DOCS_ZH : KEYWORD_DOCS;
  if (tok && keywordDocs[tok.image]) {
    return { contents: keywordDocs[tok.image]!, span: spanOfToken(tok) };
  }
  const doc = tok ? (functionDocsIn(locale) as Record<string, string>)[tok.image] : undefined;
  if (tok && doc) return { contents: `**${tok.image}** — ${doc}`, span: spanOfToken(tok) };
  return undefined;
}

/** Where the name under the cursor is defined (a rule may be in an imported file). */
export function getDefinition(source: string, offset: number, options: CompileOptions = {}): { span: Span; file?: string } | undefined {
  const { info, program, module } = ruleInfoAt(source, offset, options);
  // Only a rule written in this file has references at this file's offsets (an imported rule's spans are in its own file).
  const own = info !== undefined && program.items.includes(info.decl);
  const ref = own ? info.references.find((r) => spanContains(r.span, offset)) : undefined;
  if (ref?.symbol.span) return { span: ref.symbol.span, file: options.file };
  for (const item of program.items) {
    if (item.kind === "test" && spanContains(item.ruleSpan, offset)) {
      const local = program.items.find((i): i is A.RuleDecl => isRule(i) && i.name === item.rule);
      if (local) return { span: local.nameSpan, file: options.file };
      const imported = module.analysed.infos.get(item.rule);
      const rule = module.scope.get(item.rule);
      if (imported && rule) return { span: imported.decl.nameSpan, file: imported.file };
    }
  }
  return undefined;
}
