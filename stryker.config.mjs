// @ts-check
/**
 * Mutation testing (docs/testing.md): `npm run mutate` mutates the files below and runs, for each mutant, only the
 * tests that cover it (perTest coverage). Never part of CI: a full run takes long on a small machine.
 *
 * One file:  npm run mutate -- --mutate packages/server/src/audit/hash-chain.ts
 * Lines of it: npm run mutate -- --mutate packages/lang/src/compile/fastpath.ts:60-62,packages/lang/src/compile/fastpath.ts:91-91
 * (the test files then narrow to those listed for that file in `testFilesFor`).
 */

/** Each mutated file with the test files that are meant to kill its mutants (dry runs stay short). */
const testFilesFor = {
  "packages/lang/src/eval/evaluator.ts": ["packages/lang/src/eval/evaluator.test.ts", "packages/lang/src/eval/evaluator-failures.test.ts", "packages/lang/src/eval/evaluator-explanations.test.ts", "packages/lang/src/check/requirements.test.ts", "packages/lang/src/tooling/test-blocks.test.ts"],
  "packages/lang/src/compile/fastpath.ts": ["packages/lang/src/compile/fastpath.test.ts", "packages/lang/src/eval/evaluator.test.ts"],
  // The checker and the jobs split from it (check/*.ts) share its tests.
  ...Object.fromEntries(
    ["checker", "typing", "bands", "bounds", "constant-folding", "suggest", "rule-settings", "test-blocks", "functions"].map((job) => [
      `packages/lang/src/check/${job}.ts`,
      [
        "packages/lang/src/check/checker.test.ts", "packages/lang/src/check/bands.test.ts", "packages/lang/src/check/bounds.test.ts",
        "packages/lang/src/check/typing.test.ts", "packages/lang/src/check/checker-refusals.test.ts", "packages/lang/src/check/functions.test.ts",
        "packages/lang/src/check/bands-refusals.test.ts", "packages/lang/src/check/test-blocks-refusals.test.ts", "packages/lang/src/check/constant-folding.test.ts",
        "packages/lang/src/check/rule-settings-refusals.test.ts", "packages/lang/src/diagnostics/messages.test.ts", "packages/lang/src/check/requirements.test.ts",
        // The checker's refusals of settings, sub-scores, aggregates, dates, elections and test blocks are tested where
        // those features are.
        "packages/lang/src/check/rule-settings.test.ts", "packages/lang/src/check/subscores.test.ts", "packages/lang/src/eval/aggregates.test.ts",
        "packages/lang/src/eval/calendar.test.ts", "packages/lang/src/eval/election.test.ts", "packages/lang/src/tooling/test-blocks.test.ts",
      ],
    ]),
  ),
  "packages/lang/src/tooling/formatter.ts": ["packages/lang/src/tooling/formatter.test.ts", "tests/lang/formatter.test.ts"],
  "packages/server/src/audit/hash-chain.ts": ["packages/server/src/audit/hash-chain.test.ts"],
  "packages/server/src/ballots/ballot-service.ts": ["packages/server/src/ballots/ballot-service.test.ts", "tests/server/ballot-flow.test.ts", "tests/server/ballot-integrity.test.ts"],
  "packages/server/src/access/token-store.ts": ["tests/server/token-store.test.ts"],
  "packages/server/src/assessments/results-csv.ts": ["packages/server/src/assessments/results-csv.test.ts"],
};

/** `--mutate a.ts,b.ts` on the command line narrows the run to those files and their tests. */
function mutateArgument() {
  const at = process.argv.indexOf("--mutate");
  if (at >= 0) return process.argv[at + 1]?.split(",") ?? [];
  const inline = process.argv.find((arg) => arg.startsWith("--mutate="));
  return inline ? inline.slice("--mutate=".length).split(",") : [];
}

const chosen = mutateArgument().map((file) => file.replace(/:.*$/, ""));
const files = chosen.length ? chosen : Object.keys(testFilesFor);
/** Reports and the incremental file are kept per selection, so a one-file run does not forget the others. */
const runName = chosen.length ? [...new Set(chosen.map((file) => file.replace(/^.*\//, "").replace(/\.ts$/, "")))].join("+") : "all";

// The tests go to vitest as its `include` (stryker.vitest.config.ts reads this; Stryker's runner processes inherit
// it), NOT as Stryker's `testFiles`: with `testFiles`, Stryker 9.6.1 activates static mutants (module-level values)
// after their module loaded, so they survive whatever the tests do (stryker-js issue #6144).
process.env.GAVEL_MUTATE_TESTS = JSON.stringify([...new Set(files.flatMap((file) => testFilesFor[/** @type {keyof typeof testFilesFor} */ (file)] ?? []))]);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: Object.keys(testFilesFor),
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: false },
  coverageAnalysis: "perTest",
  // Two cores shared with other work.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${runName}.incremental.json`,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${runName}.html` },
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  // Tests that start a whole service need more than the default 5 s over the dry run's time.
  timeoutMS: 30_000,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  checkers: [],
  // Stryker would rewrite tsconfig.json in the sandbox with the TypeScript JS API, which TypeScript 7 (native) no
  // longer has; vitest does not read tsconfig paths here, so point Stryker at a file that does not exist.
  tsconfigFile: "stryker-has-no-tsconfig.json",
  // Only the sources and tests matter; the default would copy every untracked data folder too.
  // `.stryker-tmp*`: a second run with its own `--tempDirName` (two files measured at once) must not copy the first's sandboxes.
  ignorePatterns: ["dist", "coverage", ".gavel-data", "reports", "packages/editor/dist", "benchmarks", ".stryker-tmp*"],
};
