/**
 * Group commit per key: the first item for a key is committed after one turn of the event loop (no timer); items
 * for the same key that arrive meanwhile, or while that commit is in flight, wait, and the next commit takes them
 * together (at most `maxBatch` at a time). Each caller's promise settles only when its own batch's commit has
 * settled, with its own outcome.
 */

/** One item's outcome in a batch: its value, or the error it alone is refused with. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Commits one batch of one key; answers one outcome per item, in the items' order. Throwing fails every item. */
export type CommitBatch<T, R> = (key: string, items: T[]) => Promise<Settled<R>[]>;

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export class GroupCommit<T, R> {
  private readonly waiting = new Map<string, Waiting<T, R>[]>();
  private readonly committing = new Set<string>();

  constructor(
    private readonly commit: CommitBatch<T, R>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a whole number of at least 1, not ${maxBatch}`);
  }

  /** Queues `item` for `key`'s next commit; resolves or rejects with its own outcome once that commit has settled. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else this.waiting.set(key, [{ item, resolve, reject }]);
      if (!this.committing.has(key)) void this.drain(key);
    });
  }

  /** Commits `key`'s waiting items, batch after batch, until none are left. Only one drain runs per key. */
  private async drain(key: string): Promise<void> {
    this.committing.add(key);
    try {
      for (;;) {
        // One turn of the event loop first: requests whose bytes have already arrived get to join this batch. On the
        // embedded store a whole transaction runs without leaving the microtask queue, so without this turn every
        // batch held the one vote that started it.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const queue = this.waiting.get(key);
        if (!queue || queue.length === 0) {
          this.waiting.delete(key);
          return;
        }
        const batch = queue.splice(0, this.maxBatch);
        let outcomes: Settled<R>[];
        try {
          outcomes = await this.commit(key, batch.map((w) => w.item));
          if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outcomes.length} outcomes`);
        } catch (error) {
          for (const w of batch) w.reject(error);
          continue;
        }
        batch.forEach((w, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) w.resolve(outcome.value);
          else w.reject(outcome.error);
        });
      }
    } finally {
      this.committing.delete(key);
    }
  }
}
