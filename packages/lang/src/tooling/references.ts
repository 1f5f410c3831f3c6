/** Find references and rename for editors: every place a rule, input, let or criterion name is written in one file. */

import type * as A from "../syntax/index.ts";
import { analyse, FUNCTIONS, VOTE_FACTS, VOTE_OUTCOMES, type AnalysedModule } from "../check/index.ts";
import { compile } from "../compile/index.ts";
import { keywordTokens, spanContains } from "../syntax/index.ts";
import type { CompileOptions, Diagnostic, Span } from "../types.ts";

/** What a name under the cursor denotes: a rule of the file, or a member of one of its rules. */
export type NameTarget =
  | { kind: "rule"; name: string }
  | { kind: "input" | "let" | "criterion"; name: string; rule: string };

/** The places a name is written: its declaration (when in this file) and every use. */
export interface References {
  target: NameTarget;
  /** Where the name is declared; undefined when that is in an imported file. */
  declaration?: Span;
  /** Every occurrence in the file, the declaration included, in source order. */
  spans: Span[];
}

/** One replacement of a rename. */
export interface TextReplacement {
  span: Span;
  newText: string;
}

/** The edits of a rename, or why it cannot be done. */
export type RenameOutcome =
  | { ok: true; target: NameTarget; edits: TextReplacement[] }
  | { ok: false; code: "NO_NAME" | "NOT_IN_FILE" | "INVALID_NAME" | "RESERVED_NAME" | "NAME_TAKEN" | "WOULD_BREAK"; message: string };

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Words a rule, input, let or criterion cannot be called: keywords, vote facts, outcomes, functions and `score`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set<string>([
  ...keywordTokens.map((t) => String((t.PATTERN as RegExp).source)),
  ...VOTE_FACTS,
  ...VOTE_OUTCOMES,
  ...FUNCTIONS,
  "score",
  "outcome",
]);

/** A name a rule declares: an input, let or criterion, or a rating's level (which the checker declares as an input). */
interface MemberDecl {
  kind: "input" | "let" | "criterion";
  name: string;
  nameSpan: Span;
}

function isRule(item: A.Item): item is A.RuleDecl {
  return item.kind === "vote" || item.kind === "scorecard" || item.kind === "election" || item.kind === "rating";
}

/** The names a rule declares, whatever its kind. */
function membersOf(rule: A.RuleDecl): MemberDecl[] {
  const out: MemberDecl[] = [];
  for (const m of rule.members) {
    if (m.kind === "input" || m.kind === "let" || m.kind === "criterion") out.push({ kind: m.kind, name: m.name, nameSpan: m.nameSpan });
    else if (m.kind === "levels") for (const l of m.levels) out.push({ kind: "input", name: l.name, nameSpan: l.span });
  }
  return out;
}

function memberOf(rule: A.RuleDecl | undefined, name: string): MemberDecl | undefined {
  return rule ? membersOf(rule).find((m) => m.name === name) : undefined;
}

const renamable = (kind: string): kind is "input" | "let" | "criterion" => kind === "input" || kind === "let" || kind === "criterion";

/** The rule, input, let or criterion name at `offset`, if any. */
function targetAt({ program, infos }: AnalysedModule, offset: number): NameTarget | undefined {
  for (const item of program.items) {
    if (!spanContains(item.span, offset)) continue;
    if (isRule(item)) {
      if (spanContains(item.nameSpan, offset)) return { kind: "rule", name: item.name };
      const member = membersOf(item).find((m) => spanContains(m.nameSpan, offset));
      if (member) return { kind: member.kind, name: member.name, rule: item.name };
      const info = infos.get(item.name);
      const ref = info?.decl === item ? info.references.find((r) => spanContains(r.span, offset)) : undefined;
      if (ref && renamable(ref.symbol.kind)) return { kind: ref.symbol.kind, name: ref.symbol.name, rule: item.name };
    } else if (item.kind === "test") {
      if (spanContains(item.ruleSpan, offset)) return { kind: "rule", name: item.rule };
      const rule = infos.get(item.rule)?.decl;
      const arg = item.args.find((a) => spanContains(a.nameSpan, offset));
      const expectation = item.expects.find((e) => e.kind === "value" && spanContains(e.targetSpan, offset));
      const name = arg?.name ?? (expectation?.kind === "value" ? expectation.target : undefined);
      const member = name === undefined ? undefined : memberOf(rule, name);
      if (member) return { kind: member.kind, name: member.name, rule: item.rule };
    }
  }
  return undefined;
}

function occurrences({ program, infos }: AnalysedModule, target: NameTarget): References {
  const spans: Span[] = [];
  let declaration: Span | undefined;
  for (const item of program.items) {
    if (target.kind === "rule") {
      if (isRule(item) && item.name === target.name) {
        declaration ??= item.nameSpan;
        spans.push(item.nameSpan);
      }
      if (item.kind === "test" && item.rule === target.name) spans.push(item.ruleSpan);
      continue;
    }
    if (isRule(item) && item.name === target.rule) {
      const member = memberOf(item, target.name);
      if (member && declaration === undefined) {
        declaration = member.nameSpan;
        spans.push(member.nameSpan);
      }
      const info = infos.get(item.name);
      if (info?.decl === item) {
        for (const r of info.references) if (r.symbol.name === target.name && renamable(r.symbol.kind)) spans.push(r.span);
      }
    }
    if (item.kind === "test" && item.rule === target.rule) {
      for (const a of item.args) if (a.name === target.name) spans.push(a.nameSpan);
      for (const e of item.expects) if (e.kind === "value" && e.target === target.name) spans.push(e.targetSpan);
    }
  }
  spans.sort((a, b) => a.offset - b.offset);
  const unique = spans.filter((s, i) => i === 0 || s.offset !== spans[i - 1]!.offset);
  return { target, ...(declaration ? { declaration } : {}), spans: unique };
}

/** Every occurrence in this file of the rule, input, let or criterion name at `offset` (its declaration included). */
export function getReferences(source: string, offset: number, options: CompileOptions = {}): References | undefined {
  const analysed = analyse(source, options);
  const target = targetAt(analysed, offset);
  return target ? occurrences(analysed, target) : undefined;
}

/** Applies replacements (non-overlapping) to a text. */
export function applyReplacements(source: string, edits: readonly TextReplacement[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.span.offset - b.span.offset)) {
    out += source.slice(at, e.span.offset) + e.newText;
    at = e.span.endOffset;
  }
  return out + source.slice(at);
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error").map((d) => d.code).sort().join(",");

type RefusalCode = Extract<RenameOutcome, { ok: false }>["code"];

/** Why a rename is refused, in the author's language (CompileOptions.locale). */
function refusal<C extends RefusalCode>(code: C, locale: CompileOptions["locale"], name: string, newName = ""): { ok: false; code: C; message: string } {
  const en: Record<RefusalCode, string> = {
    NO_NAME: "There is no rule, input, let or criterion name here to rename.",
    NOT_IN_FILE: `'${name}' is declared in an imported file; rename it there.`,
    INVALID_NAME: `'${newName}' is not a name: a name starts with a letter or _ and has letters, digits and _ only.`,
    RESERVED_NAME: `'${newName}' is a reserved word of the language and cannot be a name.`,
    NAME_TAKEN: `'${newName}' is already the name of another rule or member of this rule.`,
    WOULD_BREAK: `Renaming '${name}' to '${newName}' would make the file invalid.`,
  };
  const zh: Record<RefusalCode, string> = {
    NO_NAME: "这里没有可以重命名的规则、输入项、let 或评分项名称。",
    NOT_IN_FILE: `“${name}” 定义在导入的文件中，请到那里重命名。`,
    INVALID_NAME: `“${newName}” 不是合法的名称：名称以字母或 _ 开头，只含字母、数字和 _。`,
    RESERVED_NAME: `“${newName}” 是语言的保留字，不能用作名称。`,
    NAME_TAKEN: `“${newName}” 已经是另一个规则或本规则成员的名称。`,
    WOULD_BREAK: `把 “${name}” 改名为 “${newName}” 会使文件无效。`,
  };
  return { ok: false, code, message: (locale === "zh" ? zh : en)[code] };
}

/** Where a rename at `offset` would start (the occurrence under the cursor), or why none can: for an editor's F2 box. */
export function prepareRename(
  source: string,
  offset: number,
  options: CompileOptions = {},
): { ok: true; span: Span; name: string } | { ok: false; code: "NO_NAME" | "NOT_IN_FILE"; message: string } {
  const analysed = analyse(source, options);
  const target = targetAt(analysed, offset);
  const refs = target ? occurrences(analysed, target) : undefined;
  const here = refs?.spans.find((s) => s.offset <= offset && offset <= s.endOffset);
  if (!target || !refs || !here) return refusal("NO_NAME", options.locale, "");
  if (!refs.declaration) return refusal("NOT_IN_FILE", options.locale, target.name);
  return { ok: true, span: here, name: target.name };
}

/** The edits renaming the name at `offset` to `newName` everywhere in the file; refused when the result would not be valid. */
export function getRename(source: string, offset: number, newName: string, options: CompileOptions = {}): RenameOutcome {
  const module = compile(source, options);
  const { analysed } = module;
  const { locale } = options;
  const target = targetAt(analysed, offset);
  if (!target) return refusal("NO_NAME", locale, "", newName);
  const refs = occurrences(analysed, target);
  if (!refs.declaration) return refusal("NOT_IN_FILE", locale, target.name, newName);
  if (!IDENTIFIER.test(newName)) return refusal("INVALID_NAME", locale, target.name, newName);
  if (RESERVED_NAMES.has(newName)) return refusal("RESERVED_NAME", locale, target.name, newName);
  if (newName === target.name) return { ok: true, target, edits: [] };
  const taken = target.kind === "rule"
    ? module.scope.has(newName) || analysed.program.items.some((i) => isRule(i) && i.name === newName)
    : memberOf(analysed.program.items.find((i): i is A.RuleDecl => isRule(i) && i.name === target.rule), newName) !== undefined;
  if (taken) return refusal("NAME_TAKEN", locale, target.name, newName);
  const edits = refs.spans.map((span) => ({ span, newText: newName }));
  // The last word: the renamed file must have no error the original did not have.
  const after = compile(applyReplacements(source, edits), options);
  if (errorsOf(after.diagnostics) !== errorsOf(module.diagnostics)) return refusal("WOULD_BREAK", locale, target.name, newName);
  return { ok: true, target, edits };
}
