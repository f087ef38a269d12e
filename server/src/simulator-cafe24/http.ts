// Cafe24's answer shapes: `{"resource": ...}` on success, `{"error": {"code", "message", "more_info"}}` on failure
// (Admin API guide, "Request/Response Format"), with 422 for a parameter outside its spec.
import type { ServerResponse } from "node:http";
import { sendJson } from "../simulator/http-util.js";

export class Cafe24HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendCafe24Error(res: ServerResponse, status: number, message: string, headers = {}): void {
  sendJson(res, status, { error: { code: status, message, more_info: {} } }, headers);
}

/** An integer query parameter within [min, max], or the default; 422 otherwise. */
export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null || text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new Cafe24HttpError(422, `${name} must be an integer from ${min} to ${max}. (${name})`);
  return value;
}

/** Cafe24 writes KRW amounts as decimal strings ("12000.00"); the simulator's are whole won. */
export const money = (won: number): string => `${Math.round(won)}.00`;

/** The `{shop_no, request: {...}}` body of a POST. */
export function requestBody(body: Record<string, unknown> | null): Record<string, unknown> {
  const request = body?.request;
  if (!request || typeof request !== "object" || Array.isArray(request))
    throw new Cafe24HttpError(422, "The request object is required. (request)");
  return request as Record<string, unknown>;
}
