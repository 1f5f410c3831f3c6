/** "Did you mean …": the closest known name to a misspelt one, for the checker's hints and the quick fixes. */

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const HAN = /\p{Script=Han}/u;

/**
 * The closest known name, for "did you mean" hints. Names in Chinese are matched with names in Chinese only, and
 * must share a character: a two-character typo such as 应到 is as far from `no` as from any word, and a hint that
 * changes script helps nobody.
 */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  const han = HAN.test(name);
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    if (HAN.test(k) !== han) continue;
    const d = levenshtein(name, k);
    const limit = han ? Math.max(1, Math.ceil(Math.max([...name].length, [...k].length) / 2)) : Math.max(2, Math.floor(name.length / 3));
    if (d > limit || d >= bestDist) continue;
    if (han && ![...name].some((c) => k.includes(c))) continue;
    best = k;
    bestDist = d;
  }
  return best;
}
