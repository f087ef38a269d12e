// A real wiring for sync tests: store simulator + real DB + the Shopify adapter + our HTTP app.
import { createHmac, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { LogSeverity } from "@shopify/shopify-api";
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from "../../server/src/simulator/index.js";
import { createApp } from "../../server/src/http/app.js";
import { webhookRoutes } from "../../server/src/http/routes/webhooks.routes.js";
import { syncRoutes } from "../../server/src/http/routes/sync.routes.js";
import { createShopifyStack, type ShopifyStack } from "../../server/src/platforms/shopify/shopify-stack.js";
import { routeShopTo } from "../../server/src/platforms/shopify/shop-routing.js";
import * as shops from "../../server/src/db/repositories/shop.repository.js";
import { createOrderSyncService, type OrderSyncDeps } from "../../server/src/services/order-sync.service.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { registryOf } from "../helpers/platforms.js";
import type { PlatformRegistry } from "../../server/src/platforms/registry.js";

export const APP = { apiKey: "test-api-key", apiSecret: "test-secret-0123456789" };

/** The headers Shopify sends with a webhook delivery, signed with the test app's secret (HMAC over the body only). */
export function signedWebhookHeaders(body: string, topic: string, shop: string, webhookId: string = randomUUID()) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": webhookId,
    "x-shopify-triggered-at": new Date().toISOString(),
    "x-shopify-hmac-sha256": createHmac("sha256", APP.apiSecret).update(body).digest("base64"),
  };
}

export interface Harness {
  t: TestDb;
  sim: SimulatorHandle;
  stack: ShopifyStack;
  /** The Shopify adapter registered as main.ts registers it: shops resolve by their row. */
  platforms: PlatformRegistry;
  server: Server;
  url: string;
  sync: ReturnType<typeof createOrderSyncService>;
  ingest: ReturnType<typeof createWebhookIngestService>;
  changed: Array<[string, string]>;
  /** Every wait the GraphQL client made (throttling, retries), in ms. */
  sleeps: number[];
  install(shop: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { kind?: "sqlite" | "postgres"; sim?: Partial<SimulatorOptions>; sync?: Partial<OrderSyncDeps> } = {},
): Promise<Harness> {
  const t = await createTestDb(options.kind);
  // A Plus-plan restore rate keeps paging tests quick; the throttling test lowers it.
  const sim = await startSimulator({
    app: APP,
    bulkDelayMs: 10,
    throttle: { maximumAvailable: 2000, restoreRate: 1000 },
    ...options.sim,
  });
  const sleeps: number[] = [];
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, sleeps.push(ms) && ms));
  const stack = createShopifyStack(t.db, {
    ...APP,
    appUrl: "http://127.0.0.1",
    scopes: ["read_orders"],
    logLevel: LogSeverity.Error,
    graphql: { sleep },
  });
  const changed: Array<[string, string]> = [];
  const onOrderChanged = async (shop: string, customerId: string) => void changed.push([shop, customerId]);
  const privacy = createPrivacyService({ db: t.db });
  const platforms = registryOf(t.db, stack.platform);
  const ingest = createWebhookIngestService({
    db: t.db,
    platforms,
    privacy,
    onOrderChanged,
    log: () => undefined,
  });
  const sync = createOrderSyncService({
    db: t.db,
    platforms,
    bulkPollMs: 10,
    log: () => undefined,
    onOrderChanged,
    ...options.sync,
  });
  const app = createApp({
    db: t.db,
    dbKind: t.kind,
    rawMounts: [{ path: "/api/webhooks", handler: webhookRoutes({ ingest, platform: "shopify" }) }],
    mounts: [
      {
        path: "/api/sync",
        handler: syncRoutes({ status: createSyncStatusService({ db: t.db }), defaultShop: sim.shops()[0] }),
      },
    ],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    sim,
    stack,
    platforms,
    server,
    url,
    sync,
    ingest,
    changed,
    sleeps,
    async install(shop) {
      routeShopTo(shop, sim.url);
      await stack.tokens.exchange(shop, sim.mintSessionToken(shop));
      await shops.upsertInstalledShop(t.db, shop, "shopify", new Date());
    },
    async close() {
      await sim.close();
      await new Promise<void>((r) => server.close(() => r()));
      await t.destroy();
    },
  };
}
