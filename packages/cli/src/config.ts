/**
 * The project's defaults: `gavel.config.json` (or `.gavelrc.json`) and `.gavelignore`, each the nearest
 * one found from the working folder upward, stopping at the repository root (a folder with `.git`).
 * Precedence of every setting: command-line flags > GAVEL_* environment variables > the config file >
 * the locale (LC_ALL, LC_MESSAGES, LANG; language only) > built-in defaults.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseIgnoreFile, type IgnoreRules } from "./ignore-file.ts";

export const CONFIG_FILE_NAMES = ["gavel.config.json", ".gavelrc.json"] as const;
export const IGNORE_FILE_NAME = ".gavelignore";

/** What a config file may set. */
export interface GavelConfig {
  /** Language of messages. */
  lang?: "en" | "zh";
  test?: {
    /** Report format of `gavel test` for CI. */
    reporter?: "junit" | "json" | "tap";
    /** File the report goes to, relative to the config file's folder. */
    output?: string;
  };
  check?: {
    /** Output format of `gavel check`. */
    format?: "text" | "json";
  };
}

export interface LoadedConfig {
  config: GavelConfig;
  /** The file read (absolute), if one was found. */
  file?: string;
}

export type ConfigOutcome = ({ ok: true } & LoadedConfig) | { ok: false; file: string; reason: string };

/** The nearest of `names` from `start` upward, not above the repository root; the first name wins within a folder. */
export function findUp(start: string, names: readonly string[]): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, ".git"))) return undefined;
    dir = parent;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkKeys(value: Record<string, unknown>, where: string, allowed: readonly string[]): string | undefined {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  return unknown === undefined ? undefined : `unknown setting ${where}${unknown} (known: ${allowed.join(", ")})`;
}

function checkChoice(value: unknown, where: string, choices: readonly string[]): string | undefined {
  return value === undefined || (typeof value === "string" && choices.includes(value)) ? undefined : `${where} must be one of ${choices.join(", ")}`;
}

/** Why a parsed config is not valid, or undefined when it is. */
export function configProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "the file must hold a JSON object";
  const top = checkKeys(value, "", ["$schema", "lang", "test", "check"]) ?? checkChoice(value.lang, "lang", ["en", "zh"]);
  if (top) return top;
  if (value.test !== undefined) {
    if (!isRecord(value.test)) return "test must be an object";
    const problem =
      checkKeys(value.test, "test.", ["reporter", "output"]) ??
      checkChoice(value.test.reporter, "test.reporter", ["junit", "json", "tap"]) ??
      (value.test.output === undefined || (typeof value.test.output === "string" && value.test.output !== "") ? undefined : "test.output must be a file name");
    if (problem) return problem;
  }
  if (value.check !== undefined) {
    if (!isRecord(value.check)) return "check must be an object";
    return checkKeys(value.check, "check.", ["format"]) ?? checkChoice(value.check.format, "check.format", ["text", "json"]);
  }
  return undefined;
}

/** Reads the config file given (`--config`), else the nearest one; none found is an empty config. */
export function loadConfig(cwd: string, explicit?: string): ConfigOutcome {
  const file = explicit !== undefined ? resolve(cwd, explicit) : findUp(cwd, CONFIG_FILE_NAMES);
  if (file === undefined) return { ok: true, config: {} };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, file, reason: error instanceof Error ? error.message : String(error) };
  }
  const problem = configProblem(value);
  if (problem) return { ok: false, file, reason: problem };
  const config = value as GavelConfig;
  // A report path is relative to the file that names it, so the config works from any subfolder.
  if (config.test?.output !== undefined) config.test = { ...config.test, output: resolve(dirname(file), config.test.output) };
  return { ok: true, config, file };
}

/** The nearest .gavelignore's rules (relative to its folder), if there is one. */
export function loadIgnoreFile(cwd: string): IgnoreRules | undefined {
  const file = findUp(cwd, [IGNORE_FILE_NAME]);
  if (file === undefined) return undefined;
  try {
    return parseIgnoreFile(readFileSync(file, "utf8"), dirname(file));
  } catch {
    return undefined;
  }
}

/** The value of `--NAME X` / `--NAME=X` in argv (before `--`), read before commander parses. */
export function argvOption(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
