import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import rootConfig from "./vitest.config.ts";

// Stryker runs the tests in a copy of the repository (.stryker-tmp/sandbox-*), but node_modules/@gavel-rules/* are
// symlinks back to the real packages: without these aliases a test importing "@gavel-rules/lang" would load the
// unmutated sources and every mutant reached that way would survive.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config = mergeConfig(
  rootConfig,
  defineConfig({
    resolve: {
      alias: [
        { find: /^@gavel-rules\/lang$/, replacement: here("./packages/lang/src/index.ts") },
        { find: /^@gavel-rules\/lang\/std-path$/, replacement: here("./packages/lang/src/tooling/std-path.ts") },
        { find: /^@gavel-rules\/server$/, replacement: here("./packages/server/src/index.ts") },
      ],
    },
    // The closing-line reporter is for CI; Stryker reads results through its own hooks.
    test: { reporters: ["dot"] },
  }),
);

// Only the tests meant for the mutated files (stryker.config.mjs chooses them). Set after the merge: mergeConfig would
// append this list to the root config's include instead of replacing it.
const chosenTests = process.env.GAVEL_MUTATE_TESTS;
if (chosenTests) config.test = { ...config.test, include: JSON.parse(chosenTests) as string[] };

export default config;
