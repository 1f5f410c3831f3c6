/**
 * fast-check arbitraries for the input object of a compiled rule: plausible inputs that respect
 * the declared types (a vote's tally mostly consistent), and wild ones (negative, fractional,
 * NaN, Infinity, huge, wrong types, missing keys).
 */
import fc from "fast-check";
import type { CompiledRule, ExactJson, InputInfo } from "@gavel-rules/lang";

const WILD_VALUES: readonly unknown[] = [
  -1, 0, 1, 0.5, 1e-9, 2 ** 53, 2 ** 53 + 2, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  -0, "12", "", "优秀", null, true, false, {}, [], [1], { num: "1", den: "0" },
];

function exactBound(value: ExactJson | undefined): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === "number" ? value : Number(value.num) / Number(value.den);
}

function plausibleValue(input: InputInfo): fc.Arbitrary<unknown> {
  const low = exactBound(input.min) ?? 0;
  const high = Math.min(exactBound(input.max) ?? 400, 1e6);
  switch (input.type) {
    case "count":
      return fc.integer({ min: Math.ceil(Math.max(0, low)), max: Math.max(Math.ceil(low), Math.floor(high)) });
    case "number":
      return fc.oneof(
        fc.integer({ min: Math.ceil(low), max: Math.max(Math.ceil(low), Math.floor(high)) }),
        fc.integer({ min: Math.ceil(low * 10), max: Math.floor(high * 10) }).map((tenths) => tenths / 10),
        fc.double({ min: low, max: high, noNaN: true }),
      );
    case "ratio":
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.75, 0.9, 1));
    case "boolean":
      return fc.boolean();
    case "text":
      return input.options && input.options.length > 0 ? fc.constantFrom(...input.options) : fc.string({ unit: "grapheme", maxLength: 8 });
    case "tally":
      // An election's votes by candidate: a few names, small counts (many will not fit the ballots: an evaluation error).
      return fc.dictionary(fc.constantFrom("王建国", "李秀英", "张伟", "刘洋", "a"), fc.nat({ max: 400 }), { maxKeys: 4 });
    case "date":
      // Days of 2026, the built-in calendar's year, and now and then one outside it or one that does not exist.
      return fc.oneof(
        fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)),
        fc.constantFrom("2025-12-31", "2026-02-30", "2026-2-1"),
      );
    case "list": {
      const fields = input.fields ?? [];
      const record = fc.tuple(...fields.map((f) => (f.optional ? fc.option(plausibleValue(f), { nil: undefined }) : plausibleValue(f)))).map((values) => {
        const r: Record<string, unknown> = {};
        fields.forEach((f, i) => {
          if (values[i] !== undefined) r[f.name] = values[i];
        });
        return r;
      });
      return fc.array(record, { maxLength: 6 });
    }
  }
}

/** A vote tally: present ≤ entitled and yes + no + abstain ≤ present. */
const consistentTally: fc.Arbitrary<Record<string, unknown>> = fc
  .nat({ max: 300 })
  .chain((entitled) => fc.tuple(fc.constant(entitled), fc.nat({ max: entitled })))
  .chain(([entitled, present]) => fc.tuple(fc.constant(entitled), fc.constant(present), fc.nat({ max: present })))
  .chain(([entitled, present, yes]) => fc.tuple(fc.constant(entitled), fc.constant(present), fc.constant(yes), fc.nat({ max: present - yes })))
  .chain(([entitled, present, yes, no]) =>
    fc.nat({ max: present - yes - no }).map((abstain) => ({ entitled, present, yes, no, abstain })),
  );

function wildInput(inputs: InputInfo[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = inputs.map((input) =>
    fc.option(fc.oneof(plausibleValue(input), fc.constantFrom(...WILD_VALUES)), { nil: undefined }).map((value) => [input.name, value] as const),
  );
  return fc.tuple(...entries, fc.option(fc.constantFrom(...WILD_VALUES))).map((pairs) => {
    const input: Record<string, unknown> = {};
    for (const pair of pairs.slice(0, entries.length) as (readonly [string, unknown])[]) if (pair[1] !== undefined) input[pair[0]] = pair[1];
    const extra = pairs[entries.length];
    if (extra !== null && extra !== undefined) input.unexpected = extra;
    return input;
  });
}

/** Inputs for a rule: mostly plausible for its declared inputs, one in four wild. */
export function inputFor(rule: CompiledRule): fc.Arbitrary<Record<string, unknown>> {
  const plausible =
    rule.kind === "vote"
      ? consistentTally
      : fc.record(Object.fromEntries(rule.inputs.map((input) => [input.name, plausibleValue(input)])) as Record<string, fc.Arbitrary<unknown>>);
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: wildInput(rule.inputs) });
}
