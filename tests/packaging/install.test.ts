/**
 * The published packages work outside the monorepo: `npm pack` of every workspace not marked private (each package's
 * prepack builds it; the editor ships inside the server, the VS Code extension as a .vsix: tests/vscode),
 * then `npm install ./*.tgz` in an empty folder, then the installed `gavel` run by plain Node (no tsx) checks,
 * tests, formats and evaluates a rule file importing the packaged std library, and serves the packaged editor.
 * Slow on purpose (npm install fetches the dependencies from the registry, ~10-60 s): it is what proves the packaging.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../cli/run-gavel";

const RULES = `import "std/major-matter.gavel"

test "market plan: 22 present, 17 yes passes" {
  major_matter(entitled: 32, present: 22, yes: 17, no: 3, abstain: 2)
    expect outcome = passed
}

test "market plan: 21 of 32 present is no quorum" {
  major_matter(entitled: 32, present: 21, yes: 21, no: 0, abstain: 0)
    expect outcome = no_quorum
}
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment for child processes: without the npm_* variables of an enclosing `npm test`
 * (they would point npm at the monorepo) and without NODE_OPTIONS (no loader may sneak in), English messages.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_|^INIT_CWD$|^NODE_OPTIONS$/i.test(name)));
  return { ...env, LANG: "C.UTF-8", NO_COLOR: "1", ...extra };
}

/** Runs a command to its end; never rejects on a non-zero exit. */
function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd, env: cleanEnv(), encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return fail(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stderr}`));
      done({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

/** The workspaces that are published: those whose package.json is not `private`. */
function publishableWorkspaces(): string[] {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { workspaces: string[] };
  return root.workspaces
    .map((dir) => JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as { name: string; private?: boolean })
    .filter((manifest) => manifest.private !== true)
    .map((manifest) => manifest.name);
}

let work: string;
let packs: string;
let tarballs: string[];
let project: string;
let gavelBin: string;

/** The installed `gavel`, started by plain Node (no --import, no tsx). */
const gavel = (...args: string[]) => run(process.execPath, [gavelBin, ...args], project, 60_000);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "gavel-packaging-"));
  packs = join(work, "packs");
  project = join(work, "project");
  mkdirSync(packs);
  mkdirSync(project);
  const workspaces = publishableWorkspaces().flatMap((name) => ["--workspace", name]);
  const packed = await run("npm", ["pack", ...workspaces, "--pack-destination", packs], repoRoot, 300_000);
  expect(packed.code, packed.stderr).toBe(0);
  tarballs = readdirSync(packs).filter((file) => file.endsWith(".tgz")).map((file) => join(packs, file));
  const installed = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...tarballs], project, 300_000);
  expect(installed.code, installed.stderr).toBe(0);
  gavelBin = join(project, "node_modules/.bin/gavel");
  writeFileSync(join(project, "market.gavel"), RULES);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed packages installed in an empty folder", () => {
  it("are the three public packages: not the private editor (it ships inside the server) or the VS Code extension", () => {
    expect(publishableWorkspaces().sort()).toEqual(["@gavel-rules/cli", "@gavel-rules/lang", "@gavel-rules/server"]);
    expect(tarballs.map((t) => t.slice(packs.length + 1)).sort()).toEqual(["gavel-rules-cli-0.1.0.tgz", "gavel-rules-lang-0.1.0.tgz", "gavel-rules-server-0.1.0.tgz"]);
  });

  it("ship compiled JavaScript, no TypeScript sources and no tests; tsx and esbuild are not installed", async () => {
    for (const name of ["lang", "cli", "server"]) {
      const listed = await run("tar", ["-tzf", join(packs, `gavel-rules-${name}-0.1.0.tgz`)], work, 30_000);
      const files = listed.stdout.split("\n").filter(Boolean);
      expect(files).toContain("package/dist/index.js");
      expect(files).toContain("package/dist/index.d.ts");
      expect(files).toContain("package/LICENSE");
      expect(files.filter((file) => /\.test\.|\/src\/|\.ts$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
    }
    expect(existsSync(join(project, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(project, "node_modules/esbuild"))).toBe(false);
    expect(existsSync(join(project, "node_modules/@gavel-rules/lang/std/major-matter.gavel"))).toBe(true);
  });

  it("gavel check and gavel test resolve import \"std/major-matter.gavel\" from the language package", async () => {
    const checked = await gavel("check", "market.gavel");
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const tested = await gavel("test", "market.gavel");
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout.trim().split("\n").at(-1)).toBe("2 passed, 0 failed");
  });

  it("gavel fmt rewrites a file into canonical form", async () => {
    writeFileSync(join(project, "messy.gavel"), RULES.replaceAll("\n    expect", "\n        expect").replace("test \"market", "test   \"market"));
    expect((await gavel("fmt", "--check", "messy.gavel")).code).toBe(1);
    const formatted = await gavel("fmt", "messy.gavel");
    expect(formatted.code, formatted.stderr).toBe(0);
    expect((await gavel("fmt", "--check", "messy.gavel")).code).toBe(0);
    expect(readFileSync(join(project, "messy.gavel"), "utf8")).toBe(RULES);
  });

  it("gavel eval evaluates the std rule on an input", async () => {
    const evaluated = await gavel("eval", "market.gavel", "--rule", "major_matter", "--input", '{"entitled":32,"present":22,"yes":17,"no":3,"abstain":2}');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ rule: "major_matter", outcome: "passed" });
  });

  it("gavel lsp --stdio answers a client: diagnostics for an open file with an error", async () => {
    const child = spawn(process.execPath, [gavelBin, "lsp", "--stdio"], { cwd: project, env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      const diagnostics = new Promise<{ uri: string; diagnostics: { code?: string | number }[] }>((done) => connection.onNotification("textDocument/publishDiagnostics", done));
      connection.listen();
      const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {} })) as { capabilities: Record<string, unknown> };
      expect(init.capabilities).toMatchObject({ hoverProvider: true, renameProvider: expect.anything() });
      await connection.sendNotification("initialized", {});
      const uri = pathToFileURL(join(project, "broken.gavel")).href;
      await connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "gavel", version: 1, text: 'import "std/major-matter.gavel"\nvote v {\n  quorum: presnt > 2/3 of entitled\n  passes: yes > 1/2 of entitled\n}\n' },
      });
      const published = await diagnostics;
      expect(published.uri).toBe(uri);
      expect(published.diagnostics.map((d) => d.code)).toContain("UNDEFINED_NAME");
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 60_000);

  it("gavel serve answers / with the packaged editor, lists the std rules, and stores and assesses in its worker threads", async () => {
    const child = spawn(process.execPath, [gavelBin, "serve", "--port", "0"], {
      cwd: project,
      env: cleanEnv({ GAVEL_DATA: join(work, "data"), HOST: "127.0.0.1" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      const url = await new Promise<string>((done, fail) => {
        let text = "";
        const timer = setTimeout(() => fail(new Error(`gavel serve did not start within 90 s: ${text}`)), 90_000);
        child.stderr.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          const match = /gavel is serving on (http:\/\/\S+)/.exec(text);
          if (match) {
            clearTimeout(timer);
            done(match[1]!);
          }
        });
        child.on("exit", (code) => fail(new Error(`gavel serve exited (${code}): ${text}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(readFileSync(join(project, "node_modules/@gavel-rules/server/editor/index.html"), "utf8"));
      const rules = await fetch(`${url}/v1/rules`);
      expect(rules.status).toBe(200);
      const names = ((await rules.json()) as { rules: { name: string }[] }).rules.map((rule) => rule.name);
      expect(names).toContain("major_matter");

      // Storing compiles in a worker thread and assessing scores there: the compiled worker must run from dist.
      const token = /GAVEL_ADMIN_TOKEN=(\S+)/.exec(stdout)?.[1];
      expect(token, stdout).toMatch(/^gvl_/);
      const auth = { authorization: `Bearer ${token}` };
      const card = `scorecard 考核 {\n  input 天数: count\n\n  criterion 培训 max 10 {\n    10 when 天数 >= 15\n     0 otherwise\n  }\n}\n`;
      const stored = await fetch(`${url}/v1/rules/${encodeURIComponent("考核")}`, { method: "PUT", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ source: card }) });
      expect(stored.status, await stored.clone().text()).toBe(201);
      const assessed = await fetch(`${url}/v1/assessments?rule=${encodeURIComponent("考核")}`, { method: "POST", headers: { ...auth, "content-type": "text/csv", accept: "application/json" }, body: "id,天数\n甲,16\n乙,3\n" });
      expect(assessed.status, await assessed.clone().text()).toBe(200);
      const ranking = ((await assessed.json()) as { results: { id: string; rank: number; score: number }[] }).results.map((r) => [r.id, r.rank, r.score]);
      expect(ranking).toEqual([
        ["甲", 1, 10],
        ["乙", 2, 0],
      ]);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 120_000);
});
