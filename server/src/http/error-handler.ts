import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import type { ApiErrorBody } from "../contracts/admin-api.js";
import { AppError, type ErrorCode, PlatformError } from "../domain/shared/errors.js";

const STATUS: Record<ErrorCode, number> = {
  InvalidInput: 400,
  Unauthorized: 401,
  NotFound: 404,
  Conflict: 409,
  PlatformUnavailable: 503,
  Unavailable: 503,
  Unknown: 500,
};

/**
 * What a client is told about a platform failure. The PlatformError's own message and details stay in the server
 * log: they carry the platform's answer (its error text, request URLs with a mall id or a token in them).
 */
export const PLATFORM_ERROR_MESSAGE = "The store platform did not complete the request.";

/** An error's answer: status, JSON body and extra headers. */
export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * The one place errors become HTTP statuses: { error: { code, message, details? } }. `where` names the request in
 * the log. Shared by Express's error handler and the node:http fast paths (webhook-fast-path.ts).
 */
export function errorAnswer(err: unknown, where: string, log: (msg: string, err: unknown) => void): ErrorAnswer {
  if (err instanceof PlatformError) {
    log(`Platform error on ${where}`, err);
    const body: ApiErrorBody = { error: { code: err.code, message: PLATFORM_ERROR_MESSAGE, retriable: err.retriable } };
    const headers = err.retryAfterMs ? { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)) } : undefined;
    return { status: STATUS[err.code], body, headers };
  }
  if (err instanceof ZodError)
    return { status: 400, body: { error: { code: "InvalidInput", message: "Invalid input", details: err.issues } } };
  if (err instanceof AppError)
    return {
      status: STATUS[err.code],
      body: { error: { code: err.code, message: err.message, details: err.details } },
    };
  // Body-parser errors (malformed JSON, too large) carry their own 4xx status.
  const { status: own, message } = (err ?? {}) as { status?: unknown; message?: unknown };
  const status = typeof own === "number" && own >= 400 && own < 500 ? own : 500;
  if (status === 500) log("Unhandled error", err);
  return {
    status,
    body: {
      error: {
        code: status === 500 ? "Unknown" : "InvalidInput",
        message: status === 500 ? "Internal error" : String(message),
      },
    },
  };
}

export function errorHandler(log: (msg: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const answer = errorAnswer(err, `${req.method} ${req.baseUrl}${req.path}`, log);
    if (answer.headers) res.set(answer.headers);
    res.status(answer.status).json(answer.body);
  };
}
