import { describe, expect, it } from "vitest";
import { IdIndex } from "./id-index.ts";

describe("the id index of an upload", () => {
  it("finds every repeat, with the row of the first occurrence, across growth", () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 50_000 }, (_, i) => `干部-${i}`);
    ids.forEach((id, row) => expect(index.add(id, row)).toBe(-1));
    expect(index.add("干部-0", 50_000)).toBe(0);
    expect(index.add("干部-49999", 50_001)).toBe(49_999);
    expect(index.add("", 50_002)).toBe(-1);
    expect(index.add("", 50_003)).toBe(50_002);
  });
});
