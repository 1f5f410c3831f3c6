/**
 * Signature help: inside `rule(` the called rule's inputs, inside a built-in function its forms, with the argument
 * under the cursor marked. Shared by the browser editor's worker and `gavel lsp`.
 */

import { tokenMatcher, type IToken } from "chevrotain";
import { FUNCTIONS, ruleParameters } from "../check/index.ts";
import { compile } from "../compile/index.ts";
import { Identifier, tokenize } from "../syntax/index.ts";
import type { CompiledModule, CompileOptions, ExactJson, InputInfo } from "../types.ts";
import { functionDocsIn } from "./service-zh.ts";

/** One parameter: `label` is [start, end) in its signature's label, so equal names never get confused. */
export interface SignatureParameter {
  label: [number, number];
  /** The parameter's text, e.g. `yes: count`. */
  text: string;
  documentation?: string;
}

export interface Signature {
  /** e.g. `major_matter(entitled: count, present: count, …)` or `add_workdays(date, n)`. */
  label: string;
  documentation?: string;
  parameters: SignatureParameter[];
}

export interface SignatureHelp {
  kind: "rule" | "function";
  callee: string;
  signatures: Signature[];
  activeSignature: number;
  /** Index into the active signature's parameters. */
  activeParameter: number;
}

/** The call whose parentheses enclose a cursor, read from the tokens, so a half-typed file works too. */
export interface CallContext {
  callee: string;
  /** 0-based index of the argument the cursor is in (commas at the call's own depth before it). */
  argumentIndex: number;
  /** Names given as `name:` in the call's other arguments. */
  named: string[];
  /** The name of the cursor's argument when it already has `name:` before the cursor. */
  current?: string;
  /** The identifier being typed at the start of the cursor's argument (before any `:`), if any. */
  typing?: string;
  /** The cursor's argument filters records (`cases where …`). */
  filtering: boolean;
}

const isName = (t: IToken | undefined): t is IToken => t !== undefined && tokenMatcher(t, Identifier);

/** The innermost call around `offset`, or undefined outside any call's parentheses. */
export function callAt(source: string, offset: number): CallContext | undefined {
  const { tokens } = tokenize(source);
  // Tokens wholly before the cursor; the one the cursor is inside (a name being typed) is read separately.
  const before: IToken[] = [];
  let typingToken: IToken | undefined;
  for (const t of tokens) {
    const end = (t.endOffset ?? t.startOffset) + 1;
    if (end <= offset) before.push(t);
    else if (t.startOffset < offset) typingToken = t;
    else break;
  }
  let depth = 0;
  let open = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const name = before[i]!.tokenType.name;
    if (name === "RParen") depth++;
    else if (name === "LParen") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    } else if (depth === 0 && (name === "LCurly" || name === "RCurly")) return undefined;
  }
  const calleeToken = open > 0 ? before[open - 1] : undefined;
  if (!isName(calleeToken)) return undefined;
  // Split the arguments before the cursor at the call's own commas.
  const segments: IToken[][] = [[]];
  depth = 0;
  for (const t of before.slice(open + 1)) {
    const name = t.tokenType.name;
    if (name === "LParen") depth++;
    else if (name === "RParen") depth--;
    if (depth === 0 && name === "Comma") segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  const nameOf = (segment: IToken[]) =>
    segment.length >= 2 && segment[1]!.tokenType.name === "Colon" ? segment[0]!.image : undefined;
  const last = segments[segments.length - 1]!;
  const current = nameOf(last);
  // After the last complete token the call may continue with the name under the cursor, or with nothing yet.
  const typed = last.length === 0 && isName(typingToken) ? typingToken.image.slice(0, offset - typingToken.startOffset) : undefined;
  const typing = typed ?? (last.length === 1 && isName(last[0]) && (last[0]!.endOffset ?? 0) + 1 === offset ? last[0]!.image : undefined);
  return {
    callee: calleeToken.image,
    argumentIndex: segments.length - 1,
    filtering: last.some((t) => t.tokenType.name === "Where"),
    named: segments.slice(0, -1).map(nameOf).filter((n): n is string => n !== undefined),
    ...(current !== undefined ? { current } : {}),
    ...(typing !== undefined ? { typing } : {}),
  };
}

/** What a call needs to know of one argument of a rule. */
export type ArgumentInfo = Pick<InputInfo, "name" | "label" | "optional" | "min" | "max" | "options"> & { type: string };

/** A rule as a call sees it: its name, label and arguments. */
export interface CalledRule {
  name: string;
  label: string;
  inputs: ArgumentInfo[];
}

/**
 * The rule a call names: the compiled rule, or, while that rule has errors (so it is not compiled), what the checker
 * learned of it, so help does not vanish the moment the rule is being edited.
 */
export function calledRule(module: CompiledModule, name: string): CalledRule | undefined {
  const compiled = module.scope.get(name);
  if (compiled) return compiled;
  const info = module.analysed.infos.get(name);
  if (!info) return undefined;
  const inputs = ruleParameters(info).map((parameter): ArgumentInfo => {
    const symbol = info.symbols.get(parameter);
    const type = symbol?.type === undefined || symbol.type === "error" ? "count" : symbol.type;
    return { name: parameter, type, label: symbol?.label ?? "", ...(symbol?.optional ? { optional: true } : {}) };
  });
  return { name, label: info.decl.label ?? "", inputs };
}

/** An input's type as written in a rule file: `count`, `number min 0 max 366`, `date?`, `list`. */
export function inputTypeText(input: ArgumentInfo): string {
  const bounds = [input.min !== undefined ? ` min ${exactText(input.min)}` : "", input.max !== undefined ? ` max ${exactText(input.max)}` : ""].join("");
  return `${input.type}${input.optional ? "?" : ""}${bounds}`;
}

/** A bound as the rule file writes it: `15`, `2/3`. */
function exactText(value: ExactJson): string {
  return typeof value === "number" ? String(value) : value.den === "1" ? value.num : `${value.num}/${value.den}`;
}

/** The signature of a rule called from a test: one parameter per input, documented by its label. */
function ruleSignature(rule: CalledRule): Signature {
  let label = `${rule.name}(`;
  const parameters: SignatureParameter[] = [];
  rule.inputs.forEach((input, index) => {
    if (index > 0) label += ", ";
    const text = `${input.name}: ${inputTypeText(input)}`;
    parameters.push({ label: [label.length, label.length + text.length], text, ...(input.label ? { documentation: input.label } : {}) });
    label += text;
  });
  label += ")";
  return { label, ...(rule.label ? { documentation: rule.label } : {}), parameters };
}

/**
 * The forms of a built-in function, read from its documentation (`count(cases) · count(cases where COND): …`), in the
 * author's language.
 */
export function functionSignatures(name: (typeof FUNCTIONS)[number], locale: CompileOptions["locale"] = "en"): Signature[] {
  const forms = functionDocsIn(locale)[name].split(" · ");
  const parsed = forms.map((form) => {
    const match = /^([\p{L}_][\p{L}\p{N}_]*)\(([^)]*)\)[:：\s]*(.*)$/u.exec(form);
    return match ? { params: match[2]!.split(", ").filter((p) => p !== ""), doc: match[3]!.trim() } : { params: [], doc: form };
  });
  // A form without its own words shares the next one's ("count(cases) · count(cases where COND): how many records").
  for (let i = parsed.length - 2; i >= 0; i--) if (parsed[i]!.doc === "") parsed[i]!.doc = parsed[i + 1]!.doc;
  return parsed.map(({ params, doc }) => {
    let label = `${name}(`;
    const parameters: SignatureParameter[] = params.map((text, index) => {
      if (index > 0) label += ", ";
      const at: [number, number] = [label.length, label.length + text.length];
      label += text;
      return { label: at, text };
    });
    label += ")";
    return { label, ...(doc ? { documentation: doc } : {}), parameters };
  });
}

/** Signature help at a cursor offset: the enclosing rule call or function call, or undefined. */
export function getSignatureHelp(source: string, offset: number, options: CompileOptions = {}): SignatureHelp | undefined {
  const call = callAt(source, offset);
  if (!call) return undefined;
  if ((FUNCTIONS as readonly string[]).includes(call.callee)) {
    const signatures = functionSignatures(call.callee as (typeof FUNCTIONS)[number], options.locale);
    // `count(cases where …)`: the form with `where` once the cursor's argument has it.
    const fits = (s: Signature) => s.parameters.length > call.argumentIndex || s.parameters.some((p) => p.text === "…");
    let active = signatures.findIndex((s) => s.parameters.some((p) => p.text.includes(" where ")) === call.filtering && fits(s));
    if (active < 0) active = signatures.findIndex(fits);
    if (active < 0) active = 0;
    const parameters = signatures[active]!.parameters;
    return { kind: "function", callee: call.callee, signatures, activeSignature: active, activeParameter: Math.min(call.argumentIndex, Math.max(0, parameters.length - 1)) };
  }
  const rule = calledRule(compile(source, options), call.callee);
  if (!rule) return undefined;
  const names = rule.inputs.map((i) => i.name);
  // Arguments are named: the active parameter is the one being named, else the next one not given yet.
  let active = call.current !== undefined ? names.indexOf(call.current) : -1;
  if (active < 0 && call.typing !== undefined) active = names.findIndex((n) => n.startsWith(call.typing!) && !call.named.includes(n));
  if (active < 0 && call.current === undefined) active = names.findIndex((n) => !call.named.includes(n));
  return { kind: "rule", callee: call.callee, signatures: [ruleSignature(rule)], activeSignature: 0, activeParameter: active };
}
