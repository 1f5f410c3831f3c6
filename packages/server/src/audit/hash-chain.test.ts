import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { eventHash, GENESIS_HASH, verifyChain, type ChainedEvent } from "./hash-chain";

function chain(length: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
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
});
