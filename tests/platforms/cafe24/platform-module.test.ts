// The Cafe24 PlatformModule mounted the way main.ts mounts a platform's front doors: its webhook route at its
// webhookPath, its own routes from rawMounts(wiring). A signed launch reaches Cafe24's authorize, a webhook without
// the key is 403, and the storefront names nobody (Cafe24's Front SDK member id is unsigned).
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../server/src/http/app.js";
import { signCafe24LaunchQuery } from "../../../server/src/platforms/cafe24/launch-hmac.js";
import { createCafe24PlatformModule } from "../../../server/src/platforms/cafe24/platform-module.js";
import { createPrivacyService } from "../../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../../server/src/services/webhook-ingest.service.js";
import { registryOf } from "../../helpers/platforms.js";
import { CAFE24_APP, startCafe24Harness, type Cafe24Harness } from "./harness.js";

describe("Cafe24 platform module", () => {
  let h: Cafe24Harness;
  let close = async () => {};
  afterEach(async () => {
    await close();
    await h?.close();
  });

  it("mounts launch, callback and webhook intake as main.ts would", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: "modmall" }] });
    const db = h.db.db;
    const cafe24 = createCafe24PlatformModule({
      db,
      app: CAFE24_APP,
      webhookApiKey: CAFE24_APP.webhookApiKey,
      baseUrlFor: h.sim.baseUrlFor,
      now: () => h.sim.clock.now(),
    });
    const privacy = createPrivacyService({ db, erasers: [cafe24.eraser] });
    const ingest = createWebhookIngestService({
      db,
      platforms: registryOf(db, cafe24.adapter),
      privacy,
      log: () => {},
    });
    const wiring = { backfill: async () => {}, shopSynced: async () => {}, log: () => {} };
    const app = createApp({
      db,
      dbKind: h.db.kind,
      rawMounts: [
        { path: cafe24.webhookPath, handler: cafe24.webhookRoutes(ingest) },
        ...(cafe24.rawMounts?.(wiring) ?? []),
      ],
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = async () => {
      await ingest.stop();
      await new Promise((resolve) => server.close(resolve));
    };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const query = signCafe24LaunchQuery(
      { mall_id: "modmall", timestamp: String(Math.trunc(h.sim.clock.now() / 1000)) },
      CAFE24_APP.clientSecret,
    );
    const launch = await fetch(`${base}/cafe24/launch?${query}`, { redirect: "manual" });
    expect(launch.status).toBe(302);
    expect(new URL(launch.headers.get("location")!).pathname).toMatch(/\/oauth\/authorize$/);
    const hook = await fetch(`${base}${cafe24.webhookPath}`, {
      method: "POST",
      body: JSON.stringify({ event_no: 90023, resource: { mall_id: "modmall", order_id: "x" } }),
    });
    expect(hook.status).toBe(403);
    expect(cafe24.storefront.identify("mall_id=modmall&member_id=m1")).toBeNull();
    expect(cafe24.capabilities.bulkExport).toBe(false);
  });
});
