/** The `gavel` command line: commander wiring of check, test, fmt, eval, serve, lsp, audit, and the operator commands token, backup and restore. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CalendarData } from "@gavel-rules/lang";
import { Command, CommanderError, Option } from "commander";
import { auditText, type AuditOptions } from "./commands/audit.ts";
import { createContext, ExitCode, type CommandContext } from "./context.ts";
import type { CliIo } from "./io.ts";
import { chooseLanguage } from "./messages.ts";
import { operatorMessagesFor } from "./operator-messages.ts";

/** The CLI version, from this package's package.json. */
export const version: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Builds the program; each action stores its exit code through `setExitCode`. */
export function createProgram(ctx: CommandContext, setExitCode: (code: number) => void): Command {
  const { io, style, messages: m } = ctx;
  const program = new Command("gavel")
    .description(m.programDescription)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(style.red(s)) })
    .version(version, "-V, --version", m.versionOption)
    .helpOption("-h, --help", m.helpOption)
    .helpCommand("help [command]", m.helpCommand)
    .addOption(new Option("--lang <language>", m.langOption).choices(["en", "zh"]))
    .addOption(new Option("--calendar <file>", m.calendarOption).argParser((file: string, files: string[] = []) => [...files, file]));
  // Calendar files are read before any command runs, so check, test and eval count working days alike.
  program.hook("preAction", () => {
    const files = (program.opts() as { calendar?: string[] }).calendar ?? [];
    ctx.calendar = [];
    for (const file of files) {
      try {
        ctx.calendar.push(JSON.parse(readFileSync(resolve(io.cwd, file), "utf8")) as CalendarData);
      } catch (error) {
        io.stderr(`${style.red(m.calendarUnreadable(file, error instanceof Error ? error.message : String(error)))}\n`);
        throw new CommanderError(ExitCode.usage, "gavel.calendar", "unreadable calendar");
      }
    }
  });

  program
    .command("check")
    .description(m.checkDescription)
    .argument("<paths...>", m.checkPathsArgument)
    .action(async (paths: string[]) => {
      const { runCheck } = await import("./commands/check.ts");
      setExitCode(runCheck(paths, ctx));
    });

  program
    .command("test")
    .description(m.testDescription)
    .argument("[paths...]", m.testPathsArgument)
    .addOption(new Option("--reporter <name>", m.reporterOption).choices(["junit", "json", "tap"]))
    .option("--output <file>", m.outputOption)
    .option("--filter <pattern>", m.filterOption)
    .option("--coverage", m.coverageOption)
    .action(async (paths: string[], options: { reporter?: "junit" | "json" | "tap"; output?: string; filter?: string; coverage?: boolean }) => {
      const { runTest } = await import("./commands/test.ts");
      setExitCode(runTest(paths, options, ctx));
    });

  program
    .command("fmt")
    .description(m.fmtDescription)
    .argument("<paths...>", m.fmtPathsArgument)
    .option("--check", m.fmtCheckOption)
    .action(async (paths: string[], options: { check?: boolean }) => {
      const { runFmt } = await import("./commands/fmt.ts");
      setExitCode(runFmt(paths, options, ctx));
    });

  program
    .command("eval")
    .description(m.evalDescription)
    .addHelpText("after", `\n${m.evalExitCodes}`)
    .argument("<file>", m.evalFileArgument)
    .option("--rule <name>", m.ruleOption)
    .requiredOption("--input <json|@file>", m.inputOption)
    .addOption(new Option("--format <format>", m.formatOption).choices(["json", "text"]).default("json"))
    .action(async (file: string, options: { rule?: string; input: string; format: "json" | "text" }) => {
      const { runEval } = await import("./commands/eval.ts");
      setExitCode(runEval(file, options, ctx));
    });

  program
    .command("serve")
    .description(m.serveDescription)
    .option("--port <port>", m.portOption)
    .option("--data <dir>", m.dataOption)
    .action(async (options: { port?: string; data?: string }) => {
      const { runServe } = await import("./commands/serve.ts");
      setExitCode(await runServe(options, ctx));
    });

  program
    .command("lsp")
    .description(m.lspDescription)
    .option("--stdio", m.lspStdioOption)
    .action(async () => {
      const { runLsp } = await import("./commands/lsp.ts");
      setExitCode(await runLsp(ctx));
    });

  addOperatorCommands(program, ctx, setExitCode);
  registerAudit(program, ctx, setExitCode);
  return program;
}

/** `token create|list|revoke`, `backup` and `restore`: commands an operator runs on the store itself. */
function addOperatorCommands(program: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const m = operatorMessagesFor(ctx.language);
  const storeOptions = (command: Command) => command.option("--data <dir>", m.storeDataOption).option("--database-url <url>", m.storeUrlOption);
  type StoreFlags = { data?: string; databaseUrl?: string };

  const token = program.command("token").description(m.tokenDescription);
  storeOptions(token.command("create").description(m.tokenCreateDescription))
    .requiredOption("--role <role>", m.roleOption)
    .requiredOption("--name <name>", m.nameOption)
    .action(async (options: StoreFlags & { role: string; name: string }) => {
      const { runTokenCreate } = await import("./commands/token.ts");
      setExitCode(await runTokenCreate(options, ctx));
    });
  storeOptions(token.command("list").description(m.tokenListDescription)).action(async (options: StoreFlags) => {
    const { runTokenList } = await import("./commands/token.ts");
    setExitCode(await runTokenList(options, ctx));
  });
  storeOptions(token.command("revoke").description(m.tokenRevokeDescription).argument("<id>", m.tokenIdArgument)).action(async (id: string, options: StoreFlags) => {
    const { runTokenRevoke } = await import("./commands/token.ts");
    setExitCode(await runTokenRevoke(id, options, ctx));
  });

  storeOptions(program.command("backup").description(m.backupDescription))
    .requiredOption("--out <file>", m.backupOutOption)
    .action(async (options: StoreFlags & { out: string }) => {
      const { runBackup } = await import("./commands/backup.ts");
      setExitCode(await runBackup(options, ctx));
    });
  storeOptions(program.command("restore").description(m.restoreDescription).argument("<file>", m.restoreFileArgument)).action(async (file: string, options: StoreFlags) => {
    const { runRestore } = await import("./commands/backup.ts");
    setExitCode(await runRestore(file, options, ctx));
  });
}

/** `gavel audit head|verify <ballot>`: the chain head of a ballot on a running service, kept and checked from outside. */
function registerAudit(program: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const text = auditText(ctx.language);
  const audit = program.command("audit").description(text.group);
  const connection = (command: Command) => command.argument("<ballot>", text.ballotArgument).option("--url <url>", text.urlOption).option("--token <token>", text.tokenOption);
  connection(audit.command("head").description(text.headDescription)).action(async (ballot: string, options: AuditOptions) => {
    const { runAuditHead } = await import("./commands/audit.ts");
    setExitCode(await runAuditHead(ballot, options, ctx));
  });
  connection(audit.command("verify").description(text.verifyDescription))
    .option("--head <hash>", text.headOption)
    .addOption(new Option("--format <format>", text.formatOption).choices(["json", "text"]).default("text"))
    .action(async (ballot: string, options: AuditOptions) => {
      const { runAuditVerify } = await import("./commands/audit.ts");
      setExitCode(await runAuditVerify(ballot, options, ctx));
    });
}

/** Runs the CLI on `argv` (without `node` and the script path) against `io`; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = createContext(io, chooseLanguage(argv, io.env));
  let exitCode: number = ExitCode.ok;
  const program = createProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version asked for are successes; every other commander error is a usage error.
    return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? ExitCode.ok : ExitCode.usage;
  }
  return exitCode;
}
