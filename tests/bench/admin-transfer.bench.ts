// Bytes a merchant's browser downloads for the admin dashboard, first visit and repeat visit (Chromium, CDP
// Network: encoded bytes on the wire, headers included), as served now (precompressed, hashed assets immutable,
// split by route) versus the same build served the old way (express.static: uncompressed, max-age=0, so every
// asset is revalidated). Prints `ratio …` lines (< 1 means we send less).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import path from "node:path";
import express, { Router } from "express";
import { chromium, type BrowserContext } from "playwright-core";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createApp } from "../../server/src/http/app.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { webUiRoutes } from "../../server/src/http/web-ui.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild } from "../browser/admin-server.js";
import { createTestDb } from "../helpers/test-db.js";
import { listen, NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";

const DIST = path.resolve(import.meta.dirname, "../../web/dist");

/** The serving before this change: plain static files and the shell, default headers. */
function oldWebUi(): Router {
  const router = Router();
  router.use(express.static(DIST, { index: false }));
  router.get("/{*splat}", (_req, res) => res.sendFile(path.join(DIST, "index.html")));
  return router;
}

interface Visit {
  bytes: number;
  requests: number;
  fromCache: number;
  revalidated: number;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const result: Visit = { bytes: 0, requests: 0, fromCache: 0, revalidated: 0 };
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    result.bytes += e.encodedDataLength;
  });
  cdp.on("Network.requestWillBeSent", () => void result.requests++);
  cdp.on("Network.requestServedFromCache", () => void result.fromCache++);
  cdp.on("Network.responseReceived", (e: { response: { status: number; fromDiskCache?: boolean } }) => {
    if (e.response.status === 304) result.revalidated++;
    else if (e.response.fromDiskCache) result.fromCache++;
  });
  await cdp.send("Network.enable");
  await page.goto(url);
  await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  await page.getByTestId("segment-grid").waitFor();
  await page.waitForLoadState("networkidle");
  await page.close();
  return result;
}

ensureWebBuild();
const db = await createTestDb();
await seedTwoShops(db.db);
const serve = (ui: Router) =>
  listen(
    createApp({
      db: db.db,
      dbKind: db.kind,
      mounts: [{ path: "/api", handler: adminRoutes({ db: db.db, auth: demoShopAuth(SHOP_A), now: () => NOW }) }],
      staticMounts: [{ path: "/", handler: ui }],
    }),
  );
const servers = { old: await serve(oldWebUi()), ours: await serve(webUiRoutes(DIST)) };
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const results: Record<string, { first: Visit; repeat: Visit }> = {};
for (const [name, server] of Object.entries(servers)) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const first = await visit(context, server.url);
  const repeat = await visit(context, server.url);
  results[name] = { first, repeat };
  console.log(
    `${name}: first visit ${first.bytes} B in ${first.requests} requests; repeat visit ${repeat.bytes} B in ${repeat.requests} requests (${repeat.fromCache} from cache, ${repeat.revalidated} answered 304)`,
  );
  await context.close();
}
await browser.close();
await servers.old.close();
await servers.ours.close();
await db.destroy();

const assets = readdirSync(path.join(DIST, "assets")).filter((f) => /\.(js|css)$/.test(f));
const size = (f: string) => statSync(path.join(DIST, "assets", f)).size;
const gzipped = (f: string) => gzipSync(readFileSync(path.join(DIST, "assets", f)), { level: 9 }).length;
const largest = assets.filter((f) => f.endsWith(".js")).sort((a, b) => gzipped(b) - gzipped(a))[0];
const brotli = brotliCompressSync(readFileSync(path.join(DIST, "assets", largest))).length;
console.log(
  `admin_js_raw_bytes ${assets.filter((f) => f.endsWith(".js")).reduce((s, f) => s + size(f), 0)} in ${assets.filter((f) => f.endsWith(".js")).length} chunks`,
);
console.log(`admin_largest_chunk ${largest} ${size(largest)} B raw, ${gzipped(largest)} B gzipped, ${brotli} B brotli`);
console.log(
  `ratio admin_first_visit_bytes_vs_uncompressed ${(results.ours.first.bytes / results.old.first.bytes).toFixed(3)}`,
);
console.log(
  `ratio admin_repeat_visit_bytes_vs_revalidated ${(results.ours.repeat.bytes / results.old.repeat.bytes).toFixed(3)}`,
);
