import type { RequestHandler } from "express";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Sent with every response, including the app proxy's fast path (which writes its headers itself). */
export const NOSNIFF = { "X-Content-Type-Options": "nosniff" } as const;

/** One year; the app's own host only (its subdomains are not ours to decide for). */
export const HSTS = "max-age=31536000";

/** How the app is served: the demo (http, local), or in production embedded in Shopify's admin or Cafe24's only. */
export type ServingMode = "demo" | "shopify" | "cafe24";

/**
 * Who may frame our pages (https://shopify.dev/docs/apps/build/security/set-up-iframe-protection). Embedded:
 * the shop's own admin domain (from a well-formed `shop` parameter) and admin.shopify.com. Demo and Cafe24 (whose
 * admin opens the app in its own window): the app itself only.
 */
export function frameAncestors(mode: ServingMode, shopParam: unknown): string {
  if (mode !== "shopify") return "frame-ancestors 'self';";
  const shop = typeof shopParam === "string" && SHOP_DOMAIN.test(shopParam) ? shopParam : null;
  return `frame-ancestors ${shop ? `https://${shop} ` : ""}https://admin.shopify.com;`;
}

/**
 * Set before any route runs, so no response escapes them: not the SPA shell, a direct /index.html, a static file,
 * the demo preview or an error. HSTS in production, where the app is served over https (both platforms require it).
 */
export function securityHeaders(mode: ServingMode): RequestHandler {
  return (req, res, next) => {
    res.set(NOSNIFF);
    res.set("Content-Security-Policy", frameAncestors(mode, req.query.shop));
    if (mode !== "demo") res.set("Strict-Transport-Security", HSTS);
    next();
  };
}
