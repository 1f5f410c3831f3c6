/** The worker threads that compile rule files and evaluate assessment batches, so the event loop stays free. */

import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { unprocessable } from "../refusal.ts";
import type { CompiledSummary, PinnedImports } from "../rules/rule-registry.ts";
import type { EvaluationAnswers, EvaluationTask } from "./evaluation-tasks.ts";

/**
 * Worker threads inherit neither tsx nor module hooks: from the monorepo's sources a .mjs entry registers them and
 * loads the TypeScript worker; an installed package runs its compiled worker as plain JavaScript.
 */
const WORKER_FILE = import.meta.url.endsWith(".ts")
  ? new URL("./evaluation-worker-entry.mjs", import.meta.url).href
  : new URL("./evaluation-worker.js", import.meta.url).href;
/**
 * Each thread's heap. Without a bound V8 lets a busy worker's heap grow lazily (a 1,000,000-row assessment peaked at
 * 540 MiB RSS); with it, the same run peaks at 370 MiB. Compiling a 1 MiB rule file of 374 scorecards needs between
 * 64 and 160 MiB, so 256 MiB leaves room; a file that needs more is refused (RULE_TOO_COMPLEX), the service lives on.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

/** Idle threads stay this long: loading the language in a new thread takes a second or two. */
const IDLE_TIMEOUT_MS = 60_000;

/** Threads by default: every core but the one the event loop runs on (at least one). */
export function defaultWorkerThreads(): number {
  const configured = Number(process.env.GAVEL_WORKER_THREADS);
  if (Number.isSafeInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class EvaluationPool {
  private pool: Piscina<EvaluationTask, unknown> | undefined;

  constructor(readonly threads = defaultWorkerThreads()) {}

  /** Runs one task in a worker thread; threads start on first use, so a service that never assesses starts none. */
  run<T extends EvaluationTask>(task: T, transferList?: ArrayBufferLike[]): Promise<EvaluationAnswers[T["task"]]> {
    this.pool ??= new Piscina<EvaluationTask, unknown>({ filename: WORKER_FILE, minThreads: 0, maxThreads: this.threads, idleTimeout: IDLE_TIMEOUT_MS, resourceLimits: WORKER_HEAP });
    return this.pool.run(task, transferList ? { transferList: transferList as ArrayBuffer[] } : {}) as Promise<EvaluationAnswers[T["task"]]>;
  }

  /** Compiles a rule file in a worker and answers with its summary and the imports it resolved (the registry's off-thread compile). */
  async checkRuleFile(name: string, source: string, stdDir: string, pinned?: PinnedImports): Promise<CompiledSummary> {
    try {
      return await this.run({ task: "check", name, source, stdDir, ...(pinned ? { pinned } : {}) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw unprocessable("RULE_TOO_COMPLEX", `Compiling ${name} needs more than ${WORKER_HEAP.maxOldGenerationSizeMb} MiB of memory.`, { maxMiB: WORKER_HEAP.maxOldGenerationSizeMb });
      }
      throw error;
    }
  }

  /** Stops the threads (pending tasks fail). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
