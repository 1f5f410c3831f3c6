/** Exact rational numbers on bigint: every number in gavel is one of these, never a float. */

import type { ExactJson } from "../types.ts";

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** `n` as a number when it is a safe integer, else null. */
export function safeIntegerOf(n: bigint): number | null {
  return n <= MAX_SAFE && n >= MIN_SAFE ? Number(n) : null;
}
/** 10^0 … 10^8, built once: the decimal text of every value in a result asks for 10^4 or 10^6. */
const POWERS_OF_TEN = Array.from({ length: 9 }, (_, k) => 10n ** BigInt(k));

function powerOfTen(places: number): bigint {
  return POWERS_OF_TEN[places] ?? 10n ** BigInt(places);
}

/** An exact rational n/d in lowest terms with d > 0. */
export class Rational {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** Builds n/d in lowest terms; d must not be zero. */
  static of(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new RangeError("denominator is zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  static fromInt(n: number | bigint): Rational {
    return new Rational(BigInt(n), 1n);
  }

  /**
   * Parses a decimal literal such as "15", "0.9", "-2.50" or "1e3" exactly.
   * Returns undefined for text that is not a finite decimal.
   */
  static parseDecimal(text: string): Rational | undefined {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) return undefined;
    const sign = m[1] === "-" ? -1n : 1n;
    const intPart = m[2] ?? "0";
    const frac = m[3] ?? "";
    const exp = Number(m[4] ?? "0");
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return undefined;
    let n = BigInt(intPart + frac) * sign;
    let d = powerOfTen(frac.length);
    if (exp > 0) n *= powerOfTen(exp);
    if (exp < 0) d *= powerOfTen(-exp);
    return Rational.of(n, d);
  }

  /** Converts a JS number exactly (every finite double is a rational); undefined for NaN/Infinity. */
  static fromNumber(x: number): Rational | undefined {
    if (!Number.isFinite(x)) return undefined;
    if (Number.isInteger(x)) return Rational.fromInt(BigInt(x));
    // Decimal text of a double round-trips and is what the person typed, e.g. 0.9 rather than 0.9000000000000000222.
    return Rational.parseDecimal(String(x));
  }

  add(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n + o.n, 1n);
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n - o.n, 1n);
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n * o.n, 1n);
    return Rational.of(this.n * o.n, this.d * o.d);
  }

  /** Division; the caller checks for a zero divisor first so it can name the expression. */
  div(o: Rational): Rational {
    return Rational.of(this.n * o.d, this.d * o.n);
  }

  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  isNegative(): boolean {
    return this.n < 0n;
  }

  /** Decimal text rounded half away from zero to `places` digits, trailing zeros removed. */
  toDecimal(places = 4): string {
    const neg = this.n < 0n;
    const n = neg ? -this.n : this.n;
    const scale = powerOfTen(places);
    let q = (n * scale * 2n + this.d) / (this.d * 2n);
    const intPart = q / scale;
    q = q % scale;
    const fracText = q.toString().padStart(places, "0").replace(/0+$/, "");
    const text = fracText ? `${intPart}.${fracText}` : `${intPart}`;
    return neg && text !== "0" ? `-${text}` : text;
  }

  /** True when the decimal expansion terminates within `places` digits (so toDecimal is exact). */
  isExactDecimal(places = 4): boolean {
    return (this.n * powerOfTen(places)) % this.d === 0n;
  }

  /** Human text: "20", "2/3", "0.96". Exact decimals print as decimals, others as fractions. */
  toString(): string {
    if (this.d === 1n) return this.n.toString();
    if (this.isExactDecimal(6)) return this.toDecimal(6);
    return `${this.n}/${this.d}`;
  }

  /** The JSON form of docs/design.md section 4: a plain integer, or { num, den, decimal }. */
  toJSON(): ExactJson {
    const whole = this.d === 1n ? safeIntegerOf(this.n) : null;
    if (whole !== null) return whole;
    return { num: this.n.toString(), den: this.d.toString(), decimal: this.toDecimal(4) };
  }
}
