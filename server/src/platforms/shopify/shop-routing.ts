// Where requests for a shop go. Production: nowhere special, https://{shop} as shopify-api builds it.
// Demo and tests: the store simulator, which speaks the same Admin API over plain HTTP on loopback.
// shopify-api sends every request (GraphQL, token exchange, refresh) through one replaceable fetch, so
// redirecting here keeps the adapter's code path identical to production.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const routes = new Map<string, string>();
let installed = false;

/** The header that tells a multi-shop simulator which shop a rewritten request was for. */
export const SHOP_DOMAIN_HEADER = "x-shopify-shop-domain";

/** Sends every request for `shop` to `baseUrl` (e.g. http://127.0.0.1:5555) instead of https://{shop}. */
export function routeShopTo(shop: string, baseUrl: string): void {
  routes.set(shop.toLowerCase(), baseUrl.replace(/\/+$/, ""));
}

export function unrouteShop(shop: string): void {
  routes.delete(shop.toLowerCase());
}

/** The fetch every Shopify call goes through (also for bulk result files). */
export const shopFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const base = routes.get(url.hostname.toLowerCase());
  // Looked up per call so test guards that replace globalThis.fetch still apply.
  if (!base) return globalThis.fetch(request);
  const target = new URL(url.pathname + url.search, base);
  const headers = new Headers(request.headers);
  headers.set(SHOP_DOMAIN_HEADER, url.hostname);
  return globalThis.fetch(
    new Request(target, {
      method: request.method,
      headers,
      body: request.body,
      signal: request.signal,
      duplex: "half",
    } as RequestInit),
  );
};

export function installShopRouting(): void {
  if (installed) return;
  installed = true;
  setAbstractFetchFunc(shopFetch as Parameters<typeof setAbstractFetchFunc>[0]);
}
