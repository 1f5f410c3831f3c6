/**
 * The tools a rules team wires gavel into: the git pre-commit hook (examples/ci/pre-commit) run by a real `git commit`
 * in a temporary repository, and the reusable CI templates (examples/ci/action.yml, examples/ci/gitlab-ci.yml, the
 * pre-commit framework's .pre-commit-hooks.yaml), whose commands run here with `npx` standing in for the registry.
 */
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gavelBin, repoRoot } from "./run-gavel";

/** A rule file in canonical form whose test passes. */
const FORMATTED = `vote 村民会议 "村民会议表决" {
  quorum: present > 1/2 of entitled
  passes: yes > 1/2 of present
}

test "过半数通过" {
  村民会议(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)
    expect outcome = passed
}
`;
/** The same rules with the clause misaligned: not canonical. */
const UNFORMATTED = FORMATTED.replace("  quorum: present", "  quorum:    present");
/** Canonical, but its test fails (4 of 6 is not more than 4/6). */
const FAILING = FORMATTED.replace("passes: yes > 1/2 of present", "passes: yes > 2/3 of present");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "gavel-ci-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base = { PATH: process.env.PATH ?? "", HOME: work, LANG: "C.UTF-8", NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1" };
  return new Promise((done, fail) => {
    execFile(command, args, { cwd, env: { ...base, ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return fail(error);
      done({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

describe("examples/ci/pre-commit, as the pre-commit hook of a git repository", () => {
  let repo: string;
  let n = 0;
  // The hook's gavel: this repository's CLI (the hook would otherwise use node_modules/.bin/gavel or npx).
  const env = () => ({ GAVEL: `${process.execPath} ${gavelBin}` });
  const git = (...args: string[]) => run("git", args, repo, env());

  beforeAll(async () => {
    repo = join(work, "rules repo");
    mkdirSync(join(repo, "规则 目录"), { recursive: true });
    execFileSync("git", ["init", "-q", repo]);
    for (const [key, value] of [["user.email", "t@example.org"], ["user.name", "t"], ["commit.gpgsign", "false"]] as const) {
      execFileSync("git", ["-C", repo, "config", key, value]);
    }
    copyFileSync(join(repoRoot, "examples/ci/pre-commit"), join(repo, ".git/hooks/pre-commit"));
    chmodSync(join(repo, ".git/hooks/pre-commit"), 0o755);
  });

  /** Writes `text` to a new file of the repository (in a folder and with a name gavel users write), stages it, commits. */
  async function commitFile(text: string, stagedThenWorking?: string): Promise<Run & { file: string }> {
    const file = `规则 目录/村规 ${++n}.gavel`;
    writeFileSync(join(repo, file), text);
    await git("add", "--", file);
    if (stagedThenWorking !== undefined) writeFileSync(join(repo, file), stagedThenWorking);
    return { ...(await git("commit", "-m", `add ${file}`)), file };
  }

  const head = async () => (await git("rev-list", "--count", "HEAD")).stdout.trim();

  it("lets a formatted file with passing tests through", async () => {
    const committed = await commitFile(FORMATTED);
    expect(committed.code, committed.stderr).toBe(0);
    expect(await head()).toBe("1");
  });

  it("blocks an unformatted file, naming it and saying how to fix it", async () => {
    const blocked = await commitFile(UNFORMATTED);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain(blocked.file);
    expect(blocked.stderr).toContain("gavel pre-commit: staged files are not formatted. Run: gavel fmt <file>, then git add it.");
    expect(await head()).toBe("1");
    await git("rm", "-q", "--cached", "--", blocked.file);
  });

  it("blocks a file whose test fails, with the failing expectation", async () => {
    const blocked = await commitFile(FAILING);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("过半数通过");
    expect(blocked.stderr).toContain("gavel pre-commit: a test block of the staged files fails");
    expect(blocked.stderr).not.toContain("not formatted");
    expect(await head()).toBe("1");
    await git("rm", "-q", "--cached", "--", blocked.file);
  });

  it("checks the staged version: an unformatted edit not yet staged does not block, a staged one does", async () => {
    const ok = await commitFile(FORMATTED, UNFORMATTED);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await head()).toBe("2");
    await git("add", "--", ok.file);
    const blocked = await git("commit", "-m", "stage the unformatted edit");
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain("not formatted");
    expect(await head()).toBe("2");
  });

  it("does not run gavel when no .gavel file is staged", async () => {
    await git("reset", "-q", "--hard");
    writeFileSync(join(repo, "README.md"), "rules\n");
    await git("add", "README.md");
    const committed = await run("git", ["commit", "-m", "readme"], repo, { GAVEL: "false" });
    expect(committed.code, committed.stderr).toBe(0);
    expect(await head()).toBe("3");
  });
});

/** A stand-in for `npx` that accepts only `npx --yes -p @gavel-rules/cli[@version] gavel ARGS` and runs this repository's gavel. */
function fakeNpx(): string {
  const bin = join(work, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "npx"), `#!/bin/sh
echo "npx $*" >> '${join(work, "npx.log")}'
[ "$1" = "--yes" ] && [ "$2" = "-p" ] && [ "$4" = "gavel" ] || { echo "unexpected npx call: $*" >&2; exit 99; }
case "$3" in @gavel-rules/cli|@gavel-rules/cli@*) ;; *) echo "not the gavel CLI package: $3" >&2; exit 99;; esac
shift 4
exec '${process.execPath}' '${gavelBin}' "$@"
`);
  chmodSync(join(bin, "npx"), 0o755);
  return bin;
}

/** A folder of rules as a rules repository has them. */
function rulesFolder(name: string, text: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "rules"), { recursive: true });
  writeFileSync(join(dir, "rules/村规.gavel"), text);
  return dir;
}

interface ActionStep {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

describe("examples/ci/action.yml, the reusable GitHub Action", () => {
  const action = parse(readFileSync(join(repoRoot, "examples/ci/action.yml"), "utf8")) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: ActionStep[] };
  };

  /** Runs the action's steps with its default inputs and `overrides`, as a runner does (bash, -e); stops at the first failure. */
  async function runAction(cwd: string, overrides: Record<string, string> = {}): Promise<{ step: string; result: Run }[]> {
    const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default)])), ...overrides };
    const expand = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? "");
    const condition = (text: string) => {
      const m = /^inputs\.([\w-]+) (==|!=) '([^']*)'$/.exec(text.trim());
      if (!m) throw new Error(`unsupported if: ${text}`);
      return (inputs[m[1]!] === m[3]) === (m[2] === "==");
    };
    const results: { step: string; result: Run }[] = [];
    for (const step of action.runs.steps) {
      if (step.if !== undefined && !condition(step.if)) continue;
      if (step.uses !== undefined) continue; // actions/setup-node: this machine's Node stands in
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
      const result = await run("bash", ["-e", "-c", step.run!], cwd, { ...env, PATH: `${fakeNpx()}:${process.env.PATH ?? ""}` });
      results.push({ step: step.name ?? "", result });
      if (result.code !== 0) break;
    }
    return results;
  }

  it("is a composite action whose every command runs gavel from @gavel-rules/cli through npx", () => {
    expect(action.runs.using).toBe("composite");
    const scripts = action.runs.steps.filter((s) => s.run !== undefined).map((s) => s.run!);
    expect(scripts.length).toBe(3);
    for (const script of scripts) {
      for (const line of script.split("\n").filter((l) => l.includes("gavel "))) expect(line).toMatch(/npx --yes -p "@gavel-rules\/cli@\$GAVEL_VERSION" gavel /);
      // Inputs come in through env, not spliced into the script.
      expect(script).not.toContain("${{");
    }
  });

  it("passes on formatted rules whose tests pass, and writes the JUnit report", async () => {
    const dir = rulesFolder("action-ok", FORMATTED);
    const results = await runAction(dir);
    expect(results.map((r) => [r.step, r.result.code])).toEqual([["gavel check", 0], ["gavel fmt --check", 0], ["gavel test", 0]]);
    expect(readFileSync(join(dir, "junit.xml"), "utf8")).toContain('name="过半数通过"');
  });

  it("fails at the format check on unformatted rules, and skips it when check-format is false", async () => {
    const dir = rulesFolder("action-unformatted", UNFORMATTED);
    expect((await runAction(dir)).map((r) => [r.step, r.result.code === 0])).toEqual([["gavel check", true], ["gavel fmt --check", false]]);
    expect((await runAction(dir, { "check-format": "false", junit: "" })).map((r) => [r.step, r.result.code === 0])).toEqual([["gavel check", true], ["gavel test", true]]);
    expect(existsSync(join(dir, "junit.xml"))).toBe(false);
  });

  it("fails at the tests when a test block fails", async () => {
    const dir = rulesFolder("action-failing", FAILING);
    expect((await runAction(dir, { version: "0.1.0" })).map((r) => [r.step, r.result.code])).toEqual([["gavel check", 0], ["gavel fmt --check", 0], ["gavel test", 1]]);
    expect(readFileSync(join(work, "npx.log"), "utf8")).toContain("npx --yes -p @gavel-rules/cli@0.1.0 gavel test rules/");
  });
});

describe("examples/ci/gitlab-ci.yml, the GitLab CI template", () => {
  const template = parse(readFileSync(join(repoRoot, "examples/ci/gitlab-ci.yml"), "utf8")) as {
    variables: Record<string, string>;
    gavel: { script: string[]; artifacts: { reports: { junit: string } } };
  };

  /** Runs the job's script lines as a runner does: in order, each must succeed. */
  async function runJob(cwd: string): Promise<number[]> {
    const codes: number[] = [];
    for (const line of template.gavel.script) {
      const result = await run("sh", ["-c", line], cwd, { ...template.variables, PATH: `${fakeNpx()}:${process.env.PATH ?? ""}` });
      codes.push(result.code);
      if (result.code !== 0) break;
    }
    return codes;
  }

  it("checks, format-checks and tests the rules, and reports the JUnit file", async () => {
    const dir = rulesFolder("gitlab-ok", FORMATTED);
    expect(await runJob(dir)).toEqual([0, 0, 0]);
    expect(readFileSync(join(dir, template.gavel.artifacts.reports.junit), "utf8")).toContain('name="过半数通过"');
  });

  it("stops at the first failing command", async () => {
    expect(await runJob(rulesFolder("gitlab-unformatted", UNFORMATTED))).toEqual([0, 1]);
    expect(await runJob(rulesFolder("gitlab-failing", FAILING))).toEqual([0, 0, 1]);
  });
});

describe(".pre-commit-hooks.yaml, for the pre-commit framework", () => {
  const hooks = parse(readFileSync(join(repoRoot, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; files: string }[];

  it("offers gavel-fmt and gavel-test on .gavel files, each a working gavel command line", async () => {
    expect(hooks.map((h) => h.id)).toEqual(["gavel-fmt", "gavel-test"]);
    const dir = rulesFolder("framework", UNFORMATTED);
    for (const hook of hooks) {
      expect(new RegExp(hook.files).test("rules/村规.gavel")).toBe(true);
      expect(new RegExp(hook.files).test("rules/README.md")).toBe(false);
    }
    // The framework appends the staged file names to the entry.
    const [fmt, test] = hooks.map((h) => `${h.entry} 'rules/村规.gavel'`);
    const env = { PATH: `${fakeNpx()}:${process.env.PATH ?? ""}` };
    expect((await run("sh", ["-c", fmt!], dir, env)).code).toBe(1);
    expect((await run("sh", ["-c", test!], dir, env)).code).toBe(0);
  });
});
