/**
 * The subject ids of one upload, for finding repeats among a million rows without a million strings on the heap:
 * 64-bit hashes in an open-addressing table of typed arrays (12 bytes a slot, at most half full).
 * A hash match is only a candidate; the caller confirms it by comparing the ids themselves.
 */

const EMPTY = 0;

/** Two independent 32-bit hashes of a string's UTF-16 code units (FNV-1a and a multiplicative hash). */
export function idHashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0x85ebca6b);
  return [a >>> 0, (b ^ (b >>> 16)) >>> 0];
}

export class IdIndex {
  private high = new Uint32Array(1 << 12);
  private low = new Uint32Array(1 << 12);
  /** Row + 1 of the first id with this hash; 0 for an empty slot. */
  private rows = new Int32Array(1 << 12);
  private size = 0;

  /** Remembers `id` as row `row`; answers the earlier row whose id hashes the same (a likely repeat), or -1. */
  add(id: string, row: number): number {
    const [h, l] = idHashes(id);
    return this.addHashes(h, l, row);
  }

  /** As add(), given the id's idHashes() (computed where the id is, e.g. in a worker thread). */
  addHashes(h: number, l: number, row: number): number {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    const found = this.place(h, l, row + 1);
    if (found === EMPTY) this.size++;
    return found - 1;
  }

  /** Puts (h, l) → value in the first free slot, unless the hash is already there: then answers that slot's value. */
  private place(h: number, l: number, value: number): number {
    const mask = this.rows.length - 1;
    for (let slot = (h ^ Math.imul(l, 0x27d4eb2d)) & mask; ; slot = (slot + 1) & mask) {
      const existing = this.rows[slot]!;
      if (existing === EMPTY) {
        this.high[slot] = h;
        this.low[slot] = l;
        this.rows[slot] = value;
        return EMPTY;
      }
      if (this.high[slot] === h && this.low[slot] === l) return existing;
    }
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) if (rows[slot] !== EMPTY) this.place(high[slot]!, low[slot]!, rows[slot]!);
  }
}
