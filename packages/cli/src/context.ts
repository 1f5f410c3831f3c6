/** What every command needs: where to write, how to colour, which language, how imports resolve. */
import type { CalendarData, ImportResolver } from "@gavel-rules/lang";
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
  /** Working-day calendars from --calendar, laid over the built-in one. */
  calendar?: CalendarData[];
}

/** The context for a run in this io and language. */
export function createContext(io: CliIo, language: Language): CommandContext {
  return { io, style: createStyle(io), messages: messagesFor(language), language, resolveImport: createImportResolver({ cwd: io.cwd }) };
}

/** Exit codes: 0 success; 1 the rules are at fault (errors, failures); 2 the invocation is at fault (usage, paths, input). */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
