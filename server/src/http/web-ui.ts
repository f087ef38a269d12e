import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Serves the built admin UI (web/dist) with an SPA fallback for client-side routes. Embedded (Shopify mode):
 * index.html gets App Bridge's CDN script and the API-key meta tag it reads, and a frame-ancestors CSP so only
 * the shop's admin may frame the app (https://shopify.dev/docs/apps/build/security/set-up-iframe-protection).
 */
export function webUiRoutes(distDir: string, options: { shopifyApiKey?: string } = {}): Router {
  const router = Router();
  const indexHtml = path.join(distDir, "index.html");
  router.use(express.static(distDir, { index: false }));
  router.get("/{*splat}", (req, res, next) => {
    if (req.path.startsWith("/api/") || !fs.existsSync(indexHtml)) return next();
    if (!options.shopifyApiKey) return res.sendFile(indexHtml);
    const shop = typeof req.query.shop === "string" && SHOP_DOMAIN.test(req.query.shop) ? req.query.shop : null;
    res.set("Content-Security-Policy", `frame-ancestors ${shop ? `https://${shop} ` : ""}https://admin.shopify.com;`);
    res.type("html").send(embedAppBridge(fs.readFileSync(indexHtml, "utf8"), options.shopifyApiKey));
  });
  return router;
}

export function embedAppBridge(html: string, apiKey: string): string {
  const escaped = apiKey.replace(/[^A-Za-z0-9_-]/g, "");
  const tags = `<meta name="shopify-api-key" content="${escaped}" />\n    <script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`;
  return html.replace("<head>", `<head>\n    ${tags}`);
}
