// Storefront URLs are relative and built only from ids and codes we control; never from merchant text.

/**
 * Whose storefront the link is for. Shopify applies a code through /discount/CODE and cart permalinks; Cafe24 has
 * neither: its coupons are issued into the member's coupon box, so a Cafe24 link never carries a code.
 */
export type StorefrontLinks = "shopify" | "cafe24";

/** Cafe24's own coupon box (behind Cafe24's member login): where an issued coupon is seen and then used. */
export const CAFE24_COUPON_PAGE = "/myshop/coupon/coupon.html";

/** Shopify variant GIDs ("gid://shopify/ProductVariant/123") and plain ids both end in the numeric id. */
function numericId(id: string): string | null {
  const match = /(\d+)$/.exec(id);
  return match ? match[1] : null;
}

/** One-click re-order: a cart permalink, with the code applied when there is one (Cafe24: its product page). */
export function cartPermalink(
  variantId: string | null,
  productTitle: string,
  code: string | null,
  links: StorefrontLinks = "shopify",
  productId: string | null = null,
): string {
  if (links === "cafe24") {
    const productNo = productId && /^\d{1,12}$/.test(productId) ? productId : null;
    return productNo
      ? `/product/detail.html?product_no=${productNo}`
      : `/product/search.html?keyword=${encodeURIComponent(productTitle)}`;
  }
  const numeric = variantId ? numericId(variantId) : null;
  const base = numeric ? `/cart/${numeric}:1` : `/search?q=${encodeURIComponent(productTitle)}`;
  if (!code) return base;
  return `${base}${base.includes("?") ? "&" : "?"}discount=${encodeURIComponent(code)}`;
}

/** Applies a code through Shopify's /discount/CODE link, then lands on `redirect`; Cafe24: the coupon box. */
export function discountLink(code: string | null, redirect: string, links: StorefrontLinks = "shopify"): string {
  if (!code) return redirect;
  if (links === "cafe24") return CAFE24_COUPON_PAGE;
  return `/discount/${encodeURIComponent(code)}?redirect=${encodeURIComponent(redirect)}`;
}
