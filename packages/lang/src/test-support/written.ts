/** What a test compares when it means "the result as written": an explained result's toJSON(), other values as they are. */
export function written<T>(value: T): T {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? (toJSON.call(value) as T) : value;
}

/** An outcome with its result as written (see written): values kept, unlike a JSON text round trip (-0, NaN in details). */
export function writtenOutcome<T extends { ok: boolean }>(outcome: T): T {
  return "result" in outcome ? { ...outcome, result: written((outcome as { result: unknown }).result) } : outcome;
}
