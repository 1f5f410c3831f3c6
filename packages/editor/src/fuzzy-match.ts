/**
 * Quick open's fuzzy match: the query's characters (spaces ignored, case folded) must appear in the name in order;
 * runs of adjacent characters and word starts score higher, as in VS Code. Works on code points, so Chinese names
 * (and characters outside the BMP) match character by character.
 */

/** A match of a query in a name: its score (higher is better) and the matched ranges as UTF-16 [start, end). */
export interface FuzzyMatch {
  score: number;
  ranges: [number, number][];
}

/** One code point of a string, with its UTF-16 offset. */
interface CodePoint {
  text: string;
  folded: string;
  offset: number;
}

function codePoints(text: string): CodePoint[] {
  const points: CodePoint[] = [];
  let offset = 0;
  for (const ch of text) {
    points.push({ text: ch, folded: ch.toLowerCase(), offset });
    offset += ch.length;
  }
  return points;
}

/** True when the character at `index` starts a word: the first one, after `_ - . /` or a space, or an upper case after a lower. */
function isWordStart(points: CodePoint[], index: number): boolean {
  if (index === 0) return true;
  const before = points[index - 1]!.text;
  const here = points[index]!.text;
  if (/[_\-./\s]/u.test(before)) return true;
  return /\p{Lu}/u.test(here) && /\p{Ll}/u.test(before);
}

/**
 * Matches `query` against `target`; null when some query character does not appear in order. Tried from each
 * occurrence of the first character: after it, each query character takes its first occurrence, unless a later one
 * continues a run or starts a word (and the rest still fits). The best-scoring alignment wins.
 */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const wanted = codePoints(query.replace(/\s+/gu, ""));
  const points = codePoints(target);
  if (wanted.length === 0) return { score: 0, ranges: [] };
  let best: { score: number; chosen: number[] } | null = null;
  for (let start = 0; start < points.length; start++) {
    if (points[start]!.folded !== wanted[0]!.folded) continue;
    const chosen = align(wanted, points, start);
    if (!chosen) break; // a later start cannot fit what this one could not
    const score = scoreOf(wanted, points, chosen);
    if (!best || score > best.score) best = { score, chosen };
  }
  if (!best) return null;
  return { score: best.score, ranges: mergeRanges(best.chosen.map((i) => [points[i]!.offset, points[i]!.offset + points[i]!.text.length])) };
}

/** The positions of wanted's characters with the first at `start`, or null when the rest does not fit. */
function align(wanted: CodePoint[], points: CodePoint[], start: number): number[] | null {
  const chosen = [start];
  for (let q = 1; q < wanted.length; q++) {
    const folded = wanted[q]!.folded;
    const from = chosen.at(-1)! + 1;
    let first = -1;
    let preferred = -1;
    for (let i = from; i < points.length; i++) {
      if (points[i]!.folded !== folded) continue;
      if (first < 0) first = i;
      if (i === from || isWordStart(points, i)) {
        preferred = i;
        break;
      }
    }
    if (first < 0) return null;
    chosen.push(preferred >= 0 && fits(wanted, q + 1, points, preferred + 1) ? preferred : first);
  }
  return chosen;
}

/** Runs and word starts score; an early first match and a short name break ties. */
function scoreOf(wanted: CodePoint[], points: CodePoint[], chosen: number[]): number {
  let score = 0;
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k]!;
    score += 1;
    if (k > 0 && i === chosen[k - 1]! + 1) score += 5;
    if (isWordStart(points, i)) score += 3;
    if (points[i]!.text === wanted[k]!.text) score += 1; // same case
  }
  return score - chosen[0]! * 0.1 - (points.length - chosen.length) * 0.01;
}

/** Whether wanted[q..] appears in order in points[from..]. */
function fits(wanted: CodePoint[], q: number, points: CodePoint[], from: number): boolean {
  let i = from;
  for (let k = q; k < wanted.length; k++) {
    while (i < points.length && points[i]!.folded !== wanted[k]!.folded) i++;
    if (i >= points.length) return false;
    i++;
  }
  return true;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && last[1] === range[0]) last[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The names that match `query`, best first (then shorter, then alphabetical), each with its match. */
export function rankByFuzzyMatch<T>(query: string, items: readonly T[], nameOf: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const ranked: { item: T; match: FuzzyMatch; name: string }[] = [];
  for (const item of items) {
    const name = nameOf(item);
    const match = fuzzyMatch(query, name);
    if (match) ranked.push({ item, match, name });
  }
  if (query.trim() !== "") ranked.sort((a, b) => b.match.score - a.match.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return ranked.map(({ item, match }) => ({ item, match }));
}
