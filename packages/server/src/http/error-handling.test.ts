import { describe, expect, it } from "vitest";
import { badRequest, busy, conflict, forbidden, notFound, tooLarge, unauthenticated, unprocessable } from "../refusal.ts";
import { ApiError } from "./api-error.ts";
import { toErrorResponse } from "./error-handling.ts";

describe("error responses", () => {
  it.each([
    [badRequest, 400],
    [unauthenticated, 401],
    [forbidden, 403],
    [notFound, 404],
    [conflict, 409],
    [tooLarge, 413],
    [unprocessable, 422],
    [busy, 503],
  ] as const)("gives a domain refusal (%o) its status, and keeps its code and details", (refuse, status) => {
    expect(toErrorResponse(refuse("ALREADY_VOTED", "twice", { member: "R1" }))).toEqual({ status, body: { error: { code: "ALREADY_VOTED", message: "twice", details: { member: "R1" } } } });
  });

  it("keeps an HTTP-layer error's own status", () => {
    expect(toErrorResponse(new ApiError(429, "RATE_LIMITED", "slow down", { retryAfterSeconds: 3 }))).toEqual({ status: 429, body: { error: { code: "RATE_LIMITED", message: "slow down", details: { retryAfterSeconds: 3 } } } });
  });

  it("turns an unexpected failure into a 500 that reveals nothing internal", () => {
    const response = toErrorResponse(new Error("password authentication failed for user postgres at /srv/db.ts:12"));
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("INTERNAL_ERROR");
    expect(JSON.stringify(response.body)).not.toContain("postgres");
  });

  it("renames Fastify's client errors to stable codes", () => {
    const tooLarge = Object.assign(new Error("Request body is too large"), { statusCode: 413, code: "FST_ERR_CTP_BODY_TOO_LARGE" });
    expect(toErrorResponse(tooLarge).body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const validation = Object.assign(new Error("body/member must be string"), { statusCode: 400, validation: [{ instancePath: "/member", message: "must be string", keyword: "type", params: {} }], validationContext: "body" });
    expect(toErrorResponse(validation)).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_ERROR", details: { problems: [{ path: "body/member" }] } } } });
  });

  it("answers 400 when the database refuses the request's text (a NUL character)", () => {
    const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    expect(toErrorResponse(refused)).toMatchObject({ status: 400, body: { error: { code: "UNSTORABLE_TEXT" } } });
  });
});
