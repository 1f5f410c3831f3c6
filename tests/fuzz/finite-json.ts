/**
 * Finds every number in a result that is not finite (NaN, ±Infinity), and every rendered number
 * (`detail`, `decimal` texts) that reads NaN or Infinity: none may ever reach a result.
 */
export function nonFiniteNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value === "string") {
    const rendered = path.endsWith(".detail") || path.endsWith(".decimal");
    return rendered && /\b(NaN|Infinity)\b/.test(value) ? [`${path} = ${JSON.stringify(value)}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFiniteNumbers(item, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    // What JSON.stringify writes: an explained result's margins, criteria and explanation come from its toJSON.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return nonFiniteNumbers(toJSON.call(value), path);
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  }
  return [];
}
