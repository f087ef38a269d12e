// Demo mode: a local store simulator seeded from the Online Retail II data stands in for Shopify. The app
// installs itself (token exchange with a simulator-minted session token), subscribes its webhook endpoint,
// backfills in the background and keeps new orders coming, all through the production Shopify adapter.
import type { Db } from "../db/database.js";
import * as shops from "../db/repositories/shop.repository.js";
import type { OrderSyncService } from "../services/order-sync.service.js";
import { mintSessionToken } from "../simulator/index.js";
import type { ShopifyStack } from "../platforms/shopify/shopify-stack.js";
import { routeShopTo } from "../platforms/shopify/shop-routing.js";
import { activateWebPixel, pixelEndpoint } from "../platforms/shopify/web-pixel.js";
import { defineSegmentMetafields } from "../platforms/shopify/segment-definitions.js";
import type { SimulatorThread } from "./simulator-thread.js";
import { DEMO_SHOP, type DemoPrestart, startDemoSimulator } from "./demo-prestart.js";

export { DEMO_SHOP, demoCredentials } from "./demo-prestart.js";

export const WEBHOOK_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "app/uninstalled",
  "bulk_operations/finish",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
];

export interface DemoStoreDeps {
  db: Db;
  stack: ShopifyStack;
  sync: OrderSyncService;
  credentials: { apiKey: string; apiSecret: string };
  /** Where the app listens, for webhook delivery. */
  appBaseUrl: string;
  playEverySeconds: number;
  log?: (message: string) => void;
  /** The simulator `npm start` began seeding before the app loaded (start.ts), for these same credentials. */
  prestarted?: DemoPrestart;
}

export interface DemoStore {
  shop: string;
  /** The simulator runs on its own thread (see simulator-thread.ts). */
  simulator: SimulatorThread;
  /** Settles when the background backfill finishes (or fails; the status route shows the error). */
  backfilled: Promise<void>;
  /** Places a new order every playEverySeconds from now on. */
  startPlaying(): void;
  stop(): Promise<void>;
}

export async function startDemoStore(deps: DemoStoreDeps): Promise<DemoStore> {
  const log = deps.log ?? console.log;
  const startedAt = deps.prestarted?.startedAt ?? Date.now();
  const simulator = await (deps.prestarted?.simulator ?? startDemoSimulator(deps.credentials));
  log(
    `Demo store ${DEMO_SHOP} seeded: ${simulator.orders} orders, ${simulator.customerIds.length} customers (${Date.now() - startedAt} ms)`,
  );

  routeShopTo(DEMO_SHOP, simulator.url);
  const { apiKey, apiSecret } = deps.credentials;
  await deps.stack.tokens.exchange(DEMO_SHOP, mintSessionToken(DEMO_SHOP, apiKey, apiSecret));
  await shops.upsertInstalledShop(deps.db, DEMO_SHOP, "shopify", new Date());
  await simulator.subscribe(WEBHOOK_TOPICS, `${deps.appBaseUrl}/api/webhooks`);
  // As a real install does (install.service afterInstall): the pixel posts to this app; a refusal only logs.
  await activateWebPixel(deps.stack.graphql, DEMO_SHOP, pixelEndpoint(deps.appBaseUrl)).catch((err: unknown) =>
    log(`Demo web pixel not activated: ${err instanceof Error ? err.message : String(err)}`),
  );
  await defineSegmentMetafields(deps.stack.graphql, DEMO_SHOP).catch((err: unknown) =>
    log(`Demo segment metafields not defined: ${err instanceof Error ? err.message : String(err)}`),
  );

  const backfillStart = Date.now();
  const backfilled = deps.sync
    .backfill(DEMO_SHOP)
    .then((r) =>
      log(
        `Demo backfill done via ${r.method}: ${r.orders} orders, ${r.customers} customers in ${Date.now() - backfillStart} ms`,
      ),
    )
    .catch((err: unknown) => log(`Demo backfill failed: ${err instanceof Error ? err.message : String(err)}`));

  // New orders start once the caller says so (after the first fit): one arriving before the shop has a model
  // would only wait for that fit.
  let player: NodeJS.Timeout | undefined;
  let stopped = false;
  const startPlaying = () => {
    if (deps.playEverySeconds <= 0 || stopped || player) return;
    player = setInterval(() => {
      simulator
        .playOrders(1)
        .catch((err: unknown) => log(`Demo play failed: ${err instanceof Error ? err.message : String(err)}`));
    }, deps.playEverySeconds * 1000);
    player.unref();
  };

  return {
    shop: DEMO_SHOP,
    simulator,
    backfilled,
    startPlaying,
    async stop() {
      stopped = true;
      if (player) clearInterval(player);
      await backfilled;
      await simulator.close();
    },
  };
}
