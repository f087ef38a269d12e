import { createHmac } from "node:crypto";
import { LogSeverity } from "@shopify/shopify-api";
import { createShopifyApp } from "../../server/src/platforms/shopify/shopify-app.js";
import { verifyAppProxy } from "../../server/src/platforms/shopify/webhook-verifier.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import type { Db } from "../../server/src/db/database.js";

export const PROXY_SECRET = "test-app-secret";

/** Signs a proxy query the way Shopify does: sorted "k=v" pairs joined with nothing, HMAC-SHA256 hex. */
export function signProxyQuery(params: Record<string, string>, secret = PROXY_SECRET): URLSearchParams {
  const message = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  return new URLSearchParams({ ...params, signature });
}

export function proxyParams(shop: string, customerId: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { shop, logged_in_customer_id: customerId, path_prefix: "/apps/dangol", timestamp: String(timestamp) };
}

/** The real Shopify adapter's check (shopify-api validateHmac, signator appProxy, 90 s window). */
export function realProxyVerifier(db: Db): Pick<CommercePlatform, "verifyAppProxy"> {
  const { api } = createShopifyApp(db, { apiKey: "test-key", apiSecret: PROXY_SECRET, appUrl: "http://localhost:3000", scopes: [], logLevel: LogSeverity.Error });
  return { verifyAppProxy: (query) => verifyAppProxy(api, query, new Date()) };
}
