/**
 * The canonical formatter: one layout for every file, comments kept, idempotent. Members of a
 * block are aligned in columns (names, `=`, band points, labels and reasons), measured in display
 * width so Chinese text lines up in a monospace font.
 */

import type { IToken } from "chevrotain";
import type * as A from "../syntax/index.ts";
import { quote, parse, printExpr } from "../syntax/index.ts";
import type { Diagnostic, Span } from "../types.ts";

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const INDENT = "  ";

/** Columns a string takes in a monospace font: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** One line of an aligned group: its columns, an optional trailing text, and the node it prints. */
interface Row {
  cols: string[];
  trailer?: string;
  node: { span: Span };
}

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly comments: IToken[]) {}

  /** Writes the comments that stand before `offset` on lines of their own, keeping a blank line after one. */
  flushBefore(offset: number, depth: number, nextLine?: number): void {
    while (this.next < this.comments.length && this.comments[this.next]!.startOffset < offset) {
      const c = this.comments[this.next]!;
      this.lines.push(INDENT.repeat(depth) + c.image.trimEnd());
      this.next++;
      const following = this.comments[this.next];
      const followingLine = following && following.startOffset < offset ? following.startLine : nextLine;
      if (followingLine !== undefined && followingLine > (c.endLine ?? 0) + 1) this.blank();
    }
  }

  /** Writes a line of code for a node, with the comment that ends the node's last line if any. */
  line(text: string, depth: number, node?: { span: Span }): void {
    if (node) this.flushBefore(node.span.offset, depth, node.span.line);
    let out = INDENT.repeat(depth) + text;
    const c = this.comments[this.next];
    if (node && c && c.startLine === node.span.endLine) {
      out += `  ${c.image.trimEnd()}`;
      this.next++;
    }
    this.lines.push(out.trimEnd());
  }

  /** Writes rows with every column padded to the widest, and trailing texts aligned after them. */
  group(rows: Row[], depth: number, rightAligned: number[] = []): void {
    // A row's last column is never padded, so it sets no width: an election's `require` (one column) would otherwise
    // push its clauses' expressions far to the right.
    const widths: number[] = [];
    for (const r of rows) r.cols.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
    const code = rows.map((r) => r.cols.map((c, i) => (rightAligned.includes(i) ? padStart(c, widths[i]!) : i === r.cols.length - 1 ? c : padEnd(c, widths[i]!))).join(" "));
    const trailerAt = Math.max(0, ...code.map((c, i) => (rows[i]!.trailer === undefined ? 0 : displayWidth(c))));
    rows.forEach((r, i) => this.line(r.trailer === undefined ? code[i]! : `${padEnd(code[i]!, trailerAt)}  ${r.trailer}`, depth, r.node));
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  text(): string {
    this.flushBefore(Number.MAX_SAFE_INTEGER, 0);
    while (this.lines.length && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.join("\n") + "\n";
  }
}

const opt = (s: string | undefined): string | undefined => (s === undefined ? undefined : quote(s));
const condition = (when: A.Expr | undefined): string => (when ? `when ${printExpr(when)}` : "otherwise");

function inputRow(m: A.InputDecl): Row {
  let type = m.fields ? `list of { ${m.fields.map(fieldText).join(", ")} }` : `${m.type}${m.optional ? "?" : ""}`;
  if (m.min) type += ` min ${printExpr(m.min)}`;
  if (m.max) type += ` max ${printExpr(m.max)}`;
  if (m.options) type += ` one of ${m.options.map(quote).join(", ")}`;
  return { cols: [`input ${m.name}:`, type], trailer: opt(m.label), node: m };
}

function letRow(m: A.LetDecl): Row {
  return { cols: [`let ${m.name}`, `= ${printExpr(m.expr)}`], trailer: opt(m.label), node: m };
}

/** A list input's type: `list of { received: date, resolved: date? }`. */
function fieldText(f: A.FieldDecl): string {
  let t = `${f.name}: ${f.type}${f.optional ? "?" : ""}`;
  if (f.min) t += ` min ${printExpr(f.min)}`;
  if (f.max) t += ` max ${printExpr(f.max)}`;
  if (f.options) t += ` one of ${f.options.map(quote).join(", ")}`;
  return t;
}

/** Writes a run of inputs: scalar ones aligned, a list input as a block with one field per line. */
function inputRun(p: Printer, run: A.InputDecl[], depth: number): void {
  let plain: A.InputDecl[] = [];
  const flush = () => {
    if (plain.length) p.group(plain.map(inputRow), depth);
    plain = [];
  };
  for (const m of run) {
    // A short record type stays on one line (`list of { received: date, limit: count }`).
    if (!m.fields || displayWidth(`input ${m.name}: ${inputRow(m).cols[1]}`) <= 72) {
      plain.push(m);
      continue;
    }
    flush();
    p.flushBefore(m.span.offset, depth, m.span.line);
    p.line(`input ${m.name}: list of {`, depth);
    m.fields.forEach((f, i) => p.line(`${fieldText(f)}${i < m.fields!.length - 1 ? "," : ""}`, depth + 1));
    p.line(`}${m.label === undefined ? "" : ` ${quote(m.label)}`}`, depth);
  }
  flush();
}

/** Writes a scorecard's or rating's run of lets: aligned rows, and a let with bands as a block of its own. */
function letRun(p: Printer, run: A.LetDecl[], depth: number): void {
  let plain: A.LetDecl[] = [];
  const flush = () => {
    if (plain.length) p.group(plain.map(letRow), depth);
    plain = [];
  };
  for (const m of run) {
    if (!m.bands) {
      plain.push(m);
      continue;
    }
    flush();
    const rows = m.bands.map((b): Row => ({ cols: [printExpr(b.points), condition(b.when)], trailer: opt(b.reason), node: b }));
    p.flushBefore(m.span.offset, depth, m.span.line);
    p.line(`let ${m.name} = {`, depth);
    p.group(rows, depth + 1, [0]);
    p.flushBefore(m.span.endOffset, depth + 1);
    p.line(`}${m.label === undefined ? "" : ` ${quote(m.label)}`}`, depth);
  }
  flush();
}

/** Writes a criterion: its bands, or its sub-criteria one after another. */
function criterionBlock(p: Printer, m: A.CriterionDecl, depth: number): void {
  const header = `criterion ${m.name}${m.label === undefined ? "" : ` ${quote(m.label)}`} max ${printExpr(m.max)}`;
  if (!m.parts) {
    const rows = m.bands.map((b): Row => ({ cols: [printExpr(b.points), condition(b.when)], trailer: opt(b.reason), node: b }));
    block(p, header, m, rows, depth, [0]);
    return;
  }
  p.flushBefore(m.span.offset, depth, m.span.line);
  p.line(`${header} {`, depth);
  m.parts.forEach((part, i) => {
    if (i > 0) p.blank();
    criterionBlock(p, part, depth + 1);
  });
  p.flushBefore(m.span.endOffset, depth + 1);
  p.line("}", depth);
}

function requireRow(m: A.RequireDecl): Row {
  return { cols: [`require ${printExpr(m.expr)}`], trailer: opt(m.reason), node: m };
}

/** A let's value in one line: its expression, or its bands in braces. */
const letValue = (m: A.LetDecl): string => (m.bands ? `{ ${m.bands.map((b) => `${printExpr(b.points)} ${condition(b.when)}${b.reason === undefined ? "" : ` ${quote(b.reason)}`}`).join("  ")} }` : printExpr(m.expr));

/** `proxies: at most 1 "reason"`: the name and its words in two columns, so they align with clauses. */
function settingRow(m: A.SettingDecl): Row {
  const value = [...m.words.map((w) => w.text), ...(m.value ? [printExpr(m.value)] : [])].join(" ");
  return { cols: [`${m.name}:`, value], trailer: opt(m.reason), node: m };
}

/** A rule's members and settings in source order (settings sit where they were written). */
function withSettings<M extends { span: Span }>(members: M[], settings: A.SettingDecl[] | undefined): (M | A.SettingDecl)[] {
  return [...members, ...(settings ?? [])].sort((a, b) => a.span.offset - b.span.offset);
}

function voteRow(m: A.VoteMember | A.SettingDecl): Row {
  if (m.kind === "setting") {
    const row = settingRow(m);
    return { ...row, cols: [row.cols.join(" ")] };
  }
  if (m.kind === "let") return { cols: [`let ${m.name} = ${letValue(m)}`], trailer: opt(m.label), node: m };
  if (m.kind === "require") return requireRow(m);
  return { cols: [`${m.name}: ${printExpr(m.expr)}`], trailer: opt(m.reason), node: m };
}

function electionRow(m: A.ElectionMember | A.SettingDecl): Row {
  if (m.kind === "setting") return settingRow(m);
  if (m.kind === "let") return { cols: [`let ${m.name} = ${letValue(m)}`], trailer: opt(m.label), node: m };
  if (m.kind === "require") return requireRow(m);
  return { cols: [`${m.name}:`, printExpr(m.expr)], trailer: opt(m.reason), node: m };
}

/** A test argument: one value, or a tally `{"王建国": 400, "李秀英": 350}` with every name quoted. */
function argText(v: A.Expr | A.TallyLiteral | A.ListLiteral): string {
  if (v.kind === "tally") return `{${v.entries.map((e) => `${quote(e.key)}: ${printExpr(e.value)}`).join(", ")}}`;
  // Records of a list: field names as written (they are names, not texts), one record after another.
  if (v.kind === "list") return `[${v.items.map((r) => `{${r.entries.map((e) => `${e.key}: ${printExpr(e.value)}`).join(", ")}}`).join(", ")}]`;
  return printExpr(v);
}

/** Writes a block: header line, aligned body, closing brace; comments inside stay inside. */
function block(p: Printer, header: string, node: { span: Span }, rows: Row[], depth: number, rightAligned: number[] = []): void {
  p.flushBefore(node.span.offset, depth, node.span.line);
  p.line(`${header} {`, depth);
  p.group(rows, depth + 1, rightAligned);
  p.flushBefore(node.span.endOffset, depth + 1);
  p.line("}", depth);
}

/** Splits members into runs of the same kind, so each run aligns on its own. */
function runs<T extends { kind: string }>(members: T[]): T[][] {
  const out: T[][] = [];
  for (const m of members) {
    const last = out[out.length - 1];
    if (last && last[0]!.kind === m.kind) last.push(m);
    else out.push([m]);
  }
  return out;
}

function printItem(p: Printer, item: A.Item): void {
  switch (item.kind) {
    case "import":
      p.line(`import ${quote(item.path)}`, 0, item);
      return;
    case "vote": {
      const rows = withSettings(item.members, item.settings).map(voteRow);
      block(p, `vote ${item.name}${item.label === undefined ? "" : ` ${quote(item.label)}`}`, item, rows, 0);
      return;
    }
    case "election": {
      // Runs of clauses align their expressions; lets and requires stand in between as they were written.
      p.flushBefore(item.span.offset, 0, item.span.line);
      p.line(`election ${item.name}${item.label === undefined ? "" : ` ${quote(item.label)}`} {`, 0);
      p.group(withSettings(item.members, item.settings).map(electionRow), 1);
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    }
    case "rating": {
      p.flushBefore(item.span.offset, 0, item.span.line);
      p.line(`rating ${item.name}${item.label === undefined ? "" : ` ${quote(item.label)}`} {`, 0);
      runs(withSettings(item.members, item.settings)).forEach((run, i) => {
        if (i > 0) p.blank();
        const first = run[0]!;
        if (first.kind === "let") letRun(p, run as A.LetDecl[], 1);
        else if (first.kind === "require") p.group((run as A.RequireDecl[]).map(requireRow), 1);
        else if (first.kind === "setting") p.group((run as A.SettingDecl[]).map(settingRow), 1);
        else {
          run.forEach((m, j) => {
            if (j > 0) p.blank();
            if (m.kind === "levels") p.line(`levels ${m.levels.map((l) => l.name).join(", ")}`, 1, m);
            else if (m.kind === "grade") block(p, "grade", m, m.bands.map((b): Row => ({ cols: [quote(b.label), condition(b.when)], node: b })), 1);
          });
        }
      });
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    }
    case "scorecard": {
      p.flushBefore(item.span.offset, 0, item.span.line);
      p.line(`scorecard ${item.name}${item.label === undefined ? "" : ` ${quote(item.label)}`} {`, 0);
      runs(item.members).forEach((run, i) => {
        if (i > 0) p.blank();
        const first = run[0]!;
        if (first.kind === "input") inputRun(p, run as A.InputDecl[], 1);
        else if (first.kind === "let") letRun(p, run as A.LetDecl[], 1);
        else if (first.kind === "require") p.group((run as A.RequireDecl[]).map(requireRow), 1);
        else {
          run.forEach((m, j) => {
            if (j > 0) p.blank();
            if (m.kind === "criterion") criterionBlock(p, m, 1);
            else if (m.kind === "grade") {
              block(p, "grade", m, m.bands.map((b): Row => ({ cols: [quote(b.label), condition(b.when)], node: b })), 1);
            }
          });
        }
      });
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    }
    case "test": {
      p.flushBefore(item.span.offset, 0, item.span.line);
      p.line(`test ${quote(item.name)} {`, 0);
      const lastArg = item.args[item.args.length - 1];
      const callNode = { span: { ...item.ruleSpan, endLine: lastArg ? lastArg.value.span.endLine : item.ruleSpan.endLine } };
      if (item.args.some((a) => a.value.kind === "list" && a.value.items.length > 1)) {
        // Records one per line, so a test of twenty cases reads as a table.
        const lines: { text: string; depth: number }[] = [{ text: `${item.rule}(`, depth: 1 }];
        item.args.forEach((a, i) => {
          const sep = i < item.args.length - 1 ? "," : "";
          const list = a.value;
          if (list.kind === "list" && list.items.length > 1) {
            lines.push({ text: `${a.name}: [`, depth: 3 });
            list.items.forEach((r, j) => lines.push({ text: `${argText({ kind: "list", items: [r], span: r.span }).slice(1, -1)}${j < list.items.length - 1 ? "," : ""}`, depth: 4 }));
            lines.push({ text: `]${sep}`, depth: 3 });
          } else lines.push({ text: `${a.name}: ${argText(a.value)}${sep}`, depth: 3 });
        });
        lines.push({ text: ")", depth: 2 });
        p.flushBefore(item.ruleSpan.offset, 1, item.ruleSpan.line);
        for (const l of lines) p.line(l.text, l.depth);
      } else {
        const call = `${item.rule}(${item.args.map((a) => `${a.name}: ${argText(a.value)}`).join(", ")})`;
        p.line(call, 1, callNode);
      }
      for (const e of item.expects) {
        // Expectations sit under the call they check, as in the design's examples.
        p.line(e.kind === "error" ? `expect error${e.code ? ` ${quote(e.code)}` : ""}` : `expect ${e.target} ${e.op} ${printExpr(e.value)}`, 2, e);
      }
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    }
  }
}

/** Formats source text canonically; a file with syntax errors is returned with its diagnostics instead. */
export function format(source: string): FormatResult {
  const parsed = parse(source);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return { ok: false, diagnostics: errors };
  const p = new Printer(parsed.comments);
  parsed.program.items.forEach((item, i) => {
    if (i > 0) p.blank();
    printItem(p, item);
  });
  return { ok: true, text: p.text() };
}
