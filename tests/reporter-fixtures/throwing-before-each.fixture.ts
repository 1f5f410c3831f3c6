import { beforeEach, describe, expect, it } from "vitest";

describe("resets state", () => {
  beforeEach(() => {
    throw new Error("reset failed");
  });
  it("first", () => expect(true).toBe(true));
  it("second", () => expect(true).toBe(true));
});
