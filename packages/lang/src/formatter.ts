/** The canonical formatter: one layout for every file, comments kept, idempotent. */

import type { IToken } from "chevrotain";
import type * as A from "./ast";
import { quote } from "./lexer";
import { parse } from "./parser";
import { printExpr } from "./print";
import type { Diagnostic } from "./types";

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const INDENT = "  ";

class Printer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly comments: IToken[]) {}

  /** Writes the comments that stand before `offset` on lines of their own. */
  flushBefore(offset: number, depth: number): void {
    while (this.next < this.comments.length && this.comments[this.next]!.startOffset < offset) {
      this.lines.push(INDENT.repeat(depth) + this.comments[this.next]!.image.trimEnd());
      this.next++;
    }
  }

  /** Writes a line of code for a node, with the comment that ends the node's last line if any. */
  line(text: string, depth: number, node?: { span: { offset: number; endLine: number } }): void {
    if (node) this.flushBefore(node.span.offset, depth);
    let out = INDENT.repeat(depth) + text;
    const c = this.comments[this.next];
    if (node && c && c.startLine === node.span.endLine) {
      out += `  ${c.image.trimEnd()}`;
      this.next++;
    }
    this.lines.push(out);
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

const str = (s: string | undefined): string => (s === undefined ? "" : ` ${quote(s)}`);

function band(b: A.Band): string {
  return `${printExpr(b.points)} ${b.when ? `when ${printExpr(b.when)}` : "otherwise"}${str(b.reason)}`;
}

function input(m: A.InputDecl): string {
  let s = `input ${m.name}: ${m.type}`;
  if (m.min) s += ` min ${printExpr(m.min)}`;
  if (m.max) s += ` max ${printExpr(m.max)}`;
  if (m.options) s += ` one of ${m.options.map(quote).join(", ")}`;
  return s + str(m.label);
}

function letLine(m: A.LetDecl): string {
  return `let ${m.name} = ${printExpr(m.expr)}${str(m.label)}`;
}

/** Writes a block member that spans several lines: header, body lines, closing brace. */
function block(p: Printer, header: string, node: { span: A.Band["span"] }, body: { text: string; node: { span: A.Band["span"] } }[], depth: number): void {
  p.flushBefore(node.span.offset, depth);
  p.line(`${header} {`, depth);
  for (const b of body) p.line(b.text, depth + 1, b.node);
  p.flushBefore(node.span.endOffset, depth + 1);
  p.line("}", depth);
}

function printItem(p: Printer, item: A.Item): void {
  switch (item.kind) {
    case "import":
      p.line(`import ${quote(item.path)}`, 0, item);
      return;
    case "vote":
      p.flushBefore(item.span.offset, 0);
      p.line(`vote ${item.name}${str(item.label)} {`, 0);
      for (const m of item.members) {
        p.line(m.kind === "let" ? letLine(m) : `${m.name}: ${printExpr(m.expr)}${str(m.reason)}`, 1, m);
      }
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    case "scorecard": {
      p.flushBefore(item.span.offset, 0);
      p.line(`scorecard ${item.name}${str(item.label)} {`, 0);
      let prev: A.ScorecardMember["kind"] | undefined;
      for (const m of item.members) {
        if (prev && (m.kind === "criterion" || m.kind === "grade" || prev !== m.kind)) p.blank();
        prev = m.kind;
        if (m.kind === "input") p.line(input(m), 1, m);
        else if (m.kind === "let") p.line(letLine(m), 1, m);
        else if (m.kind === "criterion") {
          block(p, `criterion ${m.name}${str(m.label)} max ${printExpr(m.max)}`, m, m.bands.map((b) => ({ text: band(b), node: b })), 1);
        } else {
          block(p, "grade", m, m.bands.map((b) => ({ text: `${quote(b.label)} ${b.when ? `when ${printExpr(b.when)}` : "otherwise"}`, node: b })), 1);
        }
      }
      p.flushBefore(item.span.endOffset, 1);
      p.line("}", 0);
      return;
    }
    case "test": {
      p.flushBefore(item.span.offset, 0);
      p.line(`test ${quote(item.name)} {`, 0);
      const call = `${item.rule}(${item.args.map((a) => `${a.name}: ${printExpr(a.value)}`).join(", ")})`;
      p.line(call, 1, { span: { offset: item.ruleSpan.offset, endLine: item.args.length ? item.args[item.args.length - 1]!.value.span.endLine : item.ruleSpan.endLine } });
      for (const e of item.expects) {
        p.line(e.kind === "error" ? `expect error${e.code ? ` ${quote(e.code)}` : ""}` : `expect ${e.target} ${e.op} ${printExpr(e.value)}`, 1, e);
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
