/** A rule file read from disk and compiled, with the path people see. */
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { compile, type CalendarData, type CompiledModule, type ImportResolver, type Locale } from "@gavel-rules/lang";

export interface RuleFile {
  /** Absolute path. */
  path: string;
  /** The path shown in output: relative to the working folder when inside it. */
  display: string;
  source: string;
}

/** The path to show for a file: relative to cwd when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** The path argument that means standard input. */
export const STDIN = "-";
/** How standard input is shown in output. */
export const STDIN_DISPLAY = "<stdin>";

export type ReadOutcome = { ok: true; file: RuleFile } | { ok: false; display: string; error: string };

/** Reads a rule file; gives the reason when it cannot be read. */
export function readRuleFile(path: string, cwd: string): ReadOutcome {
  const display = displayPath(path, cwd);
  try {
    return { ok: true, file: { path, display, source: readFileSync(path, "utf8") } };
  } catch (error) {
    return { ok: false, display, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads a rule file, or standard input for `-` (its relative imports resolve from the working folder). */
export function readRuleSource(path: string, cwd: string, readStdin: () => string): ReadOutcome {
  if (path !== STDIN) return readRuleFile(path, cwd);
  try {
    return { ok: true, file: { path: join(cwd, STDIN_DISPLAY), display: STDIN_DISPLAY, source: readStdin() } };
  } catch (error) {
    return { ok: false, display: STDIN_DISPLAY, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Compiles a rule file with imports resolved from disk, its diagnostics in the given language. */
export function compileRuleFile(file: RuleFile, resolveImport: ImportResolver, locale: Locale = "en", calendar?: CalendarData[]): CompiledModule {
  return compile(file.source, { file: file.path, resolveImport, locale, ...(calendar?.length ? { calendar } : {}) });
}
