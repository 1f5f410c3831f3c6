/** The `gavel` command line: commander wiring of check, test, fmt, eval, table, diff, serve, lsp, completion, audit, meeting, and the operator commands token, backup and restore. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CalendarData } from "@gavel-rules/lang";
import { Argument, Command, CommanderError, Option } from "commander";
import { auditText, type AuditOptions } from "./commands/audit.ts";
import { SHELLS, type Shell } from "./commands/completion.ts";
import { argvOption, loadConfig, loadIgnoreFile } from "./config.ts";
import { createContext, ExitCode, type CommandContext } from "./context.ts";
import { insightMessagesFor } from "./insight-messages.ts";
import type { CliIo } from "./io.ts";
import { chooseLanguage, messagesFor } from "./messages.ts";
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
    .option("--config <file>", m.configOption)
    .addOption(new Option("--calendar <file>", m.calendarOption).argParser((file: string, files: string[] = []) => [...files, file]))
    .addHelpText("after", `\n${m.exitCodes}`);
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
    .addOption(new Option("--format <format>", m.checkFormatOption).choices(["text", "json"]))
    .action(async (paths: string[], options: { format?: "text" | "json" }) => {
      const { runCheck } = await import("./commands/check.ts");
      setExitCode(runCheck(paths, options, ctx));
    });

  program
    .command("test")
    .description(m.testDescription)
    .argument("[paths...]", m.testPathsArgument)
    .addOption(new Option("--reporter <name>", m.reporterOption).choices(["junit", "json", "tap"]))
    .option("--output <file>", m.outputOption)
    .option("--filter <pattern>", m.filterOption)
    .option("--coverage", m.coverageOption)
    .option("--watch", m.watchOption)
    .action(async (paths: string[], options: { reporter?: "junit" | "json" | "tap"; output?: string; filter?: string; coverage?: boolean; watch?: boolean }) => {
      const { watch, ...testOptions } = options;
      if (watch) {
        const { runTestWatch } = await import("./commands/test-watch.ts");
        setExitCode(await runTestWatch(paths, testOptions, ctx));
        return;
      }
      const { runTest } = await import("./commands/test.ts");
      setExitCode(runTest(paths, testOptions, ctx));
    });

  program
    .command("fmt")
    .description(m.fmtDescription)
    .argument("<paths...>", m.fmtPathsArgument)
    .option("--check", m.fmtCheckOption)
    .option("--diff", m.fmtDiffOption)
    .action(async (paths: string[], options: { check?: boolean; diff?: boolean }) => {
      const { runFmt } = await import("./commands/fmt.ts");
      setExitCode(runFmt(paths, options, ctx));
    });

  program
    .command("eval")
    .description(m.evalDescription)
    .addHelpText("after", `\n${m.evalExitCodes}`)
    .argument("<file>", m.evalFileArgument)
    .option("--rule <name>", m.ruleOption)
    .requiredOption("--input <json|@file|->", m.inputOption)
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

  program
    .command("completion")
    .description(m.completionDescription)
    .addArgument(new Argument("<shell>", m.completionShellArgument).choices(SHELLS))
    .action(async (shell: Shell) => {
      const { runCompletion } = await import("./commands/completion.ts");
      setExitCode(runCompletion(shell, program, ctx));
    });

  addInsightCommands(program, ctx, setExitCode);
  addOperatorCommands(program, ctx, setExitCode);
  registerAudit(program, ctx, setExitCode);
  registerMeeting(program, ctx, setExitCode);
  return program;
}

/** `table` and `diff`: what a vote's thresholds are, and what a rule change does to them. */
function addInsightCommands(program: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const m = insightMessagesFor(ctx.language);
  program
    .command("table")
    .description(m.tableDescription)
    .argument("<file>", m.fileArgument)
    .option("--rule <name>", m.tableRuleOption)
    .option("--entitled <range>", m.entitledOption, "0..60")
    .addOption(new Option("--format <format>", m.tableFormatOption).choices(["text", "json", "csv"]).default("text"))
    .action(async (file: string, options: { rule?: string; entitled: string; format: "text" | "json" | "csv" }) => {
      const { runTable } = await import("./commands/table.ts");
      setExitCode(runTable(file, options, ctx));
    });

  program
    .command("diff")
    .description(m.diffDescription)
    .argument("<old>", m.oldFileArgument)
    .argument("<new>", m.newFileArgument)
    .option("--rule <name>", m.diffRuleOption)
    .option("--new-rule <name>", m.newRuleOption)
    .option("--entitled <range>", m.entitledOption, "0..60")
    .option("--examples <n>", m.examplesOption)
    .addOption(new Option("--format <format>", m.diffFormatOption).choices(["text", "json"]).default("text"))
    .action(async (oldFile: string, newFile: string, options: { rule?: string; newRule?: string; entitled: string; examples?: string; format: "text" | "json" }) => {
      const { runDiff } = await import("./commands/diff.ts");
      setExitCode(runDiff(oldFile, newFile, options, ctx));
    });
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

/** `gavel meeting replay <meeting.json>`: a meeting kept as files, run through the API, its 公示 printed. */
function registerMeeting(program: Command, ctx: CommandContext, setExitCode: (code: number) => void): void {
  const zh = ctx.language === "zh";
  const meeting = program.command("meeting").description(zh ? "会议：以文件保存的会议（名册、议程、选票）" : "Meetings kept as files (roster, agenda, papers)");
  meeting
    .command("replay")
    .description(
      zh
        ? "通过 gavel API 重放会议（默认在本进程的临时嵌入式存储上，或用 --server 连接运行中的服务），输出公示"
        : "Replay a meeting through the gavel API (in this process on a temporary embedded store, or a running service with --server) and print its 公示",
    )
    .argument("<file>", zh ? "会议文件（meeting.json）" : "the meeting file (meeting.json)")
    .option("--server <url>", zh ? "运行中的服务地址" : "a running service's URL")
    .option("--token <token>", zh ? "令牌（默认 $GAVEL_TOKEN）：admin，或规则已存储时的 clerk" : "a token (default $GAVEL_TOKEN): admin, or a clerk's when the rules are stored already")
    .addOption(new Option("--format <format>", zh ? "输出格式" : "output format").choices(["text", "json"]).default("text"))
    .action(async (file: string, options: { server?: string; token?: string; format: "text" | "json" }) => {
      const { runMeetingReplay } = await import("./commands/meeting.ts");
      setExitCode(await runMeetingReplay(file, options, ctx));
    });
}

/** Runs the CLI on `argv` (without `node` and the script path) against `io`; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const loaded = loadConfig(io.cwd, argvOption(argv, "config") ?? (io.env.GAVEL_CONFIG || undefined));
  if (!loaded.ok) {
    io.stderr(`${messagesFor(chooseLanguage(argv, io.env)).configInvalid(loaded.file, loaded.reason)}\n`);
    return ExitCode.usage;
  }
  const ignore = loadIgnoreFile(io.cwd);
  const ctx = createContext(io, chooseLanguage(argv, io.env, loaded.config.lang), { config: loaded.config, ...(ignore ? { ignore } : {}) });
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
