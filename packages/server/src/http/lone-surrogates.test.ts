import { describe, expect, it } from "vitest";
import { findLoneSurrogate, hasLoneSurrogate } from "./lone-surrogates.ts";

describe("lone surrogates", () => {
  it("finds an unpaired high or low surrogate and accepts pairs and Chinese text", () => {
    expect(hasLoneSurrogate("民主测评 😀")).toBe(false);
    expect(hasLoneSurrogate("\ud800")).toBe(true);
    expect(hasLoneSurrogate("a\udc00")).toBe(true);
    expect(hasLoneSurrogate("\ude00\ud83d")).toBe(true);
  });

  it("names the first string or key that holds one", () => {
    expect(findLoneSurrogate({ title: "ok", roster: [{ id: "R1", name: "x\ud800" }] }, "body")).toBe("body/roster/0/name");
    expect(findLoneSurrogate({ input: { "\udfff": 1 } }, "body")).toBe("body/input");
    expect(findLoneSurrogate({ n: 1, list: [null, true, "代表"] }, "body")).toBeUndefined();
  });
});
