import fs from "node:fs";
import path from "node:path";
import express, { Router, type Request, type RequestHandler, type Response } from "express";

/** Vite's content-hashed file names (`index-DBohGnos.js`): their content never changes under that name. */
const HASHED = /-[\w-]{8}\.[a-z0-9]+$/;
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
/** Built next to each text asset by web/vite.config.ts, best first. */
const ENCODINGS = { br: ".br", gzip: ".gz" } as const;
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Revalidate every time: index.html names the current hashed assets, so it must never be served stale. */
export const REVALIDATE = "no-cache";

/**
 * Serves the built admin UI (web/dist) with an SPA fallback for client-side routes. Hashed assets are cached for
 * a year and sent precompressed (brotli or gzip, as the browser accepts); the shell and anything unhashed is
 * revalidated on each visit. Embedded (Shopify mode): index.html gets App Bridge's CDN script and the API-key meta
 * tag it reads. Who may frame it (frame-ancestors) is set for every response by createApp's security headers
 * (security-headers.ts), not here.
 */
export function webUiRoutes(distDir: string, options: { shopifyApiKey?: string } = {}): Router {
  const router = Router();
  const indexHtml = path.join(distDir, "index.html");
  const shell: RequestHandler = (req, res, next) => {
    if (req.path.startsWith("/api/") || !fs.existsSync(indexHtml)) return next();
    res.set("Cache-Control", REVALIDATE);
    if (!options.shopifyApiKey) return res.sendFile(indexHtml);
    res.type("html").send(embedAppBridge(fs.readFileSync(indexHtml, "utf8"), options.shopifyApiKey));
  };
  const assetsDir = path.join(distDir, "assets");
  const serve = (dir: string) => express.static(dir, { index: false, setHeaders: assetHeaders });
  // A direct /index.html is the shell too: served as a static file it lacked App Bridge in Shopify mode.
  router.get("/index.html", shell);
  // An asset a redeploy removed is a 404, never the HTML shell under a .js name.
  router.use("/assets", precompressed(assetsDir), serve(assetsDir), (_req, res) => {
    res.status(404).set("Cache-Control", REVALIDATE).type("text").send("Not found");
  });
  router.use(serve(distDir));
  router.get("/{*splat}", shell);
  return router;
}

/** Points the request at the .br/.gz twin when one exists and the browser takes it (express.static then sends it). */
function precompressed(assetsDir: string): RequestHandler {
  return (req, _res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !COMPRESSIBLE.test(req.path)) return next();
    // Ours first: browsers list gzip before br with equal weight, and negotiation would follow their order.
    const encoding = (["br", "gzip"] as const).find((e) => req.acceptsEncodings(e) === e);
    if (!encoding) return next();
    const suffix = ENCODINGS[encoding];
    const file = path.join(assetsDir, safeDecode(req.path));
    if (!file.startsWith(assetsDir + path.sep) || !fs.existsSync(file + suffix)) return next();
    req.url = req.url.replace(/^([^?]*)/, `$1${suffix}`);
    next();
  };
}

function safeDecode(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return "";
  }
}

function assetHeaders(res: Response, filePath: string): void {
  const encoding = Object.entries(ENCODINGS).find(([, suffix]) => filePath.endsWith(suffix))?.[0];
  const original = encoding ? filePath.slice(0, -ENCODINGS[encoding as keyof typeof ENCODINGS].length) : filePath;
  if (encoding) {
    res.set("Content-Encoding", encoding);
    res.type(path.extname(original));
  }
  if (COMPRESSIBLE.test(original)) res.vary("Accept-Encoding");
  const inAssets = (res.req as Request).baseUrl.endsWith("/assets");
  res.set("Cache-Control", inAssets && HASHED.test(original) ? IMMUTABLE : REVALIDATE);
}

export function embedAppBridge(html: string, apiKey: string): string {
  const escaped = apiKey.replace(/[^A-Za-z0-9_-]/g, "");
  const tags = `<meta name="shopify-api-key" content="${escaped}" />\n    <script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`;
  return html.replace("<head>", `<head>\n    ${tags}`);
}
