// App Bridge 4 puts a `shopify` global on the page when the app runs embedded in the Shopify admin.
// Standalone (demo mode, or the CDN script could not load) it is absent and the UI falls back to plain fetches.
export interface ShopifyGlobal {
  idToken(): Promise<string>;
  config?: { shop?: string; locale?: string };
  toast?: { show(message: string, options?: { isError?: boolean }): void };
}

export function embeddedShopify(): ShopifyGlobal | null {
  const candidate = (window as unknown as { shopify?: ShopifyGlobal }).shopify;
  return candidate && typeof candidate.idToken === "function" ? candidate : null;
}

export function isEmbedded(): boolean {
  return embeddedShopify() !== null;
}
