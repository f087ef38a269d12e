// A Cafe24 mall on the simulator whose lapsed member holds a live win-back coupon (published through the real
// publisher), and our app on 127.0.0.1 serving what the Cafe24 platform module mounts: the storefront (script and
// public decision) at /cafe24/storefront, the install routes at /cafe24 (whose callback registers the ScriptTag),
// and the Cafe24 preview at /preview.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { createApp } from "../../../server/src/http/app.js";
import { listCustomerCoupons } from "../../../server/src/db/repositories/coupon.repository.js";
import {
  CAFE24_STOREFRONT_PATH,
  createCafe24PlatformModule,
  type Cafe24PlatformModule,
} from "../../../server/src/platforms/cafe24/platform-module.js";
import { cafe24PreviewRoutes } from "../../../server/src/platforms/cafe24/storefront/preview-page.js";
import { createCampaignService } from "../../../server/src/services/campaign.service.js";
import { createDecisionPublisher } from "../../../server/src/services/decision-publisher.service.js";
import { installedOn } from "../../helpers/platforms.js";
import { daysAgo, NOW, prediction } from "../../unit/domain/campaigns/fixtures.js";
import { CAFE24_APP, startCafe24Harness, type Cafe24Harness } from "./harness.js";

export const STOREFRONT_MALL = "storefrontmall";
export const LAPSED_MEMBER = "m12345";

export interface Cafe24StorefrontHarness extends Cafe24Harness {
  base: string;
  platformModule: Cafe24PlatformModule;
  /** The live coupon code the lapsed member holds (what must never reach the storefront unverified). */
  code: string;
  logs: string[];
  count(table: string): Promise<number>;
}

export async function startCafe24StorefrontHarness(
  kind?: "sqlite" | "postgres",
  options: { mall?: boolean; publish?: boolean; fetch?: typeof fetch } = {},
): Promise<Cafe24StorefrontHarness> {
  const h = await startCafe24Harness({ malls: [{ mallId: STOREFRONT_MALL }] }, kind);
  const db = h.db.db;
  const logs: string[] = [];
  // The module needs our public origin (the ScriptTag src), known once the server listens: mount lazily.
  const late = express.Router();
  const server: Server = await new Promise((resolve) => {
    const app = createApp({ db, dbKind: h.db.kind, rawMounts: [{ path: "/", handler: late }] });
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platformModule = createCafe24PlatformModule({
    db,
    app: CAFE24_APP,
    webhookApiKey: CAFE24_APP.webhookApiKey,
    baseUrlFor: h.sim.baseUrlFor,
    now: () => h.sim.clock.now(),
    appUrl: base,
    fetch: options.fetch,
  });
  const wiring = { backfill: async () => {}, shopSynced: async () => {}, log: (m: string) => logs.push(m) };
  for (const m of platformModule.rawMounts!(wiring)) late.use(m.path, m.handler);
  late.use(
    "/preview",
    cafe24PreviewRoutes({
      findMall: async () => (options.mall === false ? null : STOREFRONT_MALL),
      script: {
        src: platformModule.storefrontScript.scriptUrl,
        integrity: platformModule.storefrontScript.asset.integrity,
      },
    }),
  );

  let code = "";
  if (options.publish !== false) {
    h.sim
      .mall(STOREFRONT_MALL)
      .load([], [{ memberId: LAPSED_MEMBER, name: "Mina", email: null, createdDate: daysAgo(200).getTime() }]);
    await createCampaignService({ db, now: () => NOW }).update(STOREFRONT_MALL, "win_back", {
      enabled: true,
      holdoutShare: 0,
    });
    await h.install(STOREFRONT_MALL, platformModule.cafe24);
    const platforms = await installedOn(db, platformModule.adapter, [STOREFRONT_MALL]);
    const lapsed = prediction({
      customerId: LAPSED_MEMBER,
      lastOrderAt: daysAgo(60),
      dueWindow: { early: daysAgo(40), likely: daysAgo(30), late: daysAgo(20) },
      dueProducts: [],
    });
    const publisher = createDecisionPublisher({ db, platforms, loadPredictions: async () => [lapsed], now: () => NOW });
    await publisher.publishShop(STOREFRONT_MALL);
    const [coupon] = await listCustomerCoupons(db, STOREFRONT_MALL, [LAPSED_MEMBER]);
    if (coupon?.status !== "active") throw new Error("the lapsed member got no live coupon");
    code = coupon.code;
  }
  return {
    ...h,
    base,
    platformModule,
    code,
    logs,
    async count(table) {
      const row = await (db as any)
        .selectFrom(table)
        .select((eb: any) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await h.close();
    },
  };
}

export { CAFE24_STOREFRONT_PATH };
