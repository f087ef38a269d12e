import { createHmac } from "node:crypto";
import { createAppProxyVerifier } from "../../server/src/platforms/shopify/app-proxy-verifier.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";

export const PROXY_SECRET = "test-app-secret";

/** Signs a proxy query the way Shopify does: sorted "k=v" pairs joined with nothing, HMAC-SHA256 hex. */
export function signProxyQuery(params: Record<string, string>, secret = PROXY_SECRET): URLSearchParams {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  return new URLSearchParams({ ...params, signature });
}

export function proxyParams(
  shop: string,
  customerId: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return { shop, logged_in_customer_id: customerId, path_prefix: "/apps/dangol", timestamp: String(timestamp) };
}

/** The real Shopify adapter's check (node:crypto over the canonical raw query, 90 s window), with the test secret. */
export function realProxyVerifier(): Pick<CommercePlatform, "verifyAppProxy"> {
  return { verifyAppProxy: createAppProxyVerifier(PROXY_SECRET) };
}
