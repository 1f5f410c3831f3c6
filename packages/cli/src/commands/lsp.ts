/** `gavel lsp --stdio`: the language server for editors, speaking LSP over standard input and output. */
import { createConnection } from "vscode-languageserver/node";
import type { CommandContext } from "../context.ts";
import { startLanguageServer } from "../lsp/server.ts";

/** Serves until the client sends `exit` or closes stdin: the process then ends with 0 after `shutdown`, 1 without (as LSP asks). */
export function runLsp(ctx: CommandContext): Promise<never> {
  // Standard output carries the protocol alone: nothing else may write to it from here on.
  const connection = createConnection(process.stdin, process.stdout);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
  startLanguageServer(connection, { language: ctx.language, cwd: ctx.io.cwd });
  return new Promise<never>(() => {});
}
