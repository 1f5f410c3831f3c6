/**
 * assertProperty, the one way the repository runs fast-check: a failure names its seed and path and
 * the command that replays it, FC_SEED (with FC_PATH) replays it, and no property bypasses it.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { assertProperty } from "../packages/lang/src/test-support/property";
import { ROOT } from "./lang/rule-files";

const failsAbove = (limit: number) => fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n <= limit);

/** Runs `check` and returns the message it throws with. */
function failureOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("the property did not fail");
}

/** The integers a property draws in one run under the current environment. */
function drawn(): number[] {
  const seen: number[] = [];
  assertProperty(fc.property(fc.integer(), (n) => void seen.push(n)), { numRuns: 20 });
  return seen;
}

describe("assertProperty", () => {
  afterEach(() => {
    delete process.env.FC_SEED;
    delete process.env.FC_PATH;
  });

  it("names the seed, the path and the replay command when a property fails", () => {
    const message = failureOf(() => assertProperty(failsAbove(10)));
    const seed = /seed: (-?\d+)/.exec(message)?.[1];
    const path = /path: "([\d:]+)"/.exec(message)?.[1];
    expect(seed).toBeDefined();
    expect(path).toBeDefined();
    expect(message).toContain("Counterexample: [11]");
    expect(message).toContain(`Replay: FC_SEED=${seed} FC_PATH=${path} npx vitest run tests/property-replay.test.ts -t "names the seed, the path and the replay command when a property fails"`);
  });

  it("replays the same values from FC_SEED", () => {
    process.env.FC_SEED = "20261201";
    const first = drawn();
    const second = drawn();
    expect(first).toHaveLength(20);
    expect(second).toEqual(first);
    delete process.env.FC_SEED;
    expect(drawn()).not.toEqual(first);
  });

  it("goes straight to the shrunk counterexample with FC_SEED and FC_PATH", () => {
    const message = failureOf(() => assertProperty(failsAbove(10)));
    process.env.FC_SEED = /seed: (-?\d+)/.exec(message)![1]!;
    process.env.FC_PATH = /path: "([\d:]+)"/.exec(message)![1]!;
    const replay = failureOf(() => assertProperty(failsAbove(10)));
    expect(replay).toContain("Property failed after 1 tests");
    expect(replay).toContain("Counterexample: [11]");
  });

  it("refuses an FC_SEED that is not an integer", () => {
    process.env.FC_SEED = "abc";
    expect(failureOf(() => assertProperty(failsAbove(10)))).toBe('FC_SEED must be an integer, got "abc"');
  });

  it("annotates failures of async properties too", async () => {
    const failing = fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (n) => n <= 10);
    await expect(assertProperty(failing)).rejects.toThrow(/Counterexample: \[11\][\s\S]*Replay: FC_SEED=-?\d+ FC_PATH=[\d:]+ /);
  });

  it("is used by every property test: no fc.assert outside it", () => {
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "dist") walk(path);
        else if (entry.isFile() && /\.ts$/.test(entry.name)) sources.push(path);
      }
    };
    for (const dir of ["packages", "tests", "benchmarks"]) walk(join(ROOT, dir));
    const helper = join(ROOT, "packages/lang/src/test-support/property.ts");
    const bare = sources.filter((file) => file !== helper && file !== join(ROOT, "tests/property-replay.test.ts") && /\bfc\.assert\(/.test(readFileSync(file, "utf8")));
    expect(bare.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
