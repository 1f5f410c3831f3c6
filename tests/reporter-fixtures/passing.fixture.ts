import { describe, expect, it } from "vitest";

describe("passing", () => {
  it("adds", () => expect(1 + 1).toBe(2));
  it("concatenates", () => expect("a" + "b").toBe("ab"));
  it.skip("is skipped", () => expect(true).toBe(false));
});
