/**
 * `gavel lsp --stdio` as an editor sees it: the real command in a child process, spoken to in JSON-RPC over its
 * stdin and stdout (vscode-jsonrpc, the library VS Code's own client uses), on a rule file with Chinese names.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, InitializeResult, Location, PublishDiagnosticsParams, Range, SignatureHelp,
  TextEdit, WorkspaceEdit,
} from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gavelBin, repoRoot } from "./run-gavel";

/** The canonical file (`gavel fmt` leaves it as it is): one scorecard, a test of it, and a failing test of std's major_matter. */
const FIXED = `import "std/major-matter.gavel"

scorecard 测评 "满意度测评" {
  input 满意:   count  "满意票"
  input 不满意: count  "不满意票"

  let 满意率 = 满意 / (满意 + 不满意)

  criterion 认可 max 10 {
    10 when 满意率 >= 2/3
     0 otherwise
  }

  grade {
    "优秀" when score >= 10
    "一般" otherwise
  }
}

test "测评通过" {
  测评(满意: 2, 不满意: 1)
    expect 满意率 = 2/3
    expect grade = "优秀"
}

test "major matter fails" {
  major_matter(entitled: 30, present: 21, yes: 16, no: 5, abstain: 0)
    expect outcome = rejected
}
`;

/** The same file with a misspelt input (不满一 for 不满意) on line 7 (0-based line 6). */
const BROKEN = FIXED.replace("(满意 + 不满意)", "(满意 + 不满一)");

/** A position by line (0-based) and the text it is in front of on that line. */
function positionOf(text: string, line: number, before: string, into = 0): { line: number; character: number } {
  const character = text.split("\n")[line]!.indexOf(before);
  if (character < 0) throw new Error(`'${before}' is not on line ${line}`);
  return { line, character: character + into };
}

interface Server {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  messages: { type: number; message: string }[];
  /** What the server answered to `initialize`. */
  initialized: InitializeResult;
}

/** Starts `gavel lsp --stdio` in `cwd` with `env` (a clean one: English unless asked) and initializes it. */
async function startServer(cwd: string, env: Record<string, string>, initializationOptions: object = {}): Promise<Server> {
  const child = spawn(process.execPath, [gavelBin, "lsp", "--stdio"], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8", ...env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  const messages: { type: number; message: string }[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    const queue = waiting.get(params.uri) ?? [];
    queue.shift()?.(params);
  });
  connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
    messages.push(params);
  });
  connection.listen();
  const initialized: InitializeResult = await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(cwd).href, capabilities: {}, initializationOptions });
  await connection.sendNotification("initialized", {});
  return {
    child,
    connection,
    stderr: () => stderr,
    exited,
    messages,
    initialized,
    nextDiagnostics: (uri) =>
      new Promise((done) => {
        const queue = waiting.get(uri) ?? [];
        queue.push(done);
        waiting.set(uri, queue);
      }),
  };
}

/** Shuts the server down as a client does: `shutdown`, then `exit`; resolves with the exit code. */
async function stopServer(server: Server): Promise<number | null> {
  await server.connection.sendRequest("shutdown");
  await server.connection.sendNotification("exit");
  const code = await server.exited;
  server.connection.dispose();
  return code;
}

let root: string;
let uri: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gavel-lsp-"));
  const file = join(root, "规则.gavel");
  writeFileSync(file, BROKEN);
  uri = pathToFileURL(file).href;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("gavel lsp --stdio, as an editor's client uses it", () => {
  let server: Server;
  let broken: Diagnostic[];

  beforeAll(async () => {
    server = await startServer(root, {});
    const published = server.nextDiagnostics(uri);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "gavel", version: 1, text: BROKEN } });
    broken = (await published).diagnostics;
  }, 30_000);

  it("publishes the diagnostics of an opened file, at the misspelt name, with severity, code and message", () => {
    const error = broken.find((d) => d.code === "UNDEFINED_NAME");
    expect(error).toMatchObject({ severity: 1, source: "gavel", message: "'不满一' is not defined here; did you mean '不满意'?" });
    expect(error!.range).toEqual({ start: positionOf(BROKEN, 6, "不满一"), end: positionOf(BROKEN, 6, "不满一", 3) });
    // The unused input is a warning (severity 2), reported at its declaration.
    expect(broken.find((d) => d.code === "UNUSED_INPUT")).toMatchObject({ severity: 2, range: { start: positionOf(BROKEN, 4, "不满意") } });
  });

  it("offers the 'did you mean' replacement as a quick fix", async () => {
    const at: Range = { start: positionOf(BROKEN, 6, "不满一", 1), end: positionOf(BROKEN, 6, "不满一", 1) };
    const actions: CodeAction[] = await server.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: at, context: { diagnostics: broken } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "Replace with '不满意'", kind: "quickfix", isPreferred: true });
    expect(actions[0]!.edit!.changes![uri]).toEqual([{ range: { start: positionOf(BROKEN, 6, "不满一"), end: positionOf(BROKEN, 6, "不满一", 3) }, newText: "不满意" }]);
  });

  it("clears the diagnostics when a change fixes the file", async () => {
    const published = server.nextDiagnostics(uri);
    const range = { start: positionOf(BROKEN, 6, "不满一"), end: positionOf(BROKEN, 6, "不满一", 3) };
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: "不满意" }] });
    const after = await published;
    expect(after.version).toBe(2);
    expect(after.diagnostics).toEqual([]);
  });

  it("completes a rule call with that rule's inputs", async () => {
    const items: CompletionItem[] = await server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: positionOf(FIXED, 20, "满意: 2") });
    const inputs = items.filter((i) => i.kind === 5).map((i) => i.label);
    expect(inputs).toEqual(["满意", "不满意"]);
    expect(items.find((i) => i.label === "不满意")).toMatchObject({ insertText: "不满意: " });
  });

  it("gives signature help inside a rule call: the rule's inputs, the argument at the cursor active", async () => {
    expect(server.initialized.capabilities.signatureHelpProvider).toEqual({ triggerCharacters: ["(", ","] });
    const help: SignatureHelp = await server.connection.sendRequest("textDocument/signatureHelp", { textDocument: { uri }, position: positionOf(FIXED, 20, "不满意: 1", 1) });
    expect(help.signatures.map((s) => s.label)).toEqual(["测评(满意: count, 不满意: count)"]);
    expect(help.signatures[0]!.documentation).toBe("满意度测评");
    const [start, end] = help.signatures[0]!.parameters![help.activeParameter!]!.label as [number, number];
    expect(help.signatures[0]!.label.slice(start, end)).toBe("不满意: count");
    expect(help.signatures[0]!.parameters![help.activeParameter!]!.documentation).toBe("不满意票");
    // The imported std rule's facts, with yes active.
    const std: SignatureHelp = await server.connection.sendRequest("textDocument/signatureHelp", { textDocument: { uri }, position: positionOf(FIXED, 26, "yes:", 2) });
    const active = std.signatures[0]!.parameters![std.activeParameter!]!.label as [number, number];
    expect(std.signatures[0]!.label.slice(...active)).toBe("yes: count");
    // Parentheses that are no call: nothing.
    expect(await server.connection.sendRequest("textDocument/signatureHelp", { textDocument: { uri }, position: positionOf(FIXED, 6, "满意 +") })).toBeNull();
  });

  it("gives signature help inside a built-in function, in an untitled document", async () => {
    const untitled = "untitled:Untitled-1";
    const source = `scorecard s {\n  input cases: list of { received: date, resolved: date?, limit: count }\n  let due = count(cases where resolved <= add_workdays(received, limit))\n}\n`;
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: untitled, languageId: "gavel", version: 1, text: source } });
    const help: SignatureHelp = await server.connection.sendRequest("textDocument/signatureHelp", { textDocument: { uri: untitled }, position: positionOf(source, 2, "limit))") });
    expect(help.signatures.map((s) => s.label)).toEqual(["add_workdays(date, n)"]);
    expect(help.activeParameter).toBe(1);
    const outer: SignatureHelp = await server.connection.sendRequest("textDocument/signatureHelp", { textDocument: { uri: untitled }, position: positionOf(source, 2, "resolved <=") });
    expect(outer.signatures.map((s) => s.label)).toEqual(["count(cases)", "count(cases where COND)"]);
    expect(outer.activeSignature).toBe(1);
    await server.connection.sendNotification("textDocument/didClose", { textDocument: { uri: untitled } });
  });

  it("hovers on a name with its kind, type and label", async () => {
    const hover: Hover = await server.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: positionOf(FIXED, 6, "满意 /", 1) });
    expect(hover.contents).toEqual({ kind: "markdown", value: "**满意** — input, count\n\n满意票" });
    expect(hover.range).toEqual({ start: positionOf(FIXED, 6, "满意 /"), end: positionOf(FIXED, 6, "满意 /", 2) });
  });

  it("goes to a definition in the standard library (std/major-matter.gavel)", async () => {
    const definition: Location = await server.connection.sendRequest("textDocument/definition", { textDocument: { uri }, position: positionOf(FIXED, 26, "major_matter", 3) });
    expect(definition.uri).toBe(pathToFileURL(join(repoRoot, "dsl/std/major-matter.gavel")).href);
    // The line of `vote major_matter …` in that file (0-based), the name from column 5.
    const line = readFileSync(join(repoRoot, "dsl/std/major-matter.gavel"), "utf8").split("\n").findIndex((l) => l.startsWith("vote major_matter "));
    expect(line).toBeGreaterThan(0);
    expect(definition.range).toEqual({ start: { line, character: 5 }, end: { line, character: 17 } });
  });

  it("goes to a definition in the same file", async () => {
    const definition: Location = await server.connection.sendRequest("textDocument/definition", { textDocument: { uri }, position: positionOf(FIXED, 9, "满意率", 1) });
    expect(definition).toEqual({ uri, range: { start: positionOf(FIXED, 6, "满意率"), end: positionOf(FIXED, 6, "满意率", 3) } });
  });

  it("finds every reference of a let, with or without its declaration", async () => {
    const position = positionOf(FIXED, 21, "满意率", 1);
    const all: Location[] = await server.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(all.map((l) => [l.uri, l.range.start.line])).toEqual([[uri, 6], [uri, 9], [uri, 21]]);
    const uses: Location[] = await server.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: false } });
    expect(uses.map((l) => l.range.start.line)).toEqual([9, 21]);
  });

  it("renames an input everywhere as one workspace edit, and refuses a reserved word", async () => {
    const position = positionOf(FIXED, 3, "满意:", 1);
    const prepared: Range = await server.connection.sendRequest("textDocument/prepareRename", { textDocument: { uri }, position });
    expect(prepared).toEqual({ start: positionOf(FIXED, 3, "满意:"), end: positionOf(FIXED, 3, "满意:", 2) });
    const edit: WorkspaceEdit = await server.connection.sendRequest("textDocument/rename", { textDocument: { uri }, position, newName: "赞成" });
    const edits = edit.changes![uri]!;
    expect(edits.map((e) => [e.range.start.line, e.newText])).toEqual([[3, "赞成"], [6, "赞成"], [6, "赞成"], [20, "赞成"]]);
    await expect(server.connection.sendRequest("textDocument/rename", { textDocument: { uri }, position, newName: "score" })).rejects.toThrow(/reserved word/);
  });

  it("outlines the file: rules with their members, and tests", async () => {
    const symbols: DocumentSymbol[] = await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([["测评", "满意度测评"], ["测评通过", undefined], ["major matter fails", undefined]]);
    expect(symbols[0]!.children!.map((c) => c.name)).toEqual(["满意", "不满意", "满意率", "认可", "grade"]);
    expect(symbols[0]!.selectionRange).toEqual({ start: positionOf(FIXED, 2, "测评"), end: positionOf(FIXED, 2, "测评", 2) });
  });

  it("formats a whole document as gavel fmt does", async () => {
    const messyUri = pathToFileURL(join(root, "messy.gavel")).href;
    const messy = FIXED.replace("input 满意:   count  ", "input 满意: count ").replace("\n\n  let", "\n  let").replace("     0 otherwise", "0 otherwise");
    expect(messy).not.toBe(FIXED);
    const published = server.nextDiagnostics(messyUri);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: messyUri, languageId: "gavel", version: 1, text: messy } });
    await published;
    const edits: TextEdit[] = await server.connection.sendRequest("textDocument/formatting", { textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: messy.split("\n").length - 1, character: 0 } }, newText: FIXED }]);
    // A formatted file needs no edit.
    expect(await server.connection.sendRequest("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it("puts a code lens above each test block, and runs the test when the client executes its command", async () => {
    const lenses: CodeLens[] = await server.connection.sendRequest("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses.map((l) => [l.range.start, l.command?.title, l.command?.command, l.command?.arguments])).toEqual([
      [{ line: 19, character: 0 }, "▶ Run test", "gavel.runTest", [uri, "测评通过"]],
      [{ line: 25, character: 0 }, "▶ Run test", "gavel.runTest", [uri, "major matter fails"]],
    ]);
    const passed = await server.connection.sendRequest("workspace/executeCommand", { command: lenses[0]!.command!.command, arguments: lenses[0]!.command!.arguments });
    expect(passed).toEqual({ name: "测评通过", passed: true, message: "✓ Test \"测评通过\" passed." });
    const failed = await server.connection.sendRequest("workspace/executeCommand", { command: lenses[1]!.command!.command, arguments: lenses[1]!.command!.arguments });
    expect(failed).toEqual({ name: "major matter fails", passed: false, message: "✗ Test \"major matter fails\" failed: expect outcome = rejected: expected rejected, got passed" });
    // The client also sees each result as window/showMessage: Info (3) for a pass, Error (1) for a failure.
    expect(server.messages).toEqual([
      { type: 3, message: "✓ Test \"测评通过\" passed." },
      { type: 1, message: "✗ Test \"major matter fails\" failed: expect outcome = rejected: expected rejected, got passed" },
    ]);
  });

  it("resolves an import to an open, unsaved document, and re-checks the importing file when it changes or closes", async () => {
    // Neither file exists on disk: the import can only be the open document.
    const libUri = pathToFileURL(join(root, "unsaved", "村规.gavel")).href;
    const usesUri = pathToFileURL(join(root, "unsaved", "uses.gavel")).href;
    const lib = `vote 村民会议 "村民会议表决" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n`;
    const uses = `import "./村规.gavel"\n\ntest "过半数通过" {\n  村民会议(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)\n    expect outcome = passed\n}\n`;
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: libUri, languageId: "gavel", version: 1, text: lib } });
    const opened = server.nextDiagnostics(usesUri);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: usesUri, languageId: "gavel", version: 1, text: uses } });
    expect((await opened).diagnostics).toEqual([]);
    const definition: Location = await server.connection.sendRequest("textDocument/definition", { textDocument: { uri: usesUri }, position: { line: 3, character: 3 } });
    expect(definition).toEqual({ uri: libUri, range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } } });

    const renamed = server.nextDiagnostics(usesUri);
    const name = { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } };
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri: libUri, version: 2 }, contentChanges: [{ range: name, text: "村民大会" }] });
    expect((await renamed).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["UNDEFINED_RULE", 3]]);

    const closed = server.nextDiagnostics(usesUri);
    await server.connection.sendNotification("textDocument/didClose", { textDocument: { uri: libUri } });
    expect((await closed).diagnostics.map((d) => d.code)).toContain("IMPORT_NOT_FOUND");
  });

  it("finds and renames the names of an election and a rating: the rule, a let, a level", async () => {
    const kindsUri = pathToFileURL(join(root, "kinds.gavel")).href;
    const kinds = [
      `election 村委会 "村民委员会选举" {`,
      `  let 半数 = 1/2 of voters`,
      `  void:    ballots > voters`,
      `  turnout: voters > 1/2 of registered`,
      `  elected: votes > 半数`,
      `  runoff:  votes >= 1/3 of ballots`,
      `}`,
      ``,
      `rating 测评票 "民主测评" {`,
      `  levels 满意, 基本满意, 不满意`,
      `  let 认可率 = (满意 + 基本满意) / ballots`,
      `  grade {`,
      `    "优秀" when 认可率 >= 2/3`,
      `    "一般" otherwise`,
      `  }`,
      `}`,
      ``,
      `test "rating t" {`,
      `  测评票(满意: 2, 基本满意: 0, 不满意: 1)`,
      `    expect 认可率 = 2/3`,
      `}`,
      ``,
    ].join("\n");
    const published = server.nextDiagnostics(kindsUri);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: kindsUri, languageId: "gavel", version: 1, text: kinds } });
    expect((await published).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const lines = (edit: WorkspaceEdit) => edit.changes![kindsUri]!.map((e) => [e.range.start.line, e.range.start.character, e.newText]);

    const letRefs: Location[] = await server.connection.sendRequest("textDocument/references", { textDocument: { uri: kindsUri }, position: positionOf(kinds, 4, "半数", 1), context: { includeDeclaration: true } });
    expect(letRefs.map((l) => l.range.start.line)).toEqual([1, 4]);
    const election: WorkspaceEdit = await server.connection.sendRequest("textDocument/rename", { textDocument: { uri: kindsUri }, position: positionOf(kinds, 0, "村委会", 1), newName: "村委选举" });
    expect(lines(election)).toEqual([[0, 9, "村委选举"]]);
    const level: WorkspaceEdit = await server.connection.sendRequest("textDocument/rename", { textDocument: { uri: kindsUri }, position: positionOf(kinds, 18, "基本满意", 1), newName: "一般满意" });
    expect(lines(level)).toEqual([[9, 13, "一般满意"], [10, 18, "一般满意"], [18, 13, "一般满意"]]);
    const rating: WorkspaceEdit = await server.connection.sendRequest("textDocument/rename", { textDocument: { uri: kindsUri }, position: positionOf(kinds, 18, "测评票", 1), newName: "cadre_rating" });
    expect(lines(rating)).toEqual([[8, 7, "cadre_rating"], [18, 2, "cadre_rating"]]);
    const items: CompletionItem[] = await server.connection.sendRequest("textDocument/completion", { textDocument: { uri: kindsUri }, position: positionOf(kinds, 18, "满意: 2") });
    expect(items.filter((i) => i.kind === 5).map((i) => i.label)).toEqual(["满意", "基本满意", "不满意"]);
  });

  it("ends with exit code 0 after shutdown and exit, having written nothing to stderr", async () => {
    expect(await stopServer(server)).toBe(0);
    expect(server.stderr()).toBe("");
  });
});

describe("gavel lsp --stdio in Chinese", () => {
  it.each([
    ["the process locale (LANG=zh_CN.UTF-8)", { LANG: "zh_CN.UTF-8" }, {}],
    ["initializationOptions.locale", {}, { locale: "zh-CN" }],
  ])("speaks Chinese when %s says so", async (_how, env, initializationOptions) => {
    const server = await startServer(root, env, initializationOptions);
    const published = server.nextDiagnostics(uri);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "gavel", version: 1, text: BROKEN } });
    const error = (await published).diagnostics.find((d) => d.code === "UNDEFINED_NAME")!;
    expect(error.message).toMatch(/不满一/);
    expect(error.message).not.toMatch(/is not defined/);
    const actions: CodeAction[] = await server.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: error.range, context: { diagnostics: [error] } });
    expect(actions.map((a) => a.title)).toEqual(["改为 “不满意”"]);
    const lenses: CodeLens[] = await server.connection.sendRequest("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses[0]!.command!.title).toBe("▶ 运行测试");
    // The lens stays on a file whose rule has an error; running it says why nothing runs.
    const run = await server.connection.sendRequest("workspace/executeCommand", { command: "gavel.runTest", arguments: [uri, "测评通过"] });
    expect(run).toEqual({ name: "测评通过", passed: false, message: `✗ 测试 “测评通过” 无法运行：文件有错误（UNDEFINED_NAME ${error.message}）。` });
    expect(await stopServer(server)).toBe(0);
  }, 30_000);
});
