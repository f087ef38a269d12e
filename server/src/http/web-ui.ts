import fs from "node:fs";
import path from "node:path";
import express, { Router, type RequestHandler } from "express";

/**
 * Serves the built admin UI (web/dist) with an SPA fallback for client-side routes. Embedded (Shopify mode):
 * index.html gets App Bridge's CDN script and the API-key meta tag it reads. Who may frame it (frame-ancestors)
 * is set for every response by createApp's security headers (security-headers.ts), not here.
 */
export function webUiRoutes(distDir: string, options: { shopifyApiKey?: string } = {}): Router {
  const router = Router();
  const indexHtml = path.join(distDir, "index.html");
  const shell: RequestHandler = (req, res, next) => {
    if (req.path.startsWith("/api/") || !fs.existsSync(indexHtml)) return next();
    if (!options.shopifyApiKey) return res.sendFile(indexHtml);
    res.type("html").send(embedAppBridge(fs.readFileSync(indexHtml, "utf8"), options.shopifyApiKey));
  };
  // A direct /index.html is the shell too: served as a static file it lacked App Bridge in Shopify mode.
  router.get("/index.html", shell);
  router.use(express.static(distDir, { index: false }));
  router.get("/{*splat}", shell);
  return router;
}

export function embedAppBridge(html: string, apiKey: string): string {
  const escaped = apiKey.replace(/[^A-Za-z0-9_-]/g, "");
  const tags = `<meta name="shopify-api-key" content="${escaped}" />\n    <script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`;
  return html.replace("<head>", `<head>\n    ${tags}`);
}
