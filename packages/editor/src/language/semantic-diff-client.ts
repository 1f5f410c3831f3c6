/**
 * The History's semantic diff runs in a gavel worker of its own: comparing every tally up to roster 60 takes most of
 * a second (seconds for a rule that is not linear), which must not hold up the live squiggles of the language worker,
 * and a comparison nobody waits for any more is ended by terminating its worker.
 */

import { getLocale } from "../i18n";
import GavelWorker from "./gavel.worker?worker";
import type { WorkerMethods, WorkerRequest, WorkerResponse } from "./protocol";
import type { SemanticDiffReport } from "./semantic-diff-report";

type DiffParams = WorkerMethods["semanticDiff"]["params"];

/** Thrown to the caller of a comparison that a newer one replaced. */
export class SupersededError extends Error {
  constructor() {
    super("superseded by a newer comparison");
  }
}

/** Runs one comparison at a time; a new one ends the one still running. */
export class SemanticDiffClient {
  private worker: Worker | null = null;
  private running: { id: number; reject: (error: Error) => void } | null = null;
  private nextId = 1;

  /** The report of `before` → `after`, or SupersededError when another run() started first. */
  run(params: DiffParams): Promise<SemanticDiffReport> {
    if (this.running) {
      this.worker?.terminate();
      this.worker = null;
      this.running.reject(new SupersededError());
      this.running = null;
    }
    const worker = (this.worker ??= new GavelWorker({ name: "gavel-semantic-diff" }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.running = { id, reject };
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        if (event.data.id !== id) return;
        this.running = null;
        if (event.data.ok) resolve(event.data.result as SemanticDiffReport);
        else reject(new Error(event.data.message));
      };
      // A worker that fails to load or dies must not leave the panel "comparing" for ever.
      worker.onerror = (event: ErrorEvent) => {
        if (this.running?.id !== id) return;
        this.running = null;
        this.worker = null;
        worker.terminate();
        reject(new Error(event.message || "the comparison worker stopped"));
      };
      const message: WorkerRequest<"semanticDiff"> = { id, method: "semanticDiff", params };
      worker.postMessage(message);
    });
  }
}

/** Compares two texts of a rule file; imports resolve against the files open in the editor when it is called. */
export type SemanticDiffer = (file: string, before: string, after: string, entitledTo: number) => Promise<SemanticDiffReport>;

/** A differ over one SemanticDiffClient, with the open files given by `files`. */
export function semanticDiffer(files: () => Record<string, string>): SemanticDiffer {
  const client = new SemanticDiffClient();
  return (file, before, after, entitledTo) =>
    client.run({ file, before, after, entitledTo, files: files(), locale: getLocale() === "zh-CN" ? "zh" : "en" });
}
