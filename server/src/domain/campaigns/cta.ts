// Storefront URLs are relative and built only from ids and codes we control; never from merchant text.

/** Shopify variant GIDs ("gid://shopify/ProductVariant/123") and plain ids both end in the numeric id. */
function numericId(id: string): string | null {
  const match = /(\d+)$/.exec(id);
  return match ? match[1] : null;
}

/** One-click re-order: a cart permalink, with the code applied when there is one. */
export function cartPermalink(variantId: string | null, productTitle: string, code: string | null): string {
  const numeric = variantId ? numericId(variantId) : null;
  const base = numeric ? `/cart/${numeric}:1` : `/search?q=${encodeURIComponent(productTitle)}`;
  if (!code) return base;
  return `${base}${base.includes("?") ? "&" : "?"}discount=${encodeURIComponent(code)}`;
}

/** Applies a code through Shopify's /discount/CODE link, then lands on `redirect`. */
export function discountLink(code: string | null, redirect: string): string {
  if (!code) return redirect;
  return `/discount/${encodeURIComponent(code)}?redirect=${encodeURIComponent(redirect)}`;
}
