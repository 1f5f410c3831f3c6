/** The main thread's handle on the gavel language worker: typed request/response over postMessage. */

import GavelWorker from "./gavel.worker?worker";
import type { MethodName, WorkerMethods, WorkerRequest, WorkerResponse } from "./protocol";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** Sends requests to one gavel worker and resolves them with the worker's answers, in any order. */
export class LanguageClient {
  private readonly worker: Worker = new GavelWorker({ name: "gavel-language" });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(message.message));
    };
  }

  /** Calls `method` in the worker. */
  request<M extends MethodName>(method: M, params: WorkerMethods[M]["params"]): Promise<WorkerMethods[M]["result"]> {
    const id = this.nextId++;
    const message: WorkerRequest<M> = { id, method, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage(message);
    });
  }
}

/** The one language worker of the page. */
export const languageClient = new LanguageClient();
