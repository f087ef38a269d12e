// Storefront app-proxy signature check. Shopify signs the proxy query as its params sorted by key, each `k=v`
// (repeated values joined by ","), concatenated with NO separator, HMAC-SHA256 hex with the app secret. With no
// separator the signed message does not fix where one pair ends: the signature a guest receives for
// ?a=Zlogged_in_customer_id=12362 also matches a=Z&logged_in_customer_id=12362&logged_in_customer_id%3Dpath_prefix=….
// So the raw query is accepted only when it reads as exactly Shopify's own params, each once, with the only values
// Shopify sends; such a message splits one way only, and its signature is then checked with node:crypto.
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import type { AppProxyIdentity } from "../commerce-platform.js";

/** Shopify's tolerance for the signed timestamp, as in shopify-api's validateHmac. */
export const PROXY_WINDOW_SECONDS = 90;
/** The proxy prefix declared in shopify.app.toml; the theme extension's beacon URLs use it too. */
export const PROXY_PATH_PREFIX = "/apps/dangol";

/**
 * Every param Shopify adds to a proxied request, and the values it sends. All five are required. Our storefront
 * (extensions/dangol-banner, /preview, the demo's visit beacons) adds no params of its own, so nothing else is
 * allowed; any other key (a shopper's own `?a=…`, a key holding an "=") is refused rather than signed along.
 */
const SHOPIFY_PARAMS: Record<string, (value: string) => boolean> = {
  shop: (v) => v.length <= 255 && /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(v),
  // Empty for a guest; Shopify's numeric id otherwise (no leading zero: one id, one spelling).
  logged_in_customer_id: (v) => /^(?:[1-9][0-9]{0,19})?$/.test(v),
  path_prefix: (v) => v === PROXY_PATH_PREFIX,
  timestamp: (v) => /^[0-9]+$/.test(v),
  // Lower-case hex, as Shopify sends it and as shopify-api compares it.
  signature: (v) => /^[0-9a-f]{64}$/.test(v),
};
const PARAM_COUNT = Object.keys(SHOPIFY_PARAMS).length;

/** x-www-form-urlencoded decoding ("+" is a space); null for a malformed escape. */
function decode(text: string): string | null {
  if (!text.includes("%") && !text.includes("+")) return text;
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/**
 * Reads the raw query string (no leading "?"): pairs split on "&", key and value on the first "=", both
 * percent-decoded. Returns the params only if each is one of Shopify's, present exactly once, with a value it
 * accepts; otherwise null. Empty segments ("a&&b", a trailing "&") carry nothing and are skipped, as every parser does.
 */
export function parseCanonicalProxyQuery(rawQuery: string): Map<string, string> | null {
  const params = new Map<string, string>();
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? "" : pair.slice(eq + 1));
    if (key === null || value === null || params.has(key)) return null;
    const accepts = Object.hasOwn(SHOPIFY_PARAMS, key) ? SHOPIFY_PARAMS[key] : undefined;
    if (!accepts?.(value)) return null;
    params.set(key, value);
  }
  return params.size === PARAM_COUNT ? params : null;
}

/** Shopify's signed message: every param but `signature`, sorted by key, `k=v` concatenated with no separator. */
export function appProxyMessage(params: ReadonlyMap<string, string | readonly string[]>): string {
  let message = "";
  for (const key of [...params.keys()].sort()) {
    if (key === "signature") continue;
    const value = params.get(key)!;
    message += `${key}=${typeof value === "string" ? value : value.join(",")}`;
  }
  return message;
}

/**
 * Builds the check once per secret (the key object is imported once, not per request). The returned function
 * takes the raw query string and answers who is asking, or null for anything unsigned, forged, stale (more than
 * 90 s either side of `now`) or not in the one canonical form.
 */
export function createAppProxyVerifier(
  secret: string,
  now: () => Date = () => new Date(),
): (rawQuery: string) => AppProxyIdentity | null {
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  return (rawQuery) => {
    const params = parseCanonicalProxyQuery(rawQuery);
    if (!params) return null;
    // Whole seconds, as shopify-api compares them (so both agree at the window's edges).
    const nowSeconds = Math.trunc(now().getTime() / 1000);
    if (Math.abs(nowSeconds - Number(params.get("timestamp"))) > PROXY_WINDOW_SECONDS) return null;
    const expected = createHmac("sha256", key).update(appProxyMessage(params)).digest();
    if (!timingSafeEqual(expected, Buffer.from(params.get("signature")!, "hex"))) return null;
    const customer = params.get("logged_in_customer_id")!;
    return { shop: params.get("shop")!, customerId: customer === "" ? null : customer };
  };
}
