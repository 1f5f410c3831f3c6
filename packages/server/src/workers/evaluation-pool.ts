/** The worker threads that compile rule files and evaluate assessment batches, so the event loop stays free. */

import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { ModuleSummary } from "../rules/module-summary";
import type { EvaluationAnswers, EvaluationTask } from "./evaluation-tasks";

const WORKER_FILE = new URL("./evaluation-worker-entry.mjs", import.meta.url).href;
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
    this.pool ??= new Piscina<EvaluationTask, unknown>({ filename: WORKER_FILE, minThreads: 0, maxThreads: this.threads, idleTimeout: IDLE_TIMEOUT_MS });
    return this.pool.run(task, transferList ? { transferList: transferList as ArrayBuffer[] } : {}) as Promise<EvaluationAnswers[T["task"]]>;
  }

  /** Compiles a rule file in a worker and answers with its summary (the registry's off-thread compile check). */
  checkRuleFile(name: string, source: string, stdDir: string): Promise<ModuleSummary> {
    return this.run({ task: "check", name, source, stdDir });
  }

  /** Stops the threads (pending tasks fail). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
