/**
 * Runs one reporter fixture at a time (named on the command line) with only the summary reporter, so
 * tests/summary-reporter.test.ts can read the closing line. The main config never includes *.fixture.*.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["*.fixture.ts", "*.fixture.js"],
    reporters: [fileURLToPath(new URL("../summary-reporter.ts", import.meta.url))],
    // One fork, no file parallelism: the fixtures are tiny and the machine is shared.
    maxWorkers: 1,
    fileParallelism: false,
    watch: false,
  },
});
