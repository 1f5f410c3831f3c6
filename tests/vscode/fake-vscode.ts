/**
 * A stand-in for the `vscode` module, for loading the packaged extension outside VS Code. The parts the extension itself
 * uses are real enough to observe (configuration, commands, test controllers, output); everything else the bundled
 * language client touches is a recording stub, so a test can see which providers the client registered after its
 * `initialize` handshake with the server.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The names `vscode` exports (classes, enums, namespaces, constants), read from @types/vscode: TypeScript's
 * `import * as` copies a module's own keys, so the fake must have every name as its own key.
 */
function vscodeApiNames(): string[] {
  const types = readFileSync(createRequire(import.meta.url).resolve("@types/vscode/index.d.ts"), "utf8");
  return [...types.matchAll(/^\texport (?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]!);
}

/** One call into the fake API: its dotted path and arguments. */
export interface ApiCall {
  path: string;
  args: unknown[];
}

/** A test item as the fake controller makes it: enough of vscode.TestItem for the extension. */
export interface FakeTestItem {
  id: string;
  label: string;
  uri: FakeUri;
  parent?: FakeTestItem;
  range?: unknown;
  canResolveChildren?: boolean;
  children: FakeCollection;
}

export interface FakeUri {
  scheme: string;
  fsPath: string;
  path: string;
  toString(): string;
}

/** vscode.TestItemCollection over a Map. */
export class FakeCollection {
  readonly map = new Map<string, FakeTestItem>();
  constructor(private readonly owner?: FakeTestItem) {}
  get size() {
    return this.map.size;
  }
  get(id: string) {
    return this.map.get(id);
  }
  add(item: FakeTestItem) {
    if (this.owner) item.parent = this.owner;
    this.map.set(item.id, item);
  }
  delete(id: string) {
    this.map.delete(id);
  }
  replace(items: FakeTestItem[]) {
    this.map.clear();
    items.forEach((i) => this.add(i));
  }
  forEach(f: (item: FakeTestItem) => void) {
    this.map.forEach((i) => f(i));
  }
}

/** What a test run reported, item id by item id. */
export type RunReport = { state: "started" | "passed" | "failed" | "errored" | "skipped"; id: string; messages?: unknown }[];

/** The fake controller: its items, and the handlers the extension gave it. */
export interface FakeController {
  id: string;
  label: string;
  profiles: string[];
  items: FakeCollection;
  resolveHandler?: (item: FakeTestItem | undefined) => Promise<void> | void;
  runHandlers: ((request: { include?: FakeTestItem[]; exclude?: FakeTestItem[] }, token: unknown) => Promise<void>)[];
  runs: RunReport[];
}

export interface FakeVscode {
  api: Record<string, unknown>;
  calls: ApiCall[];
  commands: Map<string, (...args: unknown[]) => unknown>;
  errors: string[];
  log: string[];
  controllers: FakeController[];
}

const SKIP = new Set<PropertyKey>(["then", "__esModule", "toJSON", Symbol.toPrimitive, Symbol.iterator, Symbol.asyncIterator, "$$typeof", "asymmetricMatch", "nodeType"]);

/** A value that can be read, called and constructed at any depth, recording each call. */
function stub(path: string, calls: ApiCall[]): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, key) {
      if (SKIP.has(key)) return undefined;
      if (key === "dispose") return () => undefined;
      return stub(`${path}.${String(key)}`, calls);
    },
    apply(_t, _this, args) {
      calls.push({ path, args });
      return stub(`${path}()`, calls);
    },
    construct(_t, args) {
      calls.push({ path: `new ${path}`, args });
      return stub(`${path}#`, calls) as object;
    },
  });
}

/** A namespace whose listed members are real and whose other members are recording stubs. */
function namespace(path: string, calls: ApiCall[], real: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(real, {
    get(target, key) {
      if (key in target) return target[key as string];
      if (SKIP.has(key)) return undefined;
      return stub(`${path}.${String(key)}`, calls);
    },
  });
}

class Disposable {
  static from(...items: { dispose(): unknown }[]) {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  dispose() {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  event = (listener: (e: T) => unknown) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(e: T) {
    this.listeners.forEach((l) => l(e));
  }
  dispose() {
    this.listeners = [];
  }
}

/** A fake `vscode` for a workspace at `folder`, with `settings` as the gavel configuration. */
export function createFakeVscode(folder: string, settings: Record<string, unknown>, files: string[] = []): FakeVscode {
  const calls: ApiCall[] = [];
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const errors: string[] = [];
  const log: string[] = [];
  const controllers: FakeVscode["controllers"] = [];
  const event = (path: string) => (...args: unknown[]) => {
    calls.push({ path, args });
    return new Disposable();
  };
  const outputChannel = (name: string) =>
    namespace(`output(${name})`, calls, {
      name,
      logLevel: 0,
      onDidChangeLogLevel: event("output.onDidChangeLogLevel"),
      append: (s: string) => log.push(s),
      appendLine: (s: string) => log.push(s),
      replace: () => undefined,
      clear: () => undefined,
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
      trace: (s: string) => log.push(s),
      debug: (s: string) => log.push(s),
      info: (s: string) => log.push(s),
      warn: (s: string) => log.push(s),
      error: (s: unknown) => log.push(String(s)),
    });
  const uri = (fsPath: string): FakeUri => ({ scheme: "file", fsPath, path: fsPath, toString: () => `file://${fsPath}` });
  const api: Record<string, unknown> = {
    version: "1.91.0",
    Disposable,
    EventEmitter,
    env: namespace("env", calls, { language: "en", appName: "fake", machineId: "fake", sessionId: "fake" }),
    workspace: namespace("workspace", calls, {
      workspaceFolders: [{ uri: uri(folder), name: "rules", index: 0 }],
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration: (section?: string) => ({
        get: (key: string, fallback?: unknown) => (section === "gavel" && key in settings ? settings[key] : fallback),
        has: () => false,
        inspect: () => undefined,
        update: async () => undefined,
      }),
      onDidChangeConfiguration: event("workspace.onDidChangeConfiguration"),
      onDidOpenTextDocument: event("workspace.onDidOpenTextDocument"),
      onDidChangeTextDocument: event("workspace.onDidChangeTextDocument"),
      onDidCloseTextDocument: event("workspace.onDidCloseTextDocument"),
      onDidSaveTextDocument: event("workspace.onDidSaveTextDocument"),
      onWillSaveTextDocument: event("workspace.onWillSaveTextDocument"),
      onDidChangeWorkspaceFolders: event("workspace.onDidChangeWorkspaceFolders"),
      findFiles: async () => files.map(uri),
      asRelativePath: (u: { fsPath: string }) => u.fsPath,
      createFileSystemWatcher: (...args: unknown[]) => {
        calls.push({ path: "workspace.createFileSystemWatcher", args });
        return { onDidCreate: event("watcher.onDidCreate"), onDidChange: event("watcher.onDidChange"), onDidDelete: event("watcher.onDidDelete"), dispose: () => undefined };
      },
    }),
    window: namespace("window", calls, {
      createOutputChannel: outputChannel,
      showErrorMessage: async (message: string) => {
        errors.push(message);
        return undefined;
      },
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: event("window.onDidChangeActiveTextEditor"),
      onDidChangeVisibleTextEditors: event("window.onDidChangeVisibleTextEditors"),
      tabGroups: { all: [], onDidChangeTabs: event("window.tabGroups.onDidChangeTabs") },
    }),
    commands: namespace("commands", calls, {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        calls.push({ path: "commands.registerCommand", args: [id] });
        commands.set(id, run);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => commands.get(id)?.(...args),
    }),
    tests: namespace("tests", calls, {
      createTestController: (id: string, label: string) => {
        const controller: FakeController = { id, label, profiles: [], items: new FakeCollection(), runHandlers: [], runs: [] };
        controllers.push(controller);
        return {
          id,
          label,
          items: controller.items,
          set resolveHandler(handler: FakeController["resolveHandler"]) {
            controller.resolveHandler = handler;
          },
          createRunProfile: (profileLabel: string, _kind: unknown, handler: FakeController["runHandlers"][number]) => {
            controller.profiles.push(profileLabel);
            controller.runHandlers.push(handler);
            return { dispose: () => undefined };
          },
          createTestItem: (itemId: string, itemLabel: string, itemUri: FakeUri) => {
            const item = { id: itemId, label: itemLabel, uri: itemUri } as FakeTestItem;
            item.children = new FakeCollection(item);
            return item;
          },
          createTestRun: () => {
            const report: RunReport = [];
            controller.runs.push(report);
            const record = (state: RunReport[number]["state"]) => (item: FakeTestItem, messages?: unknown) => report.push({ state, id: item.id, ...(messages !== undefined ? { messages } : {}) });
            return { started: record("started"), passed: record("passed"), failed: record("failed"), errored: record("errored"), skipped: record("skipped"), end: () => undefined };
          },
          dispose: () => undefined,
        };
      },
    }),
    extensions: namespace("extensions", calls, { all: [], onDidChange: event("extensions.onDidChange") }),
  };
  // Every other name of the API (languages, Uri, Range, TestMessage, …): a recording stub.
  const all: Record<string, unknown> = {};
  for (const name of vscodeApiNames()) all[name] = stub(`vscode.${name}`, calls);
  return { api: Object.assign(all, api), calls, commands, errors, log, controllers };
}
