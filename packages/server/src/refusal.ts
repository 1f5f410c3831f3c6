/**
 * Refusals of the service's domain: a stable code, a readable message, details, and the kind of refusal. The
 * services know nothing of HTTP; only http/ turns a kind into a status code (see http/api-error.ts).
 */

/** Why a request is refused, in the service's own terms. */
export type RefusalKind = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "unprocessable" | "busy";

/** A refusal the service makes on purpose, thrown as a value. */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** The request names something that does not exist. */
export function notFound(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("not_found", code, message, details);
}

/** The request conflicts with the current state (a closed ballot, a second vote, a stale version...). */
export function conflict(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("conflict", code, message, details);
}

/** Understood, but refused by a domain rule (does not compile, input that does not fit...). */
export function unprocessable(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("unprocessable", code, message, details);
}

/** The request itself is malformed (a name that is not a name...). */
export function badRequest(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("bad_request", code, message, details);
}

/** The request carries more than the service takes. */
export function tooLarge(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("too_large", code, message, details);
}

/** The service is at its limit for this kind of work; the same request may succeed shortly. */
export function busy(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("busy", code, message, details);
}

/** No credentials, or credentials the service does not know. */
export function unauthenticated(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("unauthenticated", code, message, details);
}

/** Known credentials whose role may not do this. */
export function forbidden(code: string, message: string, details: unknown = null): Refusal {
  return new Refusal("forbidden", code, message, details);
}
