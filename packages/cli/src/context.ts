/** What every command needs: where to write, how to colour, which language, how imports resolve, the project's defaults. */
import type { CalendarData, ImportResolver } from "@gavel-rules/lang";
import type { GavelConfig } from "./config.ts";
import type { IgnoreRules } from "./ignore-file.ts";
import { createImportResolver } from "./imports.ts";
import type { CliIo } from "./io.ts";
import { messagesFor, type Language, type Messages } from "./messages.ts";
import { createStyle, type Style } from "./style.ts";

export interface CommandContext {
  io: CliIo;
  style: Style;
  messages: Messages;
  /** The language of the run; also the locale of the language's diagnostics and evaluation errors. */
  language: Language;
  resolveImport: ImportResolver;
  /** Defaults from gavel.config.json / .gavelrc.json (empty when there is none). */
  config: GavelConfig;
  /** What .gavelignore names, if there is one. */
  ignore?: IgnoreRules;
  /** Working-day calendars from --calendar, laid over the built-in one. */
  calendar?: CalendarData[];
}

/** The context for a run in this io and language. */
export function createContext(io: CliIo, language: Language, project: { config?: GavelConfig; ignore?: IgnoreRules } = {}): CommandContext {
  return {
    io,
    style: createStyle(io),
    messages: messagesFor(language),
    language,
    resolveImport: createImportResolver({ cwd: io.cwd }),
    config: project.config ?? {},
    ...(project.ignore ? { ignore: project.ignore } : {}),
  };
}

/**
 * Exit codes, as ESLint has them: 0 success; 1 the rules are at fault (errors, failed tests,
 * unformatted files); 2 the run itself failed (usage, missing paths, no files found, bad input or config, internal error).
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
