import { describe, expect, it } from "vitest";
import { chainCases, checkChainCase } from "./long-chains.fixture.ts";

// Issue 9: a rule of 3,000 chained `0 + 0 + …` terms overflowed the stack, and ~4,000-term chains of
// and/*/or/+ compiled only in a warm process. tests/lang/fresh-process-chains.test.ts runs the same
// cases, 50,000 terms long, in fresh processes with a small stack.
describe("operator chains of any length", () => {
  for (const n of [3000, 10_000]) {
    for (const c of chainCases(n)) {
      it(`${c.name}: compiles, evaluates to the oracle's answer, decides the same, formats idempotently`, () => {
        expect(checkChainCase(c)).toEqual([]);
      });
    }
  }
});
