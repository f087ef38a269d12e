// DEMO_PLATFORM=cafe24: the demo on Cafe24. A local Cafe24 simulator, seeded in won from the same retail data as
// the Shopify demo, stands in for Cafe24 behind the production Cafe24 module, with an app made up for this run.
// The demo mall installs itself through the real OAuth code exchange, backfills in 3-month windows, gets its
// campaigns, visits and first fit, and then receives an order every few seconds as a keyed Cafe24 webhook.
import { randomBytes, randomUUID } from "node:crypto";
import { Router } from "express";
import type { Db } from "../db/database.js";
import { readShopSettings } from "../db/repositories/settings.repository.js";
import * as shops from "../db/repositories/shop.repository.js";
import type { CommercePlatform } from "../platforms/commerce-platform.js";
import { type Cafe24PlatformModule, createCafe24PlatformModule } from "../platforms/cafe24/platform-module.js";
import { cafe24PreviewRoutes } from "../platforms/cafe24/storefront/preview-page.js";
import { CAFE24_WEBHOOK_PATH } from "../platforms/cafe24/webhook-intake.js";
import type { CampaignService } from "../services/campaign.service.js";
import type { OrderSyncService } from "../services/order-sync.service.js";
import { createSettingsService } from "../services/settings.service.js";
import type { StorefrontService } from "../services/storefront.service.js";
import type { Cafe24SeedOptions } from "../simulator-cafe24/index.js";
import { type Cafe24SimulatorThread, startCafe24SimulatorThread } from "./cafe24-simulator-thread.js";
import { enableDemoCampaigns, seedExpiringDemoCoupons } from "./demo-campaigns.js";
import { demoShopperAddress, sampleCustomers } from "./demo-visits.js";

/** The demo mall's id (a Cafe24 mall id names a host: {mall_id}.cafe24api.com). */
export const DEMO_MALL = "dangoldemo";
const DAY = 86_400_000;
/** What the Cafe24 module calls (config.ts's default CAFE24_SCOPES). */
const DEMO_SCOPES = [
  "mall.read_order",
  "mall.read_customer",
  "mall.read_privacy",
  "mall.read_promotion",
  "mall.write_promotion",
  "mall.read_application",
  "mall.write_application",
];

export interface DemoCafe24 {
  module: Cafe24PlatformModule;
  /** Filled in once the simulator listens: where the module's calls go, and where the mall's history starts. */
  target: { url: string; firstOrderAt: number | null };
  app: { clientId: string; clientSecret: string; redirectUri: string; scopes: string[]; webhookApiKey: string };
}

/** The Cafe24 module on credentials made up for this run, pointed at the simulator once it runs. */
export function createDemoCafe24Module(db: Db, appBaseUrl: string): DemoCafe24 {
  const target: DemoCafe24["target"] = { url: "", firstOrderAt: null };
  const app = {
    clientId: "dangol-demo",
    clientSecret: randomBytes(24).toString("hex"),
    redirectUri: `${appBaseUrl}/cafe24/oauth/callback`,
    scopes: DEMO_SCOPES,
    webhookApiKey: randomBytes(16).toString("hex"),
  };
  const module = createCafe24PlatformModule({
    db,
    app,
    webhookApiKey: app.webhookApiKey,
    baseUrlFor: (mallId) => `${target.url}/malls/${mallId}`,
    // The seeded history, not the default five years: two years of windows instead of twenty.
    historyStart: () => new Date(target.firstOrderAt ?? Date.now() - 5 * 366 * DAY),
  });
  return { module, target, app };
}

export interface Cafe24DemoDeps {
  db: Db;
  demo: DemoCafe24;
  sync: Pick<OrderSyncService, "backfill">;
  campaigns: Pick<CampaignService, "list" | "update">;
  storefront: Pick<StorefrontService, "recordEvent">;
  platformFor(shop: string): Promise<CommercePlatform>;
  /** The first fit and publish. */
  shopSynced(shop: string): Promise<void>;
  /** Where the app listens, for webhook delivery. */
  appBaseUrl: string;
  playEverySeconds: number;
  /** Tests seed a slice of the data; the demo seeds all of it. */
  seed?: Cafe24SeedOptions;
  isClosing(): boolean;
  log?: (message: string) => void;
}

export interface Cafe24Demo {
  shop: string;
  simulator: Cafe24SimulatorThread;
  /** Settles once the backfill, visits, demo coupons and the first fit are done (or failed: logged). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startCafe24Demo(deps: Cafe24DemoDeps): Promise<Cafe24Demo> {
  const log = deps.log ?? console.log;
  const startedAt = Date.now();
  const { app } = deps.demo;
  // The latest seeded order lands yesterday so predictions look current.
  const simulator = await startCafe24SimulatorThread({
    app,
    malls: [{ mallId: DEMO_MALL, seed: { timeShiftTo: new Date(Date.now() - DAY), ...deps.seed } }],
  });
  deps.demo.target.url = simulator.url;
  deps.demo.target.firstOrderAt = simulator.firstOrderAt;
  log(
    `Demo mall ${DEMO_MALL} (Cafe24) seeded: ${simulator.orders} orders, ${simulator.memberIds.length} members (${Date.now() - startedAt} ms)`,
  );

  await installDemoMall(deps);
  // As the OAuth callback does after an install: the banner's ScriptTag, with the served bytes' integrity.
  await deps.demo.module.storefrontScript
    .installScriptTag(DEMO_MALL)
    .then((r) => log(`Demo mall ScriptTag ${r.action}: ${deps.demo.module.storefrontScript.scriptUrl}`))
    .catch((err: unknown) =>
      log(`Demo mall ScriptTag not registered: ${err instanceof Error ? err.message : String(err)}`),
    );
  await simulator.subscribe(`${deps.appBaseUrl}${CAFE24_WEBHOOK_PATH}`);
  await enableDemoCampaigns(deps.db, deps.campaigns, DEMO_MALL);
  await koreanFirst(deps.db);

  const backfillStart = Date.now();
  const ready = deps.sync
    .backfill(DEMO_MALL)
    .then(async (r) => {
      log(
        `Demo backfill done via ${r.method}: ${r.orders} orders, ${r.customers} customers in ${Date.now() - backfillStart} ms`,
      );
      if (deps.isClosing()) return;
      const members = simulator.memberIds;
      log(
        `Demo shoppers visited the storefront: ${await recordDemoVisits(deps, sampleCustomers(members, 0.35))} visits`,
      );
      await seedExpiringDemoCoupons(
        { db: deps.db, platform: await deps.platformFor(DEMO_MALL), log: (m, e) => log(`${m}: ${String(e)}`) },
        DEMO_MALL,
        members,
        new Date(),
      );
      if (!deps.isClosing()) await deps.shopSynced(DEMO_MALL);
    })
    .catch((err: unknown) => log(`Demo (Cafe24) failed: ${err instanceof Error ? err.message : String(err)}`));

  // Orders play forward once the first fit is done, so the first predictions describe the seeded history (a fit
  // leaves orders placed after its start to the next run).
  let player: NodeJS.Timeout | undefined;
  let stopped = false;
  void ready.then(() => {
    if (deps.playEverySeconds <= 0 || stopped) return;
    player = setInterval(() => {
      simulator
        .playOrder()
        .catch((err: unknown) => log(`Demo play failed: ${err instanceof Error ? err.message : String(err)}`));
    }, deps.playEverySeconds * 1000);
    player.unref();
  });
  return {
    shop: DEMO_MALL,
    simulator,
    ready,
    async stop() {
      stopped = true;
      if (player) clearInterval(player);
      await ready;
      await simulator.close();
    },
  };
}

/** Consent is automatic in the simulator; the code it returns is exchanged by the module's own OAuth client. */
async function installDemoMall(deps: Cafe24DemoDeps): Promise<void> {
  const { module } = deps.demo;
  const state = randomUUID();
  const consent = await fetch(module.cafe24.oauth.authorizeUrl(DEMO_MALL, state), { redirect: "manual" });
  const redirect = new URL(consent.headers.get("location") ?? "", deps.appBaseUrl);
  const code = redirect.searchParams.get("code");
  if (!code || redirect.searchParams.get("state") !== state)
    throw new Error(`the Cafe24 simulator did not grant the demo app (HTTP ${consent.status})`);
  await module.cafe24.tokens.install(DEMO_MALL, code);
  await shops.upsertInstalledShop(deps.db, DEMO_MALL, "cafe24", new Date());
}

/** The admin opens in Korean for the Cafe24 mall, unless the merchant already chose a language. */
async function koreanFirst(db: Db): Promise<void> {
  if ((await readShopSettings(db, DEMO_MALL))?.language) return;
  await createSettingsService({ db }).update(DEMO_MALL, { language: "ko" });
}

/**
 * Cafe24's storefront has no signed shopper identity (see platforms/cafe24/README.md), so there is no beacon a demo
 * shopper could sign; the demo records their visits through the same storefront service the beacons reach.
 */
async function recordDemoVisits(deps: Cafe24DemoDeps, memberIds: string[]): Promise<number> {
  let stored = 0;
  for (const id of memberIds) {
    const outcome = await deps.storefront.recordEvent(
      DEMO_MALL,
      id,
      { kind: "visit" },
      { peer: demoShopperAddress(id) },
    );
    if (outcome.stored) stored++;
  }
  return stored;
}

/**
 * /preview in the Cafe24 demo: the ScriptTag storefront (a Cafe24-like page carrying the tag the install
 * registered, platforms/cafe24/storefront/preview-page.ts). Shopify's Liquid preview has no place in a Cafe24
 * mall, so a plain /preview goes there too.
 */
export function cafe24DemoPreview(demo: DemoCafe24): Router {
  const { scriptUrl, asset } = demo.module.storefrontScript;
  const router = Router();
  router.use(
    cafe24PreviewRoutes({ findMall: async () => DEMO_MALL, script: { src: scriptUrl, integrity: asset.integrity } }),
  );
  router.get("/", (_req, res) => res.redirect(302, "/preview?platform=cafe24"));
  return router;
}
