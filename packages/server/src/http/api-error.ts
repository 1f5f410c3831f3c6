/** The one error shape of the HTTP API: `{ error: { code, message, details } }`, thrown as a value with its status. */

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** A refusal the service answers on purpose: an HTTP status, a stable code, a readable message. */
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
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/** 404 with a code naming what was missing. */
export function notFound(code: string, message: string, details: unknown = null): ApiError {
  return new ApiError(404, code, message, details);
}

/** 409: the request conflicts with the current state (closed ballot, duplicate vote...). */
export function conflict(code: string, message: string, details: unknown = null): ApiError {
  return new ApiError(409, code, message, details);
}

/** 422: understood, but refused by a domain rule (does not compile, invalid input...). */
export function unprocessable(code: string, message: string, details: unknown = null): ApiError {
  return new ApiError(422, code, message, details);
}
