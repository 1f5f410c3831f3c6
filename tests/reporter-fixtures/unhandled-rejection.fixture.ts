import { expect, it } from "vitest";

it("passes but leaves a rejection behind", async () => {
  void Promise.reject(new Error("nobody awaited me"));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(true).toBe(true);
});
