/**
 * The gavel extension: a client of `gavel lsp --stdio` (diagnostics, completion, hover, rename, formatting, quick fixes,
 * test lenses) and the file's test blocks in VS Code's Testing view, run by `gavel test FILE --reporter json`.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { resolveGavelCommand, type GavelCommand } from "./gavel-command.ts";
import { discoverTests, parseTestReport, type ReportedTest } from "./test-blocks.ts";

let client: LanguageClient | undefined;

/** The gavel command for the current settings and workspace. */
function gavelCommand(): GavelCommand {
  return resolveGavelCommand({
    setting: vscode.workspace.getConfiguration("gavel").get<string>("path", ""),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    exists: existsSync,
    platform: process.platform,
    join,
  });
}

/** Quotes an argument for cmd.exe, which is what `shell: true` runs on Windows. */
const shellQuote = (arg: string): string => `"${arg.replace(/"/g, '""')}"`;

function argsFor(cmd: GavelCommand, args: string[]): string[] {
  const all = [...cmd.args, ...args];
  return cmd.shell ? all.map(shellQuote) : all;
}

function createClient(output: vscode.LogOutputChannel): LanguageClient {
  const cmd = gavelCommand();
  output.appendLine(`gavel: ${[cmd.command, ...cmd.args].join(" ")} lsp --stdio (from ${cmd.source})`);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server: ServerOptions = {
    command: cmd.shell ? shellQuote(cmd.command) : cmd.command,
    // The client appends --stdio for the stdio transport.
    args: argsFor(cmd, ["lsp"]),
    transport: TransportKind.stdio,
    options: { shell: cmd.shell, ...(cwd !== undefined ? { cwd } : {}) },
  };
  const options: LanguageClientOptions = {
    documentSelector: [{ language: "gavel" }],
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language },
  };
  return new LanguageClient("gavel", "gavel language server", server, options);
}

async function startClient(output: vscode.LogOutputChannel): Promise<void> {
  client = createClient(output);
  try {
    await client.start();
  } catch (error) {
    // Highlighting and the Testing view still work without the server; say how to point at gavel.
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`gavel lsp did not start: ${message}`);
    void vscode.window.showErrorMessage(`gavel: the language server did not start (${message}). Set "gavel.path" to the gavel executable, or install @gavel-rules/cli in the workspace.`);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

/** Runs `gavel test FILE --reporter json [--filter NAME]`; resolves with stdout, exit code and stderr. */
function runGavelTest(file: string, filter: string | undefined, token: vscode.CancellationToken): Promise<{ code: number; stdout: string; stderr: string }> {
  const cmd = gavelCommand();
  // Error messages in the report in VS Code's display language, as the language server's are.
  const lang = vscode.env.language.toLowerCase().startsWith("zh") ? "zh" : "en";
  const args = argsFor(cmd, ["test", file, "--reporter", "json", ...(filter !== undefined ? ["--filter", filter] : []), "--lang", lang]);
  return new Promise((done) => {
    const child = execFile(cmd.shell ? shellQuote(cmd.command) : cmd.command, args, { cwd: dirname(file), shell: cmd.shell, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      done({ code, stdout, stderr: stderr || (error && typeof error.code !== "number" ? error.message : "") });
    });
    token.onCancellationRequested(() => child.kill());
  });
}

function testMessages(uri: vscode.Uri, result: ReportedTest): vscode.TestMessage[] {
  const messages: vscode.TestMessage[] = [];
  for (const e of result.expectations) {
    if (e.passed) continue;
    const message = vscode.TestMessage.diff(`${e.text}: expected ${e.expected}, got ${e.actual}`, e.expected, e.actual);
    message.location = new vscode.Location(uri, new vscode.Position(Math.max(0, e.line - 1), 0));
    messages.push(message);
  }
  if (result.error) {
    const message = new vscode.TestMessage(`${result.error.code}: ${result.error.message}`);
    message.location = new vscode.Location(uri, new vscode.Position(Math.max(0, result.line - 1), 0));
    messages.push(message);
  }
  return messages.length > 0 ? messages : [new vscode.TestMessage("failed")];
}

/** The Testing view: one item per .gavel file, one child per test block, run through `gavel test`. */
function createTestController(context: vscode.ExtensionContext): vscode.TestController {
  const controller = vscode.tests.createTestController("gavel", "gavel rules");

  const fileItem = (uri: vscode.Uri): vscode.TestItem => {
    const existing = controller.items.get(uri.toString());
    if (existing) return existing;
    const item = controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    item.canResolveChildren = true;
    controller.items.add(item);
    return item;
  };

  const refresh = (item: vscode.TestItem, source: string): void => {
    const uri = item.uri!;
    const tests = discoverTests(source);
    if (tests.length === 0) {
      controller.items.delete(item.id);
      return;
    }
    item.children.replace(tests.map((t) => {
      const child = controller.createTestItem(`${uri.toString()}#${t.name}`, t.name, uri);
      child.range = new vscode.Range(t.line, 0, t.line, 0);
      return child;
    }));
  };

  const readSource = (uri: vscode.Uri): string => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ? open.getText() : readFileSync(uri.fsPath, "utf8");
  };

  const update = (uri: vscode.Uri): void => {
    if (uri.scheme !== "file" || !uri.path.endsWith(".gavel")) return;
    try {
      refresh(fileItem(uri), readSource(uri));
    } catch {
      controller.items.delete(uri.toString());
    }
  };

  controller.resolveHandler = async (item) => {
    if (item) return update(item.uri!);
    for (const uri of await vscode.workspace.findFiles("**/*.gavel", "**/node_modules/**")) update(uri);
  };

  const watcher = vscode.workspace.createFileSystemWatcher("**/*.gavel");
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(update),
    watcher.onDidChange(update),
    watcher.onDidDelete((uri) => controller.items.delete(uri.toString())),
    vscode.workspace.onDidOpenTextDocument((d) => d.languageId === "gavel" && update(d.uri)),
    vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === "gavel" && update(e.document.uri)),
  );

  const run = async (request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> => {
    const testRun = controller.createTestRun(request);
    // Group what to run by file: a file item runs all its tests, a test item only itself.
    const byFile = new Map<string, { file: vscode.TestItem; tests: vscode.TestItem[] | "all" }>();
    const roots: vscode.TestItem[] = [];
    if (request.include) roots.push(...request.include);
    else controller.items.forEach((i) => roots.push(i));
    for (const item of roots) {
      const file = item.parent ?? item;
      const entry = byFile.get(file.id) ?? { file, tests: [] as vscode.TestItem[] };
      if (item === file) entry.tests = "all";
      else if (entry.tests !== "all") entry.tests.push(item);
      byFile.set(file.id, entry);
    }
    for (const { file, tests } of byFile.values()) {
      if (token.isCancellationRequested) break;
      const items: vscode.TestItem[] = [];
      if (tests === "all") file.children.forEach((c) => items.push(c));
      else items.push(...tests);
      const wanted = items.filter((i) => !request.exclude?.includes(i));
      wanted.forEach((i) => testRun.started(i));
      // One test alone: --filter narrows the run (it matches substrings; the exact name is picked below).
      const filter = wanted.length === 1 && tests !== "all" ? wanted[0]!.label : undefined;
      const outcome = await runGavelTest(file.uri!.fsPath, filter, token);
      const report = parseTestReport(outcome.stdout);
      if (!report) {
        const message = new vscode.TestMessage(`gavel test exited with ${outcome.code}: ${outcome.stderr.trim() || outcome.stdout.trim()}`);
        wanted.forEach((i) => testRun.errored(i, message));
        continue;
      }
      const reported = report.files[0];
      if (reported && !reported.compiled) {
        const message = new vscode.TestMessage(reported.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join("\n"));
        wanted.forEach((i) => testRun.errored(i, message));
        continue;
      }
      for (const item of wanted) {
        const result = reported?.tests.find((t) => t.name === item.label);
        if (!result) testRun.skipped(item);
        else if (result.passed) testRun.passed(item);
        else testRun.failed(item, testMessages(file.uri!, result));
      }
    }
    testRun.end();
  };
  controller.createRunProfile("Run", vscode.TestRunProfileKind.Run, run, true);
  return controller;
}

/** Starts the language client, registers the restart command and the Testing view. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("gavel", { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(createTestController(context));
  context.subscriptions.push(
    vscode.commands.registerCommand("gavel.restartServer", async () => {
      await stopClient();
      await startClient(output);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("gavel.path")) return;
      await stopClient();
      await startClient(output);
    }),
  );
  await startClient(output);
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await stopClient();
}
