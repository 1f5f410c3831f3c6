/**
 * `gavel eval`: one rule, one input, the result JSON (or a readable explanation).
 * Exit 2 when the invocation is wrong (file or rule not found, input not JSON or not
 * matching the rule's inputs); exit 1 when the file does not compile or the evaluation
 * itself fails (e.g. division by zero, present > entitled).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { explainText, inputProblems, localizeError } from "@gavel-rules/lang";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";
import type { Messages } from "../messages.ts";
import { loadRule } from "./rule-source.ts";

export interface EvalOptions {
  rule?: string;
  /** JSON text, `@FILE` naming a JSON file, or `-` for standard input. */
  input: string;
  format?: "json" | "text";
}

type ParsedInput = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

function parseInput(input: string, ctx: CommandContext): ParsedInput {
  let text = input;
  if (input === "-") {
    text = ctx.io.readStdin();
  } else if (input.startsWith("@")) {
    const file = input.slice(1);
    try {
      text = readFileSync(resolve(ctx.io.cwd, file), "utf8");
    } catch {
      return { ok: false, message: ctx.messages.inputFileNotFound(file) };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: ctx.messages.inputNotJson(error instanceof Error ? error.message : String(error)) };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: ctx.messages.inputNotObject };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Evaluates one rule of `file` on the given input and prints the result. */
export function runEval(file: string, options: EvalOptions, ctx: CommandContext): number {
  const { io, style, messages } = ctx;
  const fail = (message: string, code: number): number => {
    io.stderr(`${style.red(message)}\n`);
    return code;
  };
  const loaded = loadRule(file, options.rule, ctx);
  if (!loaded.ok) return loaded.exitCode;
  const { rule } = loaded;

  const input = parseInput(options.input, ctx);
  if (!input.ok) return fail(input.message, ExitCode.usage);
  const problems = inputProblems(rule.inputs, input.value, ctx.language);
  if (problems.length > 0) return fail([messages.inputInvalid(rule.name), ...problems.map((p) => `  - ${p.message}`)].join("\n"), ExitCode.usage);

  const outcome = rule.evaluate(input.value);
  if (!outcome.ok) {
    const error = localizeError(outcome.error, ctx.language);
    return fail(messages.evaluationFailed(error.code, error.message), ExitCode.failure);
  }
  io.stdout(options.format === "text" ? `${explainText(outcome.result, ctx.language)}\n` : `${JSON.stringify(outcome.result, null, 2)}\n`);
  return ExitCode.ok;
}
