import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chainCases, deepestNestingCase } from "../../packages/lang/src/compile/long-chains.fixture";

const FIXTURE = fileURLToPath(new URL("../../packages/lang/src/compile/long-chains.fixture.ts", import.meta.url));

/** Runs the cases `casesExpr` builds (the fixture module is `m`) first thing in a new Node process with a stack of stackKb. */
function inFreshProcess(casesExpr: string, stackKb: number): [string, string[]][] {
  const script = `import(${JSON.stringify(FIXTURE)}).then((m) => process.stdout.write(JSON.stringify(${casesExpr}.map((c) => [c.name, m.checkChainCase(c)]))))`;
  const stdout = execFileSync(process.execPath, [`--stack-size=${stackKb}`, "--import", "tsx", "-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(stdout) as [string, string[]][];
}

// Issue 9: chains of ~4,000 terms compiled while the process was warm (optimised frames are smaller)
// and failed after a restart. A rule that compiles must compile again in a fresh process, so each size
// runs cold, on a stack a fifth of Node's default (984 KB): any depth that grows with the chain shows.
describe("operator chains in a fresh process with a small stack", () => {
  for (const n of [50_000, 3000]) {
    // A generous bound: the child compiles, evaluates and formats nine rules of n terms on a shared machine.
    it(`${n}-term chains compile, evaluate, decide and format`, { timeout: 300_000 }, () => {
      const results = inFreshProcess(`m.chainCases(${n})`, 200);
      expect(results.map(([name]) => name)).toEqual(chainCases(n).map((c) => c.name));
      for (const [name, problems] of results) expect({ name, problems }).toEqual({ name, problems: [] });
    });
  }

  // Nesting is bounded (MAX_NESTING), so the depth it needs is too: the deepest accepted rule needs well
  // under half of Node's default stack, even cold.
  it("the deepest nesting the parser accepts, on a 400 KB stack", { timeout: 120_000 }, () => {
    const results = inFreshProcess("[m.deepestNestingCase(1000)]", 400);
    expect(results).toEqual([[deepestNestingCase(1000).name, []]]);
  });
});
