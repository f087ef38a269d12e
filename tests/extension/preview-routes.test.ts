import { readFileSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { upsertCustomers } from "../../server/src/db/repositories/customer.repository.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { decide } from "../../server/src/domain/campaigns/decide.js";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";
import { previewDepsFromDb } from "../../server/src/storefront-preview/preview-deps.js";
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { SHOP, campaigns, customerIdFor, duePrediction, unusedCoupon } from "../browser/engine-fixtures.js";

const now = new Date();
const OTHER_SHOP = "other-shop.myshopify.com";
const due = customerIdFor("replenishment", false, "due-");
const holdout = customerIdFor("replenishment", true, "hold-");
const holder = customerIdFor("coupon_expiry", false, "coupon-");

function published(id: string, firstName: string, opts: { prediction?: boolean; coupon?: boolean }) {
  const result = decide({
    shop: SHOP,
    customer: { id, firstName },
    prediction: opts.prediction ? duePrediction(id, now) : null,
    coupons: opts.coupon ? [unusedCoupon(now)] : [],
    events: [],
    campaigns: campaigns(),
    now,
  });
  return {
    customerId: id,
    decision: result.decision,
    verdicts: result.verdicts,
    assignments: result.assignments,
    decidedAt: now,
    publishedAt: now,
  };
}

const customer = (id: string, firstName: string) => ({
  id,
  email: null,
  firstName,
  lastName: "Kim",
  locale: null,
  createdAt: now,
  updatedAt: now,
});

describe.each(DB_KINDS)("GET /preview on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertCustomers(t.db, SHOP, [customer(due, "Minji"), customer(holdout, "Jisoo"), customer(holder, "Hana")]);
    await savePublishedDecisions(t.db, SHOP, [
      published(due, "Minji", { prediction: true }),
      published(holdout, "Jisoo", { prediction: true }),
      published(holder, "Hana", { coupon: true }),
    ]);
    // Another shop with a due customer: must never appear in this shop's preview.
    await upsertCustomers(t.db, OTHER_SHOP, [customer("intruder-1", "Intruder")]);
    await savePublishedDecisions(t.db, OTHER_SHOP, [published("intruder-1", "Intruder", { prediction: true })]);
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      mounts: [{ path: "/preview", handler: previewRoutes(previewDepsFromDb(t.db, SHOP)) }],
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.destroy();
  });

  it("renders a due customer's banner from the saved decision, with deferred extension assets", async () => {
    const res = await fetch(`${base}/preview?customer=${due}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('class="dangol-banner"');
    expect(html).toContain("Time to restock Coffee beans?");
    expect(html).toMatch(/<script src="\/preview\/assets\/dangol\.js\?v=\d+" defer="defer"><\/script>/);
    // The extension's CSS is inline with the block: no stylesheet <link> to block the first paint.
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).toContain("<style>");
  });

  it("offers due, coupon-holder and holdout customers of this shop only in the picker (localized)", async () => {
    const en = await (await fetch(`${base}/preview`)).text();
    expect(en).toContain(`?customer=${due}&amp;lang=en`);
    expect(en).toContain("<bdi>Minji Kim</bdi> (<bdi>due to re-order</bdi>)");
    expect(en).toContain("<bdi>Hana Kim</bdi> (<bdi>coupon expiring</bdi>)");
    expect(en).toContain("<bdi>Jisoo Kim</bdi> (<bdi>holdout: sees nothing</bdi>)");
    expect(en).not.toContain("Intruder");
    expect(en).not.toContain("<dangol-slot");
    const ko = await (await fetch(`${base}/preview?lang=ko`)).text();
    expect(ko).toContain("<bdi>Jisoo Kim</bdi> (<bdi>홀드아웃: 노출 없음</bdi>)");
  });

  it("shows the holdout customer nothing and the coupon holder the expiry bar", async () => {
    const none = await (await fetch(`${base}/preview?customer=${holdout}`)).text();
    expect(none).not.toContain("<dangol-slot");
    const bar = await (await fetch(`${base}/preview?customer=${holder}&lang=ko`)).text();
    expect(bar).toContain('class="dangol-notice dangol-notice--bottom"');
    expect(bar).toContain("SAVE10-XYZ");
  });

  it("serves the extension assets at the URLs asset_url produced", async () => {
    const res = await fetch(`${base}/preview/assets/dangol.js?v=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(await res.text()).toBe(readFileSync(path.join(EXTENSION_DIR, "assets", "dangol.js"), "utf8"));
    expect((await fetch(`${base}/preview/assets/nope.js`)).status).toBe(404);
  });

  it("rejects bad input and unknown or other-shop customers", async () => {
    expect((await fetch(`${base}/preview?lang=fr`)).status).toBe(400);
    expect((await fetch(`${base}/preview?customer=${encodeURIComponent("<script>")}`)).status).toBe(400);
    expect((await fetch(`${base}/preview?customer=nobody`)).status).toBe(404);
    expect((await fetch(`${base}/preview?customer=intruder-1`)).status).toBe(404);
  });
});
