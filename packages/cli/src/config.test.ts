import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argvOption, configProblem, findUp, loadConfig } from "./config.ts";

describe("the config file", () => {
  let root: string;
  beforeAll(() => {
    // outer/ holds a config; outer/repo/ is a repository (has .git) with none of its own.
    root = mkdtempSync(join(tmpdir(), "gavel-config-unit-"));
    mkdirSync(join(root, "outer/repo/.git"), { recursive: true });
    mkdirSync(join(root, "outer/repo/a/b"), { recursive: true });
    writeFileSync(join(root, "outer/gavel.config.json"), '{ "lang": "zh" }');
    writeFileSync(join(root, "outer/repo/a/.gavelrc.json"), '{ "test": { "reporter": "tap", "output": "out/r.tap" } }');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is the nearest one upward, and never one above the repository root", () => {
    expect(findUp(join(root, "outer/repo/a/b"), ["gavel.config.json", ".gavelrc.json"])).toBe(join(root, "outer/repo/a/.gavelrc.json"));
    expect(findUp(join(root, "outer/repo"), ["gavel.config.json", ".gavelrc.json"])).toBeUndefined();
    expect(findUp(join(root, "outer"), ["gavel.config.json"])).toBe(join(root, "outer/gavel.config.json"));
  });

  it("resolves test.output against the config file's folder", () => {
    const loaded = loadConfig(join(root, "outer/repo/a/b"));
    expect(loaded).toEqual({ ok: true, file: join(root, "outer/repo/a/.gavelrc.json"), config: { test: { reporter: "tap", output: join(root, "outer/repo/a/out/r.tap") } } });
  });

  it("names what is wrong in a config", () => {
    expect(configProblem({ lang: "zh", test: { reporter: "junit" }, check: { format: "json" }, $schema: "x" })).toBeUndefined();
    expect(configProblem([])).toBe("the file must hold a JSON object");
    expect(configProblem({ reporter: "tap" })).toMatch(/^unknown setting reporter/);
    expect(configProblem({ lang: "fr" })).toBe("lang must be one of en, zh");
    expect(configProblem({ test: { reporter: "xml" } })).toBe("test.reporter must be one of junit, json, tap");
    expect(configProblem({ test: { output: "" } })).toBe("test.output must be a file name");
    expect(configProblem({ check: { colour: true } })).toMatch(/^unknown setting check\.colour/);
  });

  it("reads --config from argv before commander does, in both spellings, not after --", () => {
    expect(argvOption(["test", "--config", "a.json"], "config")).toBe("a.json");
    expect(argvOption(["--config=b.json", "test"], "config")).toBe("b.json");
    expect(argvOption(["test", "--", "--config", "c.json"], "config")).toBeUndefined();
  });
});
