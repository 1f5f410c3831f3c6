import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";
import { chainProblems, eventHash, GENESIS_HASH, verifyChain, type ChainedEvent } from "./hash-chain.ts";

/** A correctly linked chain whose events carry the sequence numbers `seqs` (1..length unless given). */
function chain(length: number, seqs: number[] = Array.from({ length }, (_, i) => i + 1)): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (const seq of seqs) {
    const body = { ballot: "b1", seq, type: "vote.cast", actor: "书记员", at: `2026-11-23T09:00:0${seq}.000Z`, data: { member: `R${seq}`, choice: "yes" } };
    const hash = eventHash(prev, body);
    events.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined, so key order never changes a hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "二"], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,"二"]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    // As JSON.stringify does: an object with toJSON (an explained vote result) is written as what toJSON gives.
    const lazy = { hidden: 1, toJSON: () => ({ z: [1], a: "甲" }) };
    expect(canonicalJson({ result: lazy })).toBe('{"result":{"a":"甲","z":[1]}}');
  });
  it("refuses values JSON cannot hold", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe("audit hash chain", () => {
  it("verifies an intact chain and reports its head", () => {
    const events = chain(4);
    expect(verifyChain(events)).toEqual({ intact: true, events: 4, head: events[3]!.hash });
    expect(verifyChain([])).toEqual({ intact: true, events: 0, head: GENESIS_HASH });
  });

  it("finds an edited event, a removed event and a re-hashed forgery", () => {
    const edited = chain(4);
    edited[1] = { ...edited[1]!, data: { member: "R2", choice: "no" } };
    expect(verifyChain(edited).brokenAt).toEqual({ seq: 2, problem: "its content does not match its hash" });

    const removed = chain(4).filter((e) => e.seq !== 3);
    expect(verifyChain(removed).brokenAt?.seq).toBe(4);

    // Recomputing the edited event's own hash does not help: the next link still points at the old one.
    const forged = chain(4);
    const body = { ballot: "b1", seq: 2, type: "vote.cast", actor: "书记员", at: forged[1]!.at, data: { member: "R2", choice: "no" } };
    forged[1] = { ...body, prevHash: forged[1]!.prevHash, hash: eventHash(forged[1]!.prevHash, body) };
    expect(verifyChain(forged).brokenAt).toEqual({ seq: 3, problem: "its previous hash is not the hash of the event before it" });
  });

  it("reports a re-linked chain whose sequence numbers skip or repeat at the first wrong seq, with the head before it", () => {
    // Each link is valid, so only the numbering can give these away.
    const cases: { seqs: number[]; brokenAt: { seq: number; problem: string }; headIndex: number }[] = [
      { seqs: [2, 3], brokenAt: { seq: 2, problem: "expected event 1, found 2" }, headIndex: -1 },
      { seqs: [1, 2, 4], brokenAt: { seq: 4, problem: "expected event 3, found 4" }, headIndex: 1 },
      { seqs: [1, 2, 2], brokenAt: { seq: 2, problem: "expected event 3, found 2" }, headIndex: 1 },
    ];
    for (const { seqs, brokenAt, headIndex } of cases) {
      const events = chain(seqs.length, seqs);
      const head = headIndex < 0 ? GENESIS_HASH : events[headIndex]!.hash;
      expect(verifyChain(events), seqs.join(",")).toEqual({ intact: false, events: seqs.length, head, brokenAt });
    }
  });

  it("starts from 64 zeros: a first event linked to anything else is broken", () => {
    expect(GENESIS_HASH).toBe("0000000000000000000000000000000000000000000000000000000000000000");
    const events = chain(1);
    const body = { ballot: "b1", seq: 1, type: "vote.cast", actor: "书记员", at: events[0]!.at, data: events[0]!.data };
    const unrooted = [{ ...body, prevHash: "", hash: eventHash("", body) }];
    expect(verifyChain(unrooted).brokenAt).toEqual({ seq: 1, problem: "its previous hash is not the hash of the event before it" });
  });

  it("hashes a known vector: the previous hash, then every field of the event (actor included) as canonical JSON", () => {
    const body = { ballot: "b1", seq: 1, type: "vote.cast", actor: "书记员", at: "2026-11-23T09:00:01.000Z", data: { member: "R1", choice: "yes" } };
    // sha256 of GENESIS_HASH + '{"actor":"书记员","at":"2026-11-23T09:00:01.000Z","ballot":"b1","data":{"choice":"yes","member":"R1"},"seq":1,"type":"vote.cast"}'
    expect(eventHash(GENESIS_HASH, body)).toBe("326f1137b4a72565978c7f4416d0c749ae0ed05b98b72a6909186fe0a53e40a2");
    for (const field of ["ballot", "seq", "type", "actor", "at", "data"] as const) {
      const changed = { ...body, [field]: field === "seq" ? 2 : field === "data" ? { member: "R1", choice: "no" } : `${body[field]}x` };
      expect(eventHash(GENESIS_HASH, changed), field).not.toBe(eventHash(GENESIS_HASH, body));
    }
  });
});

describe("chain problems", () => {
  it("lists every problem, each at the event where it shows", () => {
    expect(chainProblems(chain(5))).toEqual([]);
    const events = chain(6);
    events[1] = { ...events[1]!, actor: "mallory" };
    events[3] = { ...events[3]!, prevHash: "f".repeat(64) };
    expect(chainProblems(events)).toEqual([
      { code: "AUDIT_EVENT_ALTERED", seq: 2, message: "its content does not match its hash" },
      { code: "AUDIT_LINK_BROKEN", seq: 4, message: "its previous hash is not the hash of the event before it" },
      { code: "AUDIT_EVENT_ALTERED", seq: 4, message: "its content does not match its hash" },
    ]);
  });

  it("names a missing event by its own seq", () => {
    const problems = chainProblems(chain(5).filter((e) => e.seq !== 3));
    expect(problems[0]).toEqual({ code: "AUDIT_SEQ_GAP", seq: 3, message: "event 3 is missing" });
    expect(problems[1]).toMatchObject({ code: "AUDIT_LINK_BROKEN", seq: 4 });
  });

  it("names a run of missing events, and an event that repeats or comes back after a later one", () => {
    // Chains re-linked over the wrong numbering: only the sequence numbers are wrong.
    const cases: { seqs: number[]; problems: { code: string; seq: number; message: string }[] }[] = [
      { seqs: [1, 4, 5], problems: [{ code: "AUDIT_SEQ_GAP", seq: 2, message: "events 2–3 are missing" }] },
      { seqs: [3], problems: [{ code: "AUDIT_SEQ_GAP", seq: 1, message: "events 1–2 are missing" }] },
      { seqs: [1, 2, 3, 2], problems: [{ code: "AUDIT_SEQ_GAP", seq: 2, message: "event 2 appears after event 3" }] },
      { seqs: [1, 1], problems: [{ code: "AUDIT_SEQ_GAP", seq: 1, message: "event 1 appears after event 1" }] },
      { seqs: [1, 2, 3], problems: [] },
    ];
    for (const { seqs, problems } of cases) expect(chainProblems(chain(seqs.length, seqs)), seqs.join(",")).toEqual(problems);
  });
});
