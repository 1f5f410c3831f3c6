/**
 * The extension as it ships: `npm run package -w gavel-vscode` (esbuild, then `vsce package --no-dependencies`) builds
 * the .vsix; the test lists it, unpacks it, and loads its dist/extension.js in Node with a fake `vscode` module. With
 * `gavel.path` pointing at this repository's gavel, activate() must start a real `gavel lsp --stdio` through the bundled
 * language client: the providers it registers after the handshake show that the server answered `initialize`.
 */
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gavelBin, repoRoot } from "../cli/run-gavel";
import { createFakeVscode, type FakeVscode } from "./fake-vscode";
import { extensionRoot } from "./textmate";

const vsixPath = join(extensionRoot, "gavel-vscode-0.1.0.vsix");
let work: string;
let unpacked: string;
let listing: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "gavel-vsix-"));
  rmSync(vsixPath, { force: true });
  await new Promise<void>((done, fail) =>
    execFile("npm", ["run", "package", "-w", "gavel-vscode"], { cwd: repoRoot, encoding: "utf8" }, (error, stdout, stderr) =>
      error ? fail(new Error(`npm run package failed: ${stdout}\n${stderr}`)) : done(),
    ),
  );
  // unzip -Z1: one entry name per line.
  listing = execFileSync("unzip", ["-Z1", vsixPath], { encoding: "utf8" }).split("\n").filter((l) => l !== "");
  unpacked = join(work, "vsix");
  mkdirSync(unpacked);
  execFileSync("unzip", ["-q", vsixPath, "-d", unpacked]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Manifest {
  name: string;
  version: string;
  main: string;
  engines: { vscode: string };
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown }> };
    commands: { command: string }[];
  };
}

describe("the .vsix", () => {
  it("holds the manifest, the bundle, the grammar, snippets, language configuration, README and LICENSE — and no sources or node_modules", () => {
    expect(listing).toEqual(expect.arrayContaining([
      "extension.vsixmanifest",
      "extension/package.json",
      "extension/dist/extension.js",
      "extension/syntaxes/gavel.tmLanguage.json",
      "extension/snippets/gavel.json",
      "extension/language-configuration.json",
      "extension/readme.md",
      "extension/LICENSE.txt",
    ]));
    expect(listing.filter((f) => f.includes("node_modules") || f.endsWith(".ts") || f.includes("/src/") || f.endsWith(".vsix"))).toEqual([]);
  });

  it("has a manifest whose every contributed file is in the package", () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, "extension/package.json"), "utf8")) as Manifest;
    expect(manifest).toMatchObject({ name: "gavel-vscode", version: "0.1.0", main: "./dist/extension.js" });
    const c = manifest.contributes;
    expect(c.languages).toEqual([expect.objectContaining({ id: "gavel", extensions: [".gavel"] })]);
    expect(c.grammars).toEqual([expect.objectContaining({ language: "gavel", scopeName: "source.gavel" })]);
    expect(c.configuration.properties["gavel.path"]).toMatchObject({ type: "string", default: "" });
    expect(c.commands.map((x) => x.command)).toContain("gavel.restartServer");
    for (const path of [manifest.main, c.languages[0]!.configuration, c.grammars[0]!.path, c.snippets[0]!.path]) {
      expect(existsSync(join(unpacked, "extension", path)), path).toBe(true);
    }
    // The packaged grammar is the tested one.
    expect(readFileSync(join(unpacked, "extension", c.grammars[0]!.path), "utf8")).toBe(readFileSync(join(extensionRoot, "syntaxes/gavel.tmLanguage.json"), "utf8"));
  });
});

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[] }): Promise<void>;
  deactivate(): Promise<void>;
}

/** Loads the unpacked dist/extension.js with `require("vscode")` answered by `fake`. */
function loadExtension(fake: FakeVscode): ExtensionModule {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === "vscode" ? fake.api : original.call(this, request, parent, isMain);
  };
  try {
    const require = createRequire(join(unpacked, "extension/package.json"));
    // A fresh module per test: each activation gets its own fake.
    delete require.cache[require.resolve("./dist/extension.js")];
    return require("./dist/extension.js") as ExtensionModule;
  } finally {
    loader._load = original;
  }
}

/** Polls `check` until it holds (the client registers its providers after the handshake, asynchronously). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`never happened: ${what}`);
}

describe("dist/extension.js from the .vsix, loaded with a fake vscode", () => {
  it("activates: registers its command and the Testing view, starts `gavel lsp --stdio` and registers the server's features", async () => {
    const folder = join(work, "rules");
    mkdirSync(folder, { recursive: true });
    // gavel.path: a wrapper that records its arguments, then runs this repository's gavel.
    const argsFile = join(work, "args.txt");
    const wrapper = join(work, "gavel-wrapper.sh");
    writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexec '${process.execPath}' '${gavelBin}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const fake = createFakeVscode(folder, { path: wrapper });
    const extension = loadExtension(fake);
    const subscriptions: { dispose(): unknown }[] = [];
    await extension.activate({ subscriptions });

    expect(fake.errors).toEqual([]);
    expect(readFileSync(argsFile, "utf8").split("\n").filter((l) => l !== "")).toEqual(["lsp", "--stdio"]);
    expect([...fake.commands.keys()]).toContain("gavel.restartServer");
    expect(fake.controllers).toEqual([expect.objectContaining({ id: "gavel", profiles: ["Run"] })]);
    // The server's capabilities, as the client registered them: only a real `initialize` answer leads here.
    const registered = () => new Set(fake.calls.map((c) => c.path));
    await eventually(() => registered().has("vscode.languages.registerRenameProvider"), "the rename provider");
    for (const provider of ["registerCompletionItemProvider", "registerHoverProvider", "registerDefinitionProvider", "registerReferenceProvider", "registerDocumentFormattingEditProvider", "registerCodeActionsProvider", "registerCodeLensProvider", "registerDocumentSymbolProvider"]) {
      expect(registered(), provider).toContain(`vscode.languages.${provider}`);
    }
    // The server's executeCommandProvider (the test lens's command) becomes a client command.
    await eventually(() => fake.commands.has("gavel.runTest"), "the gavel.runTest command");
    expect(fake.calls.find((c) => c.path === "vscode.languages.registerRenameProvider")!.args[0]).toEqual([{ language: "gavel" }]);

    await extension.deactivate();
    subscriptions.forEach((s) => s.dispose());
  }, 60_000);

  it("shows a file's test blocks in the Testing view and runs them with gavel test --reporter json", async () => {
    const folder = join(work, "testing");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, "表决.gavel");
    writeFileSync(file, [
      `vote 表决 "过半数" {`,
      `  quorum: present > 1/2 of entitled`,
      `  passes: yes > 1/2 of present`,
      `}`,
      ``,
      `test "过半数通过" {`,
      `  表决(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)`,
      `    expect outcome = passed`,
      `}`,
      ``,
      `test "a \\"quoted\\" name that fails" {`,
      `  表决(entitled: 10, present: 6, yes: 3, no: 3, abstain: 0)`,
      `    expect outcome = passed`,
      `}`,
      ``,
    ].join("\n"));
    const argsFile = join(work, "test-args.txt");
    const wrapper = join(work, "gavel-test-wrapper.sh");
    writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${argsFile}'\nexec '${process.execPath}' '${gavelBin}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const fake = createFakeVscode(folder, { path: wrapper }, [file]);
    const extension = loadExtension(fake);
    await extension.activate({ subscriptions: [] });
    const controller = fake.controllers[0]!;
    await controller.resolveHandler!(undefined);
    const fileItem = controller.items.get(`file://${file}`)!;
    const tests: { id: string; label: string }[] = [];
    fileItem.children.forEach((t) => tests.push({ id: t.id, label: t.label }));
    expect(tests.map((t) => t.label)).toEqual(["过半数通过", 'a "quoted" name that fails']);

    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    await controller.runHandlers[0]!({}, token);
    const [passing, failing] = tests.map((t) => t.id);
    expect(controller.runs[0]!.map((r) => [r.state, r.id])).toEqual([["started", passing], ["started", failing], ["passed", passing], ["failed", failing]]);
    const diff = fake.calls.find((c) => c.path === "vscode.TestMessage.diff");
    expect(diff?.args).toEqual(["expect outcome = passed: expected passed, got rejected", "passed", "rejected"]);

    // One test alone: --filter narrows the run to it.
    await controller.runHandlers[0]!({ include: [fileItem.children.get(failing!)!] }, token);
    expect(controller.runs[1]!.map((r) => [r.state, r.id])).toEqual([["started", failing], ["failed", failing]]);
    const runs = readFileSync(argsFile, "utf8");
    expect(runs).toContain(["test", file, "--reporter", "json", "--filter", 'a "quoted" name that fails', "--lang", "en"].join("\n"));
    await extension.deactivate();
  }, 60_000);

  it("activates without a gavel to run: says so, naming the gavel.path setting, and keeps the Testing view", async () => {
    const fake = createFakeVscode(join(work, "empty"), { path: join(work, "no-such-gavel") });
    const extension = loadExtension(fake);
    await extension.activate({ subscriptions: [] });
    // The language client reports its own failure too; ours says what to set.
    expect(fake.errors).toContainEqual(expect.stringMatching(/did not start .*"gavel\.path"/));
    expect(fake.controllers.map((c) => c.id)).toEqual(["gavel"]);
    await extension.deactivate();
  }, 30_000);
});
