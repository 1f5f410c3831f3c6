import { describe, expect, it } from "vitest";
import { displayWidth } from "./formatter.ts";

describe("display width (columns in a monospace font)", () => {
  // Each wide block's first and last code point, and its neighbours outside it (Unicode East Asian Width: W and F,
  // as the formatter groups them). Adjacent blocks (…33FF|3400…, …9FFF|A000…) keep both neighbours wide.
  const WIDTHS: [number, number][] = [
    [0x10ff, 1], [0x1100, 2], [0x115f, 2], [0x1160, 1], [0x2e7f, 1], [0x2e80, 2], [0x303e, 2], [0x303f, 1], [0x3040, 1],
    [0x3041, 2], [0x33ff, 2], [0x3400, 2], [0x4dbf, 2], [0x4dc0, 1], [0x4dff, 1], [0x4e00, 2], [0x9fff, 2], [0xa000, 2],
    [0xa4cf, 2], [0xa4d0, 1], [0xabff, 1], [0xac00, 2], [0xd7a3, 2], [0xd7a4, 1], [0xf8ff, 1], [0xf900, 2], [0xfaff, 2],
    [0xfb00, 1], [0xfe2f, 1], [0xfe30, 2], [0xfe4f, 2], [0xfe50, 1], [0xfeff, 1], [0xff00, 2], [0xff60, 2], [0xff61, 1],
    [0xffdf, 1], [0xffe0, 2], [0xffe6, 2], [0xffe7, 1], [0x1ffff, 1], [0x20000, 2], [0x3fffd, 2], [0x3fffe, 1],
  ];

  it.each(WIDTHS.map(([code, width]) => [code.toString(16).toUpperCase(), width, code] as const))("U+%s takes %i column(s)", (_hex, width, code) => {
    expect(displayWidth(String.fromCodePoint(code))).toBe(width);
  });

  it("adds up a mixed line, counting a character outside the BMP once", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("score 考核 A")).toBe(6 + 4 + 2);
    expect(displayWidth("𠀀a")).toBe(3);
    expect(displayWidth("ｶ")).toBe(1);
  });
});
