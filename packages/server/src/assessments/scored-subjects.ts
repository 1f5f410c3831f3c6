/**
 * The first pass of an assessment: every subject typed, validated and scored, spilled to a private temp file,
 * with only compact columns (file offset, line length, score) kept in memory, so a million rows stay small.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExactJson } from "@gavel-rules/lang";
import { rationalOf } from "./ranking.ts";

/** A typed array that grows by doubling. */
class GrowingColumn<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

/** Ranks in rank order: `order[i]` is the subject (upload index) at position i, `ranks[i]` its rank (ties share one). */
export interface Ranking {
  order: Int32Array;
  ranks: Int32Array;
}

export class ScoredSubjects {
  private readonly dir: string;
  readonly spillPath: string;
  private file: FileHandle | undefined;
  private size = 0;
  private readonly offsets = new GrowingColumn((n) => new Float64Array(n));
  private readonly lengths = new GrowingColumn((n) => new Int32Array(n));
  private readonly scoreIds = new GrowingColumn((n) => new Int32Array(n));
  /** Each distinct score once (scorecards give few distinct totals), keyed by its exact text. */
  private readonly distinct: ExactJson[] = [];
  private readonly distinctIds = new Map<string, number>();
  private disposed = false;

  private constructor() {
    // mkdtemp makes the folder 0700: subjects' data stays private to the service's user.
    this.dir = mkdtempSync(join(tmpdir(), "gavel-assessment-"));
    this.spillPath = join(this.dir, "subjects.ndjson");
  }

  /** A new, empty spill (a private temp folder); dispose() removes it. */
  static async create(): Promise<ScoredSubjects> {
    const scored = new ScoredSubjects();
    scored.file = await open(scored.spillPath, "wx", 0o600);
    return scored;
  }

  get count(): number {
    return this.lengths.length;
  }

  /** Appends a batch: its JSON lines (one per subject), their byte lengths, and their scores. */
  async append(lines: Uint8Array, lengths: number[], scores: ExactJson[]): Promise<void> {
    if (!this.file) throw new Error("the spill file is closed");
    await this.file.write(lines);
    for (let i = 0; i < lengths.length; i++) {
      this.offsets.push(this.size);
      this.lengths.push(lengths[i]!);
      this.size += lengths[i]!;
      const score = scores[i]!;
      const key = typeof score === "number" ? String(score) : `${score.num}/${score.den}`;
      let id = this.distinctIds.get(key);
      if (id === undefined) {
        id = this.distinct.length;
        this.distinct.push(score);
        this.distinctIds.set(key, id);
      }
      this.scoreIds.push(id);
    }
  }

  /** Closes the spill for writing (render reads it back by offset). */
  async seal(): Promise<void> {
    await this.file?.close();
    this.file = undefined;
  }

  /** The ranking by exact score, highest first; ties share a rank (1, 2, 2, 4) and keep upload order. */
  rank(): Ranking {
    const values = this.distinct.map(rationalOf);
    const byValue = values.map((_, i) => i).sort((a, b) => values[b]!.cmp(values[a]!));
    // Equal values written differently (2/6 and 1/3) form one group.
    const groupOf = new Int32Array(values.length);
    let groups = 0;
    byValue.forEach((id, position) => {
      if (position > 0 && !values[id]!.eq(values[byValue[position - 1]!]!)) groups++;
      groupOf[id] = groups;
    });
    const starts = new Int32Array(values.length > 0 ? groups + 2 : 1);
    for (let i = 0; i < this.count; i++) starts[groupOf[this.scoreIds.at(i)]! + 1]!++;
    for (let g = 1; g < starts.length; g++) starts[g]! += starts[g - 1]!;
    const next = starts.slice();
    const order = new Int32Array(this.count);
    const ranks = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const group = groupOf[this.scoreIds.at(i)]!;
      const position = next[group]!++;
      order[position] = i;
      ranks[position] = starts[group]! + 1;
    }
    return { order, ranks };
  }

  /** File offsets and line lengths of the given subjects (for render). */
  locate(subjects: Int32Array): { offsets: Float64Array; lengths: Int32Array } {
    const offsets = new Float64Array(subjects.length);
    const lengths = new Int32Array(subjects.length);
    subjects.forEach((subject, i) => {
      offsets[i] = this.offsets.at(subject);
      lengths[i] = this.lengths.at(subject);
    });
    return { offsets, lengths };
  }

  /** The ids of the given subjects, read back from the sealed spill. */
  async idsOf(subjects: number[]): Promise<string[]> {
    const file = await open(this.spillPath, "r");
    try {
      const ids: string[] = [];
      for (const subject of subjects) {
        const buffer = Buffer.alloc(this.lengths.at(subject));
        await file.read(buffer, 0, buffer.length, this.offsets.at(subject));
        ids.push((JSON.parse(buffer.toString("utf8")) as { id: string }).id);
      }
      return ids;
    } finally {
      await file.close();
    }
  }

  /** Removes the spill (idempotent). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
