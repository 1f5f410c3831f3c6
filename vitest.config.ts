import { defineConfig } from "vitest/config";

// "source": @gavel-rules/* resolve to their TypeScript sources (src/*.ts), so the tests need no build.
const conditions = ["source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: more workers only add contention for PGlite and Chromium.
    maxWorkers: 2,
    reporters: ["default", "./tests/summary-reporter.ts"],
  },
});
