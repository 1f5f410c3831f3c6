// JavaScript, not TypeScript, so the type checker of tests/ does not read this deliberately broken file.
import { expect, it } from "vitest";

it("never runs", () => {
  expect(1).toBe(1;
});
