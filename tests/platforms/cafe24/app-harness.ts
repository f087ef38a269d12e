// The Cafe24 module's routes on a listening app, beside the Cafe24 simulator (which posts its webhooks here and
// answers the OAuth calls), over a migrated database: install routes at /cafe24, webhook intake at /cafe24/webhooks,
// the shared ingest service applying deliveries, the privacy service erasing with the Cafe24 eraser.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createApp } from "../../../server/src/http/app.js";
import { cafe24InstallRoutes } from "../../../server/src/platforms/cafe24/install-routes.js";
import { cafe24Eraser, cafe24WebhookRoutes } from "../../../server/src/platforms/cafe24/webhook-intake.js";
import type { Cafe24Module, Cafe24ModuleOptions } from "../../../server/src/platforms/cafe24/index.js";
import { createPrivacyService, type DataEraser } from "../../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../../server/src/services/webhook-ingest.service.js";
import { registryOf } from "../../helpers/platforms.js";
import { CAFE24_APP, startCafe24Harness, type Cafe24Harness } from "./harness.js";

export interface Cafe24AppHarness extends Cafe24Harness {
  base: string;
  cafe24: Cafe24Module;
  ingest: ReturnType<typeof createWebhookIngestService>;
  backfilled: string[];
  /** What the install routes logged (details kept out of HTTP answers). */
  logs: string[];
  /** Lets every webhook the simulator sent arrive and be applied. */
  settle(): Promise<void>;
  count(table: "shops" | "orders" | "webhook_events", shop: string): Promise<number>;
}

export async function startCafe24AppHarness(
  malls: string[],
  kind?: "sqlite" | "postgres",
  moduleOverrides: Partial<Cafe24ModuleOptions> = {},
  /** Erasers main.ts adds beside Cafe24's own (timing, campaigns), for tests of what an erase removes. */
  erasers: DataEraser[] = [],
): Promise<Cafe24AppHarness> {
  const h = await startCafe24Harness({ malls: malls.map((mallId) => ({ mallId })) }, kind);
  const cafe24 = h.module(moduleOverrides);
  const db = h.db.db;
  const backfilled: string[] = [];
  const logs: string[] = [];
  const privacy = createPrivacyService({ db, erasers: [...erasers, cafe24Eraser] });
  const ingest = createWebhookIngestService({ db, platforms: registryOf(db, cafe24.platform), privacy, log: () => {} });
  const app = createApp({
    db,
    dbKind: h.db.kind,
    rawMounts: [
      { path: "/cafe24/webhooks", handler: cafe24WebhookRoutes({ ingest, apiKey: CAFE24_APP.webhookApiKey }) },
      {
        path: "/cafe24",
        handler: cafe24InstallRoutes({
          db,
          module: cafe24,
          clientSecret: CAFE24_APP.clientSecret,
          wiring: {
            backfill: async (shop) => backfilled.push(shop),
            shopSynced: async () => {},
            log: (message) => logs.push(message),
          },
          now: () => h.sim.clock.now(),
        }),
      },
    ],
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h.sim.webhooks.subscribe(`${base}/cafe24/webhooks`);
  return {
    ...h,
    base,
    cafe24,
    ingest,
    backfilled,
    logs,
    async settle() {
      await h.sim.webhooks.drain();
      await ingest.idle();
    },
    async count(table, shop) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("shop_domain", "=", shop)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await ingest.stop();
      await new Promise((resolve) => server.close(resolve));
      await h.close();
    },
  };
}
