import type { ApiErrorBody } from "../../../server/src/contracts/admin-api.js";
import { embeddedShopify } from "./app-bridge.js";
import { cafe24Token, endCafe24Session, hasCafe24Session } from "./cafe24-session.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error body's details, e.g. the refused fields of a campaign edit. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * fetch for /api/*: opened from the Cafe24 admin, sends the launch's Cafe24 admin token (cafe24-session.ts);
 * embedded in Shopify, asks App Bridge for a fresh session token (they live one minute) and sends it as a bearer
 * token; standalone (demo) the server scopes requests to the demo shop itself.
 */
export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const cafe24 = hasCafe24Session();
  if (cafe24) {
    const token = cafe24Token();
    // Expired here: no request could succeed, so none is sent; the app shows "open Dangol from Cafe24 again".
    if (!token) throw new ApiError(401, "Unauthorized", "Cafe24 session expired");
    headers.Authorization = `Bearer ${token}`;
  } else {
    const shopify = embeddedShopify();
    if (shopify) headers.Authorization = `Bearer ${await shopify.idToken()}`;
  }
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (cafe24 && res.status === 401) endCafe24Session();
    const err = (json as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, err?.code ?? "Unknown", err?.message ?? res.statusText, err?.details);
  }
  return json as T;
}

/** Query string from defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : "";
}
