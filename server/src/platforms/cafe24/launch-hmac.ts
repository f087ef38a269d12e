// Cafe24 app-launch check. Cafe24 opens the App URL with `mall_id`, `user_id`, `user_name`, `user_type`,
// `timestamp` (and `lang`, `nation`, `shop_no`, `is_multi_shop`) sorted by name, `hmac` last: base64
// HMAC-SHA256, with the client secret, of the query string before `&hmac=` (Cafe24's sample app,
// cafe24_app_discount_sample AppService.validationCheck). The bytes are signed as sent, so a query is accepted only
// in that one form: known keys, each once, in Cafe24's order, `hmac` last; anything else (a key repeated, a pair
// split or joined differently, an extra param) is refused before the signature is checked.
// Assumed (Cafe24 documents neither): the key list beyond the five named above, and the timestamp window.
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";

/** Seconds either side of now a launch link is good for (assumed; Cafe24 does not say). */
export const LAUNCH_WINDOW_SECONDS = 300;

/** Cafe24's mall ids are lower-case letters and digits (they name a host: {mall_id}.cafe24api.com). */
export const MALL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/;

const LAUNCH_PARAMS: Record<string, (value: string) => boolean> = {
  auth_config: (v) => v.length <= 200,
  is_multi_shop: (v) => v === "T" || v === "F",
  lang: (v) => /^[a-z]{2}_[A-Z]{2}$/.test(v),
  mall_id: (v) => MALL_ID_PATTERN.test(v),
  nation: (v) => /^[A-Z]{2}$/.test(v),
  shop_no: (v) => /^[1-9][0-9]{0,4}$/.test(v),
  timestamp: (v) => /^[1-9][0-9]{0,11}$/.test(v),
  user_id: (v) => v.length <= 100,
  user_name: (v) => v.length <= 200,
  user_type: (v) => /^[A-Z]{1,2}$/.test(v),
};
const REQUIRED = ["mall_id", "timestamp"];
const HMAC_PATTERN = /^[A-Za-z0-9+/]{43}=$/; // 32 bytes in standard base64

export interface Cafe24Launch {
  mallId: string;
  userId: string | null;
  userType: string | null;
  shopNo: number;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/**
 * Splits the raw query into the signed part and the hmac, and the params, or null unless it is in Cafe24's one
 * form: `k=v` pairs with known keys in ascending order (so each once), then `hmac=` last.
 */
export function parseCanonicalLaunchQuery(
  rawQuery: string,
): { signed: string; hmac: string; params: Map<string, string> } | null {
  const at = rawQuery.lastIndexOf("&hmac=");
  if (at <= 0) return null;
  const signed = rawQuery.slice(0, at);
  const hmac = decode(rawQuery.slice(at + "&hmac=".length));
  if (hmac === null || !HMAC_PATTERN.test(hmac)) return null;
  const params = new Map<string, string>();
  let previous = "";
  for (const pair of signed.split("&")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return null;
    const key = pair.slice(0, eq);
    const value = decode(pair.slice(eq + 1));
    // Strictly ascending keys: no repeats, no reordering, one way to read the signed bytes.
    if (value === null || key <= previous || !Object.hasOwn(LAUNCH_PARAMS, key) || !LAUNCH_PARAMS[key](value))
      return null;
    previous = key;
    params.set(key, value);
  }
  return REQUIRED.every((k) => params.has(k)) ? { signed, hmac, params } : null;
}

/** The message Cafe24 signs, for the simulator and tests: params sorted by key, form-encoded, hmac appended. */
export function signCafe24LaunchQuery(params: Record<string, string>, clientSecret: string): string {
  const signed = Object.keys(params)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(params[k])}`)
    .join("&");
  const hmac = createHmac("sha256", clientSecret).update(signed).digest("base64");
  return `${signed}&hmac=${encodeURIComponent(hmac)}`;
}

/**
 * Builds the check once per secret. The returned function takes the raw query string (no "?") and says which
 * mall is launching, or null for anything unsigned, forged, stale or not in the one canonical form.
 */
export function createCafe24LaunchVerifier(
  clientSecret: string,
  now: () => number = Date.now,
  windowSeconds = LAUNCH_WINDOW_SECONDS,
): (rawQuery: string) => Cafe24Launch | null {
  const key = createSecretKey(Buffer.from(clientSecret, "utf8"));
  return (rawQuery) => {
    const parsed = parseCanonicalLaunchQuery(rawQuery);
    if (!parsed) return null;
    const { params } = parsed;
    if (Math.abs(Math.trunc(now() / 1000) - Number(params.get("timestamp"))) > windowSeconds) return null;
    const expected = createHmac("sha256", key).update(parsed.signed).digest();
    if (!timingSafeEqual(expected, Buffer.from(parsed.hmac, "base64"))) return null;
    return {
      mallId: params.get("mall_id")!,
      userId: params.get("user_id") ?? null,
      userType: params.get("user_type") ?? null,
      shopNo: Number(params.get("shop_no") ?? "1"),
    };
  };
}
