// Webhook acknowledgement under a burst: 1,000 signed order deliveries posted at once (from a client process) to POST /api/webhooks (the
// real route, ingest service, SQLite file and Shopify adapter against the store simulator; every order re-predicts
// its customer, as in the app), versus bare node:http answering 200 to the same 1,000 bodies. Shopify gives up on
// a delivery after 5 s. Prints p50/p99 for both, the time until every delivery was applied, and
// `ratio webhook_p99_vs_bare_http <x>` (our p99 / bare p99: lower is better, 1 would be as fast as bare).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { LogSeverity } from "@shopify/shopify-api";
import { createDb } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as shops from "../../server/src/db/repositories/shop.repository.js";
import { createApp } from "../../server/src/http/app.js";
import { webhookRoutes } from "../../server/src/http/routes/webhooks.routes.js";
import { createShopifyStack } from "../../server/src/platforms/shopify/shopify-stack.js";
import { createPlatformRegistry } from "../../server/src/platforms/registry.js";
import { routeShopTo } from "../../server/src/platforms/shopify/shop-routing.js";
import { createOrderSyncService } from "../../server/src/services/order-sync.service.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { startSimulator } from "../../server/src/simulator/index.js";
import { orderDeliveries } from "../helpers/order-webhooks.js";

const SHOP = "bench-hooks.myshopify.com";
const APP = { apiKey: "bench", apiSecret: "bench-webhook-secret" };
const N = 1000;
const quiet = () => undefined;

const sim = await startSimulator({
  app: APP,
  bulkDelayMs: 10,
  throttle: { maximumAvailable: 20_000, restoreRate: 10_000 },
  shops: [{ domain: SHOP, seed: { until: new Date("2010-02-01T00:00:00Z"), maxCustomers: 400 } }],
});
const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-hooks-bench-"));
const { db } = createDb({ kind: "sqlite", filename: path.join(dir, "bench.sqlite") });
await migrateToLatest(db);
const stack = createShopifyStack(db, { ...APP, appUrl: "http://127.0.0.1", scopes: [], logLevel: LogSeverity.Error });
routeShopTo(SHOP, sim.url);
await stack.tokens.exchange(SHOP, sim.mintSessionToken(SHOP));
await shops.upsertInstalledShop(db, SHOP, "shopify", new Date());
const platforms = createPlatformRegistry(db, [stack.platform]);

// A live shop with a fitted model, so each order delivery re-predicts its customer as in production.
const recompute = createRecomputeService({ db, clock: () => new Date(), log: quiet });
const pipeline = createPipeline({ db, recompute, log: quiet });
await createOrderSyncService({ db, platforms, bulkPollMs: 10, log: quiet }).backfill(SHOP);
await pipeline.shopSynced(SHOP);
const ingest = createWebhookIngestService({
  db,
  platforms,
  privacy: createPrivacyService({ db }),
  onOrderChanged: pipeline.orderChanged,
  log: quiet,
});
const app = createApp({
  db,
  dbKind: "sqlite",
  rawMounts: [{ path: "/api/webhooks", handler: webhookRoutes({ ingest, platform: "shopify" }) }],
  mounts: [],
});

// New orders of existing customers, held by the simulated shop so the ownership check confirms them.
const deliveries = orderDeliveries(sim, APP.apiSecret, SHOP, N, 9_000_000);

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const deliveriesFile = path.join(dir, "deliveries.json");
writeFileSync(deliveriesFile, JSON.stringify(deliveries));

/** Posts every delivery at once from a client process; each one's time to its answer, sorted, and the statuses that were not 200. */
function burst(url: string): Promise<{ ms: number[]; bad: number[] }> {
  const client = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(import.meta.dirname, "webhook-burst-client.ts"),
      `${url}/api/webhooks`,
      deliveriesFile,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  client.stdout.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) =>
    client.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`burst client exited ${code}`)),
    ),
  );
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

// Baseline: node:http reading each body and answering 200, nothing else.
const bare = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
});
const bareRun = await burst(await listen(bare));
await new Promise<void>((r) => bare.close(() => r()));

const ours = createServer(app);
const burstStart = performance.now();
const ourRun = await burst(await listen(ours));
const answeredMs = performance.now() - burstStart;
await ingest.idle();
const appliedMs = performance.now() - burstStart;
const stored = (await Promise.all(deliveries.map((d) => orders.findOrder(db, SHOP, String(d.orderId))))).filter(
  Boolean,
).length;

const rss = Math.round(process.memoryUsage().rss / 1e6);
console.log(`bare node:http: p50 ${fmt(pct(bareRun.ms, 50))}, p99 ${fmt(pct(bareRun.ms, 99))}`);
console.log(
  `POST /api/webhooks: p50 ${fmt(pct(ourRun.ms, 50))}, p99 ${fmt(pct(ourRun.ms, 99))}, max ${fmt(ourRun.ms.at(-1)!)}; non-200: ${ourRun.bad.length}`,
);
console.log(
  `all answered after ${fmt(answeredMs)}, all applied after ${fmt(appliedMs)}: ${stored}/${N} orders stored; RSS ${rss} MB`,
);
console.log(`ratio webhook_p99_vs_bare_http ${(pct(ourRun.ms, 99) / pct(bareRun.ms, 99)).toFixed(2)}`);
await new Promise<void>((r) => ours.close(() => r()));
await sim.close();
await db.destroy();
if (stored !== N || ourRun.bad.length) process.exit(1);
