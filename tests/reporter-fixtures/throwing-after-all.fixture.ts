import { afterAll, describe, expect, it } from "vitest";

describe("leaves a mess", () => {
  afterAll(() => {
    throw new Error("cleanup failed");
  });
  it("passes", () => expect(true).toBe(true));
});
