import { beforeAll, expect, it } from "vitest";

// A file-level hook: its error belongs to the module, not to a suite.
beforeAll(() => {
  throw new Error("global setup of this file failed");
});

it("never runs", () => expect(true).toBe(true));
