import { beforeAll, describe, expect, it } from "vitest";

// The shape of a database-backed file when the database is unreachable.
it("runs outside the failing suite", () => expect(true).toBe(true));

describe("needs a database", () => {
  beforeAll(() => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
  });
  it("reads", () => expect(true).toBe(true));
  it("writes", () => expect(true).toBe(true));
});
