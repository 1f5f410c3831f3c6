import fc from "fast-check";
import { assertProperty } from "../test-support/property.ts";
import { describe, expect, it } from "vitest";
import { Rational } from "./rational.ts";

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = big.filter((x) => x !== 0n);
const rational = fc.tuple(big, nonZero).map(([n, d]) => Rational.of(n, d));

describe("Rational", () => {
  it("normalises to lowest terms with a positive denominator", () => {
    const r = Rational.of(4n, -6n);
    expect([r.n, r.d]).toEqual([-2n, 3n]);
  });

  it("compares exactly where floats cannot", () => {
    const twoThirds = Rational.of(2n, 3n);
    expect(Rational.fromInt(20).cmp(twoThirds.mul(Rational.fromInt(30)))).toBe(0);
    expect(Rational.parseDecimal("0.6667")!.cmp(twoThirds)).toBe(1);
    expect(Rational.parseDecimal("0.1")!.add(Rational.parseDecimal("0.2")!).eq(Rational.parseDecimal("0.3")!)).toBe(true);
  });

  it.each([
    ["15", 15n, 1n],
    ["0.9", 9n, 10n],
    ["-2.50", -5n, 2n],
    ["1e3", 1000n, 1n],
    ["2.5e-1", 1n, 4n],
  ])("parses %s exactly", (text, n, d) => {
    const r = Rational.parseDecimal(text)!;
    expect([r.n, r.d]).toEqual([n, d]);
  });

  it.each(["", "abc", "1.", ".5", "NaN", "Infinity", "1e99999"])("refuses %j", (text) => {
    expect(Rational.parseDecimal(text)).toBeUndefined();
  });

  it("writes JSON as integers or exact fractions", () => {
    expect(Rational.fromInt(16).toJSON()).toBe(16);
    expect(Rational.of(2n, 3n).toJSON()).toEqual({ num: "2", den: "3", decimal: "0.6667" });
    expect(Rational.of(10n ** 20n).toJSON()).toEqual({ num: "100000000000000000000", den: "1", decimal: "100000000000000000000" });
  });

  it("agrees with cross-multiplication of bigints (property)", () => {
    assertProperty(
      fc.property(rational, rational, (a, b) => {
        const expected = a.n * b.d < b.n * a.d ? -1 : a.n * b.d > b.n * a.d ? 1 : 0;
        expect(a.cmp(b)).toBe(expected);
        expect(a.add(b).sub(b).eq(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).eq(a)).toBe(true);
      }),
    );
  });

  it("never produces NaN or Infinity text (property)", () => {
    assertProperty(
      fc.property(rational, (a) => {
        expect(a.toDecimal()).toMatch(/^-?\d+(\.\d+)?$/);
        expect(a.toString()).toMatch(/^-?\d+(\.\d+)?(\/\d+)?$/);
      }),
    );
  });
});
