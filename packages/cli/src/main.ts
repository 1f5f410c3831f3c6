/** The process entry of `gavel`: runs the CLI on the real argv and streams, and sets the exit code. */
import { processIo } from "./io.ts";
import { messagesFor, chooseLanguage } from "./messages.ts";
import { runCli } from "./program.ts";

const argv = process.argv.slice(2);
try {
  process.exitCode = await runCli(argv, processIo());
} catch (error) {
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${messagesFor(chooseLanguage(argv, process.env)).internalError(reason)}\n`);
  // As ESLint: 2 when gavel itself failed, so CI does not read it as the rules' fault.
  process.exitCode = 2;
}
