/** Every error leaves the service as `{ error: { code, message, details } }`: validation, parsing, domain refusals, 404s, and the unexpected. */

import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { isUnstorableText } from "../store/sql-errors.ts";
import { Refusal } from "../refusal.ts";
import { ApiError, errorBody, REFUSAL_STATUS, validationError, type ErrorBody, type SchemaProblem } from "./api-error.ts";

// Fastify's own client errors, renamed to stable API codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "INVALID_CONTENT_LENGTH",
  FST_ERR_VALIDATION: "VALIDATION_ERROR",
  FST_ERR_BAD_URL: "BAD_URL",
  FST_ERR_MAX_PARAM_LENGTH: "URL_TOO_LONG",
};

function body(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** Maps any thrown value to a status and the API error body; a 500 never carries the internal message or stack. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof Refusal) return { status: REFUSAL_STATUS[error.kind], body: errorBody(error) };
  if (error instanceof ApiError) return { status: error.statusCode, body: error.toBody() };
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown[]; validationContext?: string };
  if (fastifyError?.validation) {
    const problems = fastifyError.validation.map((v): SchemaProblem => {
      const item = v as { instancePath?: string; message?: string; keyword?: string; params?: unknown };
      return { path: `${fastifyError.validationContext ?? "body"}${item.instancePath ?? ""}`, message: item.message ?? "is invalid", keyword: item.keyword ?? "", params: item.params ?? {} };
    });
    return { status: 400, body: validationError(problems).toBody() };
  }
  // The client's text, not the service, is at fault; the database refused it before storing anything.
  if (isUnstorableText(error)) return { status: 400, body: body("UNSTORABLE_TEXT", "The request contains text that cannot be stored (a NUL character, \\u0000).") };
  const status = typeof fastifyError?.statusCode === "number" ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[fastifyError.code ?? ""] ?? (error instanceof SyntaxError ? "INVALID_JSON" : (fastifyError.code ?? "BAD_REQUEST"));
    return { status, body: body(code, fastifyError.message ?? "Bad request") };
  }
  return { status: 500, body: body("INTERNAL_ERROR", "The service failed to answer this request; the failure has been logged.") };
}

/** Answers a request with the error's status and API body; returns the status for logging. */
export function sendError(reply: FastifyReply, error: unknown): { status: number; code: string } {
  const { status, body: payload } = toErrorResponse(error);
  void reply.status(status).type("application/json; charset=utf-8").send(payload);
  return { status, code: payload.error.code };
}

/** Installs the error and not-found handlers on the app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, code } = sendError(reply, error);
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code, status }, "request refused");
    return reply;
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(body("NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`, { method: request.method }));
  });
}

/**
 * Fastify's clientErrorHandler: a request Node's HTTP parser refuses before Fastify sees it (a raw non-ASCII URL,
 * oversized headers, a header timeout) is answered in the API's shape too, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  let status = 400;
  let payload = body("BAD_REQUEST_LINE", "The request line or headers are not valid HTTP. Percent-encode non-ASCII characters in the URL (e.g. encodeURIComponent(\"民主测评\")).", { parserCode: error.code ?? null });
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    status = 408;
    payload = body("REQUEST_TIMEOUT", "The request did not arrive in time.");
  } else if (error.code === "HPE_HEADER_OVERFLOW") {
    status = 431;
    payload = body("HEADERS_TOO_LARGE", "The request headers are too large.");
  }
  if (socket.writable) {
    const text = JSON.stringify(payload);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`);
  }
  socket.destroy(error);
}
