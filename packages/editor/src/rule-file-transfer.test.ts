import { describe, expect, it } from "vitest";
import { MAX_RULE_BYTES, readRuleUpload } from "./rule-file-transfer";

/** A File-like object with these bytes (Node has no DOM File in every version). */
const file = (name: string, bytes: Uint8Array | string, size?: number) => {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: size ?? data.byteLength, arrayBuffer: async () => data.slice().buffer };
};

describe("reading an uploaded rule file", () => {
  it("accepts NAME.gavel in UTF-8, Chinese names and text included, and drops a BOM", async () => {
    expect(await readRuleUpload(file("要事票决.gavel", "vote 票决 {}\n"))).toEqual({ ok: true, name: "要事票决", text: "vote 票决 {}\n" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("x")]);
    expect(await readRuleUpload(file("a.gavel", bom))).toEqual({ ok: true, name: "a", text: "x" });
  });

  it("refuses another extension, a bad name, a file over 1 MiB and text that is not UTF-8", async () => {
    expect(await readRuleUpload(file("notes.txt", "x"))).toMatchObject({ ok: false, reason: "notGavel" });
    expect(await readRuleUpload(file("1st rule.gavel", "x"))).toMatchObject({ ok: false, reason: "badName" });
    expect(await readRuleUpload(file("big.gavel", "x", MAX_RULE_BYTES + 1))).toMatchObject({ ok: false, reason: "tooLarge" });
    // "规则" in GBK: B9 E6 D4 F2, which is not UTF-8.
    expect(await readRuleUpload(file("gbk.gavel", new Uint8Array([0xb9, 0xe6, 0xd4, 0xf2])))).toMatchObject({ ok: false, reason: "notUtf8", fileName: "gbk.gavel" });
  });
});
