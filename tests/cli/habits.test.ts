/**
 * The habits of OPA, ESLint and Prettier, on the real `gavel` command: `-` for standard input,
 * `check --format json`, `fmt --diff`, glob patterns and .gavelignore, the config file and its
 * precedence, shell completion, `test --watch`, and ESLint's exit codes.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failing, failingCanonical, passing, unformatted, unformattedCanonical } from "./rule-fixtures";
import { gavel, gavelBin } from "./run-gavel";

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A vote with one misspelt name at line 2, columns 11–17 (counted by hand). */
const typo = 'vote typo "t" {\n  quorum: presnt > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n';
const simpleVote = 'vote simple "s" {\n  quorum: present > 1/2 of entitled\n  passes: yes > 1/2 of present\n}\n';
const onePassingTest = `${simpleVote}\ntest "6 of 10 present, 4 yes" {\n  simple(entitled: 10, present: 6, yes: 4, no: 2, abstain: 0)\n  expect outcome = passed\n}\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gavel-habits-"));
  // A repository root, so config and ignore files are not looked for above the temp folder.
  mkdirSync(join(root, ".git"));
  write("rules/passing.gavel", passing);
  write("rules/typo.gavel", typo);
  write("rules/nested/deep/failing.gavel", failing);
  write("rules/drafts/draft.gavel", typo);
  write("rules/notes.txt", "not a rule file");
  write("fmt/unformatted.gavel", unformatted);
  write("fmt/canonical.gavel", failingCanonical);
  write("empty/readme.txt", "");
  write("vote.gavel", simpleVote);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

describe("- reads standard input", () => {
  it("check - reports the diagnostics of the text piped in, as <stdin>", async () => {
    const run = await gavel(["check", "-"], root, {}, typo);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:2:11: error UNDEFINED_NAME [^\n]*'present'/);
    expect((await gavel(["check", "-"], root, {}, simpleVote)).code).toBe(0);
  });

  it("check - resolves imports, std and relative to the working folder", async () => {
    const run = await gavel(["check", "-"], root, {}, 'import "std/major-matter.gavel"\nimport "./vote.gavel"\n');
    expect(run).toMatchObject({ code: 0, stdout: "" });
  });

  it("fmt - writes the canonical text to stdout, whether or not it changed", async () => {
    const changed = await gavel(["fmt", "-"], root, {}, unformatted);
    expect(changed).toMatchObject({ code: 0, stdout: unformattedCanonical });
    expect(await gavel(["fmt", "-"], root, {}, unformattedCanonical)).toMatchObject({ code: 0, stdout: unformattedCanonical });
    // --check on stdin: exit 1 when the text is not canonical, and stdout names <stdin>.
    expect(await gavel(["fmt", "--check", "-"], root, {}, unformatted)).toMatchObject({ code: 1, stdout: "<stdin>\n" });
    const broken = await gavel(["fmt", "-"], root, {}, "vote {");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe("");
  });

  it("eval --input - reads the input JSON from stdin", async () => {
    const input = { entitled: 10, present: 6, yes: 4, no: 2, abstain: 0 };
    const run = await gavel(["eval", "vote.gavel", "--input", "-"], root, {}, JSON.stringify(input));
    expect(run.code).toBe(0);
    // 6 > 5 present and 4 > 3 yes: passed, by the rule's own thresholds.
    expect(JSON.parse(run.stdout)).toMatchObject({ rule: "simple", outcome: "passed", facts: input });
    const notJson = await gavel(["eval", "vote.gavel", "--input", "-"], root, {}, "{ entitled: 10");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("not valid JSON");
  });

  it("- may be named once", async () => {
    const run = await gavel(["check", "-", "-"], root, {}, simpleVote);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("only once");
  });
});

describe("check --format json", () => {
  it("prints one JSON document: every file with its diagnostics and counts, nothing else on stdout", async () => {
    const run = await gavel(["check", "--format", "json", "rules/typo.gavel", "vote.gavel"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      files: [
        {
          file: "rules/typo.gavel",
          errors: 1,
          warnings: 0,
          diagnostics: [{ severity: "error", code: "UNDEFINED_NAME", message: expect.stringContaining("presnt"), line: 2, column: 11, endLine: 2, endColumn: 17 }],
        },
        { file: "vote.gavel", errors: 0, warnings: 0, diagnostics: [] },
      ],
      errors: 1,
      warnings: 0,
    });
    const clean = await gavel(["check", "--format", "json", "vote.gavel"], root);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe("fmt --diff", () => {
  it("prints a unified diff that patch applies to give the canonical text, writes nothing, and exits 1", async () => {
    const run = await gavel(["fmt", "--diff", "fmt"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/fmt\/unformatted\.gavel\n\+\+\+ b\/fmt\/unformatted\.gavel\n@@ -1,/);
    expect(run.stdout).not.toContain("canonical.gavel");
    expect(readFileSync(join(root, "fmt/unformatted.gavel"), "utf8")).toBe(unformatted);
    const copy = mkdtempSync(join(tmpdir(), "gavel-patch-"));
    try {
      cpSync(join(root, "fmt"), join(copy, "fmt"), { recursive: true });
      writeFileSync(join(copy, "fmt.diff"), run.stdout);
      execFileSync("patch", ["-s", "-p1", "-i", "fmt.diff"], { cwd: copy });
      expect(readFileSync(join(copy, "fmt/unformatted.gavel"), "utf8")).toBe(unformattedCanonical);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("prints nothing and exits 0 when every file is canonical", async () => {
    expect(await gavel(["fmt", "--diff", "fmt/canonical.gavel"], root)).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("glob patterns and .gavelignore", () => {
  const listed = (stdout: string) => (JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file);

  it("expands quoted patterns itself: * within a folder, ** across folders, {a,b}, and any extension a pattern names", async () => {
    expect(listed((await gavel(["check", "--format", "json", "rules/*.gavel"], root)).stdout)).toEqual(["rules/passing.gavel", "rules/typo.gavel"]);
    expect(listed((await gavel(["check", "--format", "json", "rules/**/*.gavel"], root)).stdout)).toEqual([
      "rules/drafts/draft.gavel",
      "rules/nested/deep/failing.gavel",
      "rules/passing.gavel",
      "rules/typo.gavel",
    ]);
    expect(listed((await gavel(["check", "--format", "json", "rules/{passing,typo}.gavel"], root)).stdout)).toEqual(["rules/passing.gavel", "rules/typo.gavel"]);
  });

  it("exits 2 when a pattern matches nothing, naming it", async () => {
    const run = await gavel(["check", "rules/*.gvl"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No files match the pattern rules/*.gvl");
  });

  it("skips what .gavelignore names in folder walks and patterns, with ! re-including, but keeps files named explicitly", async () => {
    const project = mkdtempSync(join(tmpdir(), "gavel-ignore-"));
    try {
      mkdirSync(join(project, ".git"));
      cpSync(join(root, "rules"), join(project, "rules"), { recursive: true });
      writeFileSync(join(project, ".gavelignore"), "# drafts are work in progress\ndrafts/\n*.gavel\n!passing.gavel\n!/rules/nested/**\n");
      mkdirSync(join(project, "sub"));
      const walk = await gavel(["check", "--format", "json", "rules"], project);
      expect(listed(walk.stdout)).toEqual(["rules/nested/deep/failing.gavel", "rules/passing.gavel"]);
      // The nearest .gavelignore upward applies from a subfolder too (paths outside the working folder are shown absolute).
      const fromSub = listed((await gavel(["check", "--format", "json", "../rules/**"], join(project, "sub"))).stdout);
      expect(fromSub).toEqual(["rules/nested/deep/failing.gavel", "rules/notes.txt", "rules/passing.gavel"].map((path) => join(project, path)));
      expect(listed((await gavel(["check", "--format", "json", "rules/drafts/draft.gavel"], project)).stdout)).toEqual(["rules/drafts/draft.gavel"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe("exit codes, as ESLint has them", () => {
  it("0 clean, 1 findings, 2 usage errors, missing paths, no files found and bad config", async () => {
    expect((await gavel(["check", "vote.gavel"], root)).code).toBe(0);
    expect((await gavel(["check", "rules/typo.gavel"], root)).code).toBe(1);
    expect((await gavel(["test", "rules/nested"], root)).code).toBe(1);
    expect((await gavel(["check", "--format", "xml", "vote.gavel"], root)).code).toBe(2);
    expect((await gavel(["check", "missing.gavel"], root)).code).toBe(2);
    const none = await gavel(["test", "empty"], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No .gavel files found in empty");
    expect((await gavel(["check", "vote.gavel", "--config", "missing.json"], root)).code).toBe(2);
    // Something gavel did not expect (here: a report under a path that is a file): 2, not 1, so CI does not blame the rules.
    const internal = await gavel(["test", "rules/nested", "--output", "vote.gavel/report.xml"], root);
    expect(internal.code).toBe(2);
    expect(internal.stderr).toContain("Internal error in gavel");
  });

  it("lists the exit codes in the help", async () => {
    expect((await gavel(["--help"], root)).stdout).toContain("2 usage error, path not found, no files found, bad config, internal error");
  });
});

describe("the config file", () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "gavel-config-"));
    mkdirSync(join(project, ".git"));
    mkdirSync(join(project, "rules/sub"), { recursive: true });
    writeFileSync(join(project, "rules/sub/vote.gavel"), onePassingTest);
    writeFileSync(join(project, "gavel.config.json"), JSON.stringify({ lang: "zh", test: { reporter: "tap" }, check: { format: "json" } }));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const sub = () => join(project, "rules/sub");

  it("is found upward from the working folder and sets the defaults", async () => {
    const run = await gavel(["test", "vote.gavel"], sub());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^TAP version 13\n1\.\.1\nok 1 /);
    const help = await gavel(["test", "--help"], sub());
    expect(help.stdout).toContain("运行所有 test 块");
    expect(JSON.parse((await gavel(["check", "vote.gavel"], sub())).stdout)).toMatchObject({ errors: 0 });
  });

  it("ranks below GAVEL_* variables, which rank below flags; the locale ranks below the config", async () => {
    expect((await gavel(["test", "vote.gavel"], sub(), { GAVEL_REPORTER: "junit" })).stdout).toMatch(/^<\?xml/);
    expect((await gavel(["test", "vote.gavel", "--reporter", "json"], sub(), { GAVEL_REPORTER: "junit" })).stdout).toMatch(/^\{/);
    expect((await gavel(["check", "--format", "text", "vote.gavel"], sub())).stdout).toBe("");
    // LANG says English, the config says Chinese: the config wins; GAVEL_LANG and --lang win over it.
    expect((await gavel(["test", "--help"], sub(), { LANG: "en_US.UTF-8" })).stdout).toContain("运行所有 test 块");
    expect((await gavel(["test", "--help"], sub(), { GAVEL_LANG: "en" })).stdout).toContain("Run every test block");
    expect((await gavel(["test", "--help", "--lang", "en"], sub(), { GAVEL_LANG: "zh" })).stdout).toContain("Run every test block");
    const badEnv = await gavel(["test", "vote.gavel"], sub(), { GAVEL_REPORTER: "xml" });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain("GAVEL_REPORTER=xml");
  });

  it("writes test.output relative to the config file, and --config names another file", async () => {
    writeFileSync(join(project, "ci.json"), JSON.stringify({ test: { output: "reports/junit.xml" } }));
    const run = await gavel(["test", "vote.gavel", "--config", "../../ci.json"], sub());
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe("1 passed, 0 failed");
    expect(readFileSync(join(project, "reports/junit.xml"), "utf8")).toMatch(/^<\?xml[^\n]*\n<testsuites name="gavel" tests="1" failures="0"/);
  });

  it("exits 2 on a config that is not JSON or has an unknown setting, naming the file", async () => {
    writeFileSync(join(project, "bad.json"), '{ "reporter": "tap" }');
    const unknown = await gavel(["check", "vote.gavel", "--config", "../../bad.json"], sub());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("bad.json: unknown setting reporter");
    writeFileSync(join(project, "bad.json"), "{ lang: zh");
    expect((await gavel(["check", "vote.gavel", "--config", "../../bad.json"], sub())).code).toBe(2);
  });
});

describe("shell completion", () => {
  /** What bash's completion function offers for the words typed so far (the last word is the one being completed). */
  const complete = (script: string, words: string[]): string[] => {
    const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _gavel; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync("bash", ["--norc", "-c", program], { encoding: "utf8" }).split("\n").filter(Boolean);
  };

  it("bash: commands, nested commands, a command's options and their choices", async () => {
    const run = await gavel(["completion", "bash"], root);
    expect(run.code).toBe(0);
    expect(complete(run.stdout, ["gavel", "ch"])).toEqual(["check"]);
    expect(complete(run.stdout, ["gavel", "co"])).toEqual(["completion"]);
    expect(complete(run.stdout, ["gavel", "test", "--re"])).toEqual(["--reporter"]);
    expect(complete(run.stdout, ["gavel", "test", "--reporter", ""])).toEqual(["junit", "json", "tap"]);
    expect(complete(run.stdout, ["gavel", "fmt", "--d"])).toEqual(["--diff"]);
    expect(complete(run.stdout, ["gavel", "--lang", "zh", "token", "c"])).toEqual(["create"]);
    expect(complete(run.stdout, ["gavel", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
  });

  it("zsh and fish: a script naming every command and option", async () => {
    const zsh = await gavel(["completion", "zsh"], root);
    expect(zsh.stdout).toMatch(/^#compdef gavel\n/);
    expect(zsh.stdout).toContain("compdef _gavel gavel");
    expect(zsh.stdout).toContain("'--reporter[");
    expect(zsh.stdout).toContain("(junit json tap)");
    const fish = await gavel(["completion", "fish"], root);
    for (const command of ["check", "test", "fmt", "eval", "serve", "lsp", "completion", "token", "audit"]) {
      expect(fish.stdout).toContain(`-a ${command} -d`);
    }
    expect(fish.stdout).toContain("complete -c gavel -n '__fish_seen_subcommand_from test' -l watch");
    expect((await gavel(["completion", "powershell"], root)).code).toBe(2);
  });
});

describe("test --watch", () => {
  it("runs, then runs again when a rule file changes, until stopped", async () => {
    const project = mkdtempSync(join(tmpdir(), "gavel-watch-"));
    writeFileSync(join(project, "vote.gavel"), onePassingTest);
    const child = spawn(process.execPath, [gavelBin, "test", "--watch", "."], { cwd: project, env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" } });
    // Both streams in the order they come: each run's summary (stdout), then "Watching" (stderr) once it is listening.
    let output = "";
    const waiters: { text: string; count: number; done: () => void }[] = [];
    const seen = (text: string) => output.split(text).length - 1;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const waiter of waiters.splice(0)) {
        if (seen(waiter.text) >= waiter.count) waiter.done();
        else waiters.push(waiter);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    /** Resolves once `text` has appeared `count` times in all. */
    const waitFor = (text: string, count: number) => new Promise<void>((done) => (seen(text) >= count ? done() : waiters.push({ text, count, done })));
    try {
      await waitFor("Watching for changes", 1);
      expect(seen("1 passed, 0 failed")).toBe(1);
      writeFileSync(join(project, "failing.gavel"), failing);
      await waitFor("2 passed, 1 failed", 1);
      await waitFor("Watching for changes", 2);
      rmSync(join(project, "failing.gavel"));
      writeFileSync(join(project, "vote.gavel"), onePassingTest.replace("expect outcome = passed", "expect outcome = rejected"));
      await waitFor("0 passed, 1 failed", 1);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
      rmSync(project, { recursive: true, force: true });
    }
  });
});
