import { describe, expect, it } from "vitest";
import { GroupCommit, type Settled } from "./group-commit.ts";

/** A commit that records each batch and refuses odd items alone; `gate` holds a batch in flight until released. */
function recorder() {
  const batches: { key: string; items: number[] }[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const commit = async (key: string, items: number[]): Promise<Settled<string>[]> => {
    batches.push({ key, items: [...items] });
    if (gate) await gate;
    return items.map((n) => (n % 2 === 0 ? { ok: true, value: `${key}:${n}` } : { ok: false, error: new Error(`odd ${n}`) }));
  };
  return {
    batches,
    commit,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release() {
      gate = undefined;
      release?.();
    },
  };
}

describe("GroupCommit", () => {
  it("commits what arrives in one turn together, and what arrives while a commit is in flight in the next batch", async () => {
    const r = recorder();
    const group = new GroupCommit(r.commit, 100);
    r.hold();
    const first = [0, 1, 2].map((n) => group.submit("a", n));
    // Let the first batch start and wait at the gate, then submit more while it is in flight.
    while (r.batches.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5, 6, 8].map((n) => group.submit("a", n));
    r.release();
    const settled = await Promise.allSettled([...first, ...second]);
    expect(r.batches).toEqual([
      { key: "a", items: [0, 1, 2] },
      { key: "a", items: [4, 5, 6, 8] },
    ]);
    // Each caller gets its own outcome: the odd items alone are refused.
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual(["a:0", "odd 1", "a:2", "a:4", "odd 5", "a:6", "a:8"]);
  });

  it("never puts more than maxBatch items in one commit, and keeps keys apart", async () => {
    const r = recorder();
    const group = new GroupCommit(r.commit, 3);
    const results = await Promise.all([...[0, 2, 4, 6, 8, 10, 12].map((n) => group.submit("a", n)), ...[20, 22].map((n) => group.submit("b", n))]);
    expect(results).toEqual(["a:0", "a:2", "a:4", "a:6", "a:8", "a:10", "a:12", "b:20", "b:22"]);
    expect(r.batches.filter((b) => b.key === "a").map((b) => b.items)).toEqual([
      [0, 2, 4],
      [6, 8, 10],
      [12],
    ]);
    expect(r.batches.filter((b) => b.key === "b").map((b) => b.items)).toEqual([[20, 22]]);
  });

  it("a commit that throws fails its whole batch, and the next batch still commits", async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(async (_key, items) => {
      calls++;
      if (calls === 1) throw new Error("commit failed");
      return items.map((n) => ({ ok: true, value: n * 10 }));
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3].map((n) => group.submit("k", n)));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual(["commit failed", "commit failed", 30]);
  });

  it("refuses a batch bound below one", () => {
    expect(() => new GroupCommit(async () => [], 0)).toThrow(RangeError);
  });
});
