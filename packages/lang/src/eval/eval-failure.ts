/** How evaluation fails: an EvalFailure thrown inside, caught at the rule boundary and returned as a value. */

import { message, type MessageArgsOf, type MessageId } from "../diagnostics/index.ts";
import type { EvalError, Span } from "../types.ts";

/** An evaluation failure; caught at the rule boundary and returned as a value. */
export class EvalFailure extends Error {
  constructor(readonly error: EvalError) {
    super(error.message);
  }
}

/** Throws the catalog message `id` as an evaluation failure. */
export function fail<K extends MessageId>(id: K, args: MessageArgsOf<K>, span?: Span, details?: Record<string, unknown>): never {
  throw new EvalFailure({ ...message(id, args), span, details });
}
