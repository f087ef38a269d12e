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
  Unknown: 500,
};

/**
 * What a client is told about a platform failure. The PlatformError's own message and details stay in the server
 * log: they carry the platform's answer (its error text, request URLs with a mall id or a token in them).
 */
export const PLATFORM_ERROR_MESSAGE = "The store platform did not complete the request.";

/** The one place errors become HTTP statuses: { error: { code, message, details? } }. */
export function errorHandler(log: (msg: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof PlatformError) {
      log(`Platform error on ${req.method} ${req.baseUrl}${req.path}`, err);
      if (err.retryAfterMs) res.set("Retry-After", String(Math.ceil(err.retryAfterMs / 1000)));
      const body: ApiErrorBody = {
        error: { code: err.code, message: PLATFORM_ERROR_MESSAGE, retriable: err.retriable },
      };
      res.status(STATUS[err.code]).json(body);
      return;
    }
    if (err instanceof ZodError) {
      res.status(400).json({ error: { code: "InvalidInput", message: "Invalid input", details: err.issues } });
      return;
    }
    if (err instanceof AppError) {
      res.status(STATUS[err.code]).json({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    // Body-parser errors (malformed JSON, too large) carry their own 4xx status.
    const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log("Unhandled error", err);
    res.status(status).json({
      error: {
        code: status === 500 ? "Unknown" : "InvalidInput",
        message: status === 500 ? "Internal error" : String(err.message),
      },
    });
  };
}
