// Signs a storefront app-proxy query the way Shopify does: params sorted by key, `k=v` concatenated with no
// separator (repeated keys joined with ","), HMAC-SHA256 hex with the app secret, sent as `signature`.
import { createHmac } from "node:crypto";

export interface AppProxyRequest {
  shop: string;
  /** The proxy prefix the shopper used, e.g. "/apps/dangol". */
  pathPrefix?: string;
  /** Numeric customer id or "" when nobody is logged in. */
  loggedInCustomerId?: string | number | null;
  /** Seconds since epoch; defaults to now. */
  timestamp?: number;
  /** Extra query params the storefront sent (they are signed too). */
  extra?: Record<string, string | string[]>;
}

export function appProxySignature(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== "signature")
    .sort()
    .map((key) => `${key}=${Array.isArray(params[key]) ? (params[key] as string[]).join(",") : params[key]}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** Returns the full query string (without "?") Shopify would append when proxying to the app. */
export function signAppProxyQuery(request: AppProxyRequest, secret: string): string {
  const params: Record<string, string | string[]> = {
    ...(request.extra ?? {}),
    shop: request.shop,
    logged_in_customer_id:
      request.loggedInCustomerId == null
        ? ""
        : String(request.loggedInCustomerId).replace(/^gid:\/\/shopify\/Customer\//, ""),
    path_prefix: request.pathPrefix ?? "/apps/dangol",
    timestamp: String(request.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  const signature = appProxySignature(params, secret);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  search.append("signature", signature);
  return search.toString();
}
