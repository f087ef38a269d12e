import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../domain/shared/errors.js";

const STATUS: Record<ErrorCode, number> = {
  InvalidInput: 400,
  Unauthorized: 401,
  NotFound: 404,
  Conflict: 409,
  PlatformUnavailable: 503,
  Unknown: 500,
};

/** The one place errors become HTTP statuses: { error: { code, message, details? } }. */
export function errorHandler(log: (msg: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, _req, res, _next) => {
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
