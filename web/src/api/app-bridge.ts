// App Bridge 4 puts a `shopify` global on the page when the app runs embedded in the Shopify admin.
// Standalone (demo mode, or the CDN script could not load) it is absent and the UI falls back to plain fetches.
import { hasCafe24Session } from "./cafe24-session.js";

export interface ShopifyGlobal {
  idToken(): Promise<string>;
  config?: { shop?: string; locale?: string };
  toast?: { show(message: string, options?: { isError?: boolean }): void };
}

/** The Shopify global, or null when absent or when this tab was opened from the Cafe24 admin (App Bridge unused). */
export function embeddedShopify(): ShopifyGlobal | null {
  if (hasCafe24Session()) return null;
  const candidate = (window as unknown as { shopify?: ShopifyGlobal }).shopify;
  return candidate && typeof candidate.idToken === "function" ? candidate : null;
}

export function isEmbedded(): boolean {
  return embeddedShopify() !== null;
}
