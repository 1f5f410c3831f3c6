import { describe, expect, it } from "vitest";
import { exactText, parseRatio, roundedDecimal, valueText } from "./exact-display";

describe("exact numbers on screen", () => {
  it("rounds fractions to two decimals half away from zero and keeps the exact fraction for the hover", () => {
    const value = { num: "12299", den: "150", decimal: "81.9933" };
    expect(valueText(value)).toBe("81.99");
    expect(exactText(value)).toBe("12299/150");
    // Hand-computed: 2/3 = 0.666… → 0.67; 1/8 = 0.125 → 0.13 (half up); -1/8 → -0.13; 1/200 = 0.005 → 0.01; 1/300 → 0.00.
    expect(roundedDecimal(2n, 3n, 2)).toBe("0.67");
    expect(roundedDecimal(1n, 8n, 2)).toBe("0.13");
    expect(roundedDecimal(-1n, 8n, 2)).toBe("-0.13");
    expect(roundedDecimal(1n, 200n, 2)).toBe("0.01");
    expect(roundedDecimal(-1n, 300n, 2)).toBe("0.00");
    expect(roundedDecimal(199999n, 2000n, 2)).toBe("100.00");
    expect(valueText({ num: "7", den: "1", decimal: "7" })).toBe("7");
    expect(exactText(7)).toBe("");
  });

  it("reads a ratio typed as a decimal or a percent, exactly as written", () => {
    expect(parseRatio("85%")).toBe(0.85);
    expect(parseRatio(" 85.5 %")).toBe(0.855);
    expect(parseRatio("100%")).toBe(1);
    expect(parseRatio("0.5%")).toBe(0.005);
    expect(parseRatio("7%")).toBe(0.07);
    expect(parseRatio(".85")).toBe(0.85);
    expect(parseRatio("0.95")).toBe(0.95);
    expect(parseRatio("%")).toBeNull();
    expect(parseRatio("lots")).toBeNull();
    expect(parseRatio("8 5%")).toBeNull();
  });
});
