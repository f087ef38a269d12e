/** One error vocabulary for the whole app; http/error-handler.ts maps codes to statuses in one place. */
export type ErrorCode =
  | "InvalidInput"
  | "Unauthorized"
  | "NotFound"
  | "Conflict"
  | "PlatformUnavailable"
  | "Unavailable"
  | "Unknown";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super("InvalidInput", message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Unauthorized") {
    super("Unauthorized", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("NotFound", message);
  }
}

/** Raised by platform adapters only; `retriable` tells callers whether backing off can help. */
export class PlatformError extends AppError {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly retryAfterMs?: number,
    details?: unknown,
  ) {
    super("PlatformUnavailable", message, details);
  }
}

/** This app cannot do it now (e.g. its database did not answer in time); the caller may try again (503). */
export class UnavailableError extends AppError {
  constructor(message: string) {
    super("Unavailable", message);
  }
}
