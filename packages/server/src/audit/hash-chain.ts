/** The audit hash chain: each event's hash covers the previous hash and the event's canonical JSON. */

import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

/** The previous hash of a ballot's first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The hashed fields of one audit event. */
export interface AuditEventBody {
  ballot: string;
  seq: number;
  type: string;
  actor: string;
  at: string;
  data: unknown;
}

export interface ChainedEvent extends AuditEventBody {
  prevHash: string;
  hash: string;
}

/** sha256(prevHash + canonical JSON of the event body), hex. */
export function eventHash(prevHash: string, body: AuditEventBody): string {
  return createHash("sha256").update(prevHash, "utf8").update(canonicalJson(body), "utf8").digest("hex");
}

/** The outcome of checking a chain. */
export interface ChainVerification {
  intact: boolean;
  events: number;
  head: string;
  /** The first event that does not fit, when the chain is broken. */
  brokenAt?: { seq: number; problem: string };
}

/** Recomputes every link of `events` (ordered by seq) and reports the first that does not fit. */
export function verifyChain(events: ChainedEvent[]): ChainVerification {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const { prevHash, hash, ...body } = event;
    const broken = (problem: string): ChainVerification => ({ intact: false, events: events.length, head: prev, brokenAt: { seq: event.seq, problem } });
    if (event.seq !== i + 1) return broken(`expected event ${i + 1}, found ${event.seq}`);
    if (prevHash !== prev) return broken("its previous hash is not the hash of the event before it");
    if (eventHash(prevHash, body) !== hash) return broken("its content does not match its hash");
    prev = hash;
  }
  return { intact: true, events: events.length, head: prev };
}

/** One thing wrong with a chain, at the event where it shows. */
export interface ChainProblem {
  code: "AUDIT_SEQ_GAP" | "AUDIT_LINK_BROKEN" | "AUDIT_EVENT_ALTERED";
  seq: number;
  message: string;
}

/**
 * Every problem of `events` (ordered by seq), not only the first: a missing or extra sequence number, a link whose
 * previous hash is not the stored hash of the event before it, and an event whose content does not match its hash.
 */
export function chainProblems(events: ChainedEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  for (const event of events) {
    const { prevHash, hash, ...body } = event;
    if (event.seq > expectedSeq) {
      const missing = event.seq - 1 === expectedSeq ? `event ${expectedSeq} is missing` : `events ${expectedSeq}–${event.seq - 1} are missing`;
      problems.push({ code: "AUDIT_SEQ_GAP", seq: expectedSeq, message: missing });
    } else if (event.seq < expectedSeq) {
      problems.push({ code: "AUDIT_SEQ_GAP", seq: event.seq, message: `event ${event.seq} appears after event ${expectedSeq - 1}` });
    }
    if (prevHash !== prev) problems.push({ code: "AUDIT_LINK_BROKEN", seq: event.seq, message: "its previous hash is not the hash of the event before it" });
    if (eventHash(prevHash, body) !== hash) problems.push({ code: "AUDIT_EVENT_ALTERED", seq: event.seq, message: "its content does not match its hash" });
    expectedSeq = Math.max(expectedSeq, event.seq + 1);
    prev = hash;
  }
  return problems;
}
