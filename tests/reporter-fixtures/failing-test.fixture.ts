import { describe, expect, it } from "vitest";

it("passes", () => expect(1).toBe(1));

describe("arithmetic", () => {
  // A failing test fails its suite too; that must still count once, not twice.
  it("fails", () => expect(1).toBe(2));
});
