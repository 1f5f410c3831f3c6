import { describe, expect, it } from "vitest";
import { codeFrame, displayWidth } from "./code-frame.ts";
import { createStyle } from "./style.ts";
import { memoryIo } from "./io.ts";

const plain = createStyle(memoryIo());
const span = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn, offset: 0, endOffset: 0 });

describe("codeFrame", () => {
  it("underlines the span on its source line", () => {
    const source = 'vote x "x" {\n  quorum: attendance > 1/2 of entitled\n}\n';
    expect(codeFrame(source, span(2, 11, 2, 21), plain)).toEqual(["2 |   quorum: attendance > 1/2 of entitled", "  |           ^^^^^^^^^^"]);
  });

  it("counts Chinese characters as two columns so the caret lines up", () => {
    expect(displayWidth("满意率 >= 90%")).toBe(13);
    const source = "  let 满意率 = 满意 / 总数\n";
    expect(codeFrame(source, span(1, 13, 1, 15), plain)).toEqual(["1 |   let 满意率 = 满意 / 总数", `  | ${" ".repeat(15)}^^^^`]);
  });

  it("underlines to the end of the line for a span over several lines, and gives nothing past the end", () => {
    expect(codeFrame("ab\ncd\n", span(1, 2, 2, 1), plain)[1]).toBe("  |  ^");
    expect(codeFrame("ab\n", span(9, 1, 9, 2), plain)).toEqual([]);
  });
});
