/** The one error shape of the HTTP API, `{ error: { code, message, details } }`, and the status of each refusal. */

import type { Refusal, RefusalKind } from "../refusal.ts";

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** The HTTP status of each kind of domain refusal: the only place where the two meet. */
export const REFUSAL_STATUS: Readonly<Record<RefusalKind, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  busy: 503,
};

/** A refusal of the HTTP layer itself (a header, a query, the service's state), with its status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The JSON body sent to the client. */
  toBody(): ErrorBody {
    return errorBody(this);
  }
}

/** One way a request misses the API's schema, as Ajv reports it. */
export interface SchemaProblem {
  path: string;
  message: string;
  keyword: string;
  params: unknown;
}

/** The 400 VALIDATION_ERROR of a request that does not fit the API: every problem in the message and in details. */
export function validationError(problems: SchemaProblem[]): ApiError {
  return new ApiError(400, "VALIDATION_ERROR", `The request does not fit the API: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, { problems });
}

/** The JSON body of a refusal or an HTTP-layer error. */
export function errorBody(error: Refusal | ApiError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}
