// The web pixel, end to end: extensions/dangol-pixel run in the simulator's pixel host, posting to the app's
// /pixel/events, then read back through the visit axis (loadVisitSummaries). A guest's page views are counted;
// a checkout_completed for an order we hold joins the client to that order's customer; a forged claim (another
// shop's order, an order another client already reported, an old order) joins nothing; bad input stores nothing.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDangolPixel } from "../../extensions/dangol-pixel/src/pixel.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { loadVisitSummaries } from "../../server/src/db/repositories/visit.repository.js";
import { errorHandler } from "../../server/src/http/error-handler.js";
import { pixelRoutes } from "../../server/src/http/routes/pixel.routes.js";
import { createPixelIntakeService, type PixelIntakeService } from "../../server/src/services/pixel-intake.service.js";
import { checkoutCompleted, createPixelHost, pageViewed } from "../../server/src/simulator/web-pixel.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { syncedOrder as order } from "../helpers/synced-order.js";

const SHOP = "pixel-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const DAY = 86_400_000;

describe.each(DB_KINDS)("web pixel intake on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let endpoint: string;
  let pixel: PixelIntakeService;
  let clock: Date;
  const pending: Promise<unknown>[] = [];

  /** A shopper's browser on `shop` with the Dangol pixel loaded (or not, without analytics consent). */
  function browser(shop: string, analyticsAllowed = true) {
    const post = (url: string, body: string) => {
      const sent = fetch(url, { method: "POST", body });
      pending.push(sent);
      return sent;
    };
    return createPixelHost(createDangolPixel(post), { shop, settings: { endpoint }, analyticsAllowed });
  }
  const flush = async () => {
    await Promise.all(pending.splice(0));
  };
  const post = (body: string) => fetch(endpoint, { method: "POST", body });
  const lastVisit = async (shop: string, customerId: string) =>
    (await loadVisitSummaries(t.db, shop, [customerId]))?.get(customerId)?.lastVisitAt ?? null;
  const rows = async () => ({
    visits: await t.db
      .selectFrom("pixel_visits" as never)
      .selectAll()
      .execute(),
    checkouts: await t.db
      .selectFrom("pixel_checkouts" as never)
      .selectAll()
      .execute(),
  });

  beforeAll(async () => {
    t = await createTestDb(kind);
    const app = express();
    pixel = createPixelIntakeService({ db: t.db, now: () => clock, rateLimit: { burst: 5, perMinute: 5 } });
    app.use("/pixel", pixelRoutes({ pixel }));
    app.use(errorHandler(() => {}));
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pixel/events`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.destroy();
  });

  beforeEach(async () => {
    clock = new Date("2026-12-01T10:00:00.000Z");
    for (const table of ["pixel_visits", "pixel_checkouts", "order_lines", "orders", "shops"])
      await t.db.deleteFrom(table as never).execute();
    await upsertInstalledShop(t.db, SHOP, "shopify", clock);
    await upsertInstalledShop(t.db, OTHER, "shopify", clock);
    await upsertOrders(t.db, SHOP, [
      order("1001", "c-1", clock),
      order("1002", "c-2", clock),
      order("1003", "c-3", new Date(clock.getTime() - 30 * DAY)),
    ]);
    await upsertOrders(t.db, OTHER, [order("2002", "c-9", clock)]);
  });

  it("counts a guest's page views by client id and ties them to no one", async () => {
    const guest = browser(SHOP);
    for (let i = 0; i < 3; i++) guest.publish(pageViewed("guest-aaaa-0001", `https://${SHOP}/products/${i}`, clock));
    await flush();
    const { visits } = await rows();
    expect(visits).toEqual([
      expect.objectContaining({ shop_domain: SHOP, client_id: "guest-aaaa-0001", day: "2026-12-01", page_views: 3 }),
    ]);
    expect(await pixel.guestVisitors(SHOP, new Date(clock.getTime() - DAY))).toBe(1);
    expect(await lastVisit(SHOP, "c-1")).toBeNull();
  });

  it("a checkout_completed for an order we hold joins the client's visits to that order's customer", async () => {
    const shopper = browser(SHOP);
    shopper.publish(pageViewed("client-bbbb-0002", `https://${SHOP}/`, new Date(clock.getTime() - 3_600_000)));
    await flush();
    expect(await lastVisit(SHOP, "c-1")).toBeNull();
    clock = new Date(clock.getTime() + 60_000);
    shopper.publish(checkoutCompleted("client-bbbb-0002", { id: "gid://shopify/Order/1001" }, clock));
    await flush();
    expect(await lastVisit(SHOP, "c-1")).toEqual(new Date("2026-12-01T10:00:00.000Z"));
    expect(await lastVisit(SHOP, "c-2")).toBeNull();
    expect(await pixel.guestVisitors(SHOP, new Date(clock.getTime() - DAY))).toBe(0);
  });

  it("a forged claim joins nothing: another shop's order, an order already reported, an old order", async () => {
    const real = browser(SHOP);
    real.publish(pageViewed("client-real-0001", `https://${SHOP}/`, clock));
    real.publish(checkoutCompleted("client-real-0001", { id: "1001" }, clock));
    await flush();
    const c1Before = await lastVisit(SHOP, "c-1");

    clock = new Date(clock.getTime() + 3_600_000);
    const forger = browser(SHOP);
    forger.publish(pageViewed("client-evil-0666", `https://${SHOP}/`, clock));
    forger.publish(checkoutCompleted("client-evil-0666", { id: "2002" }, clock)); // OTHER's order
    forger.publish(checkoutCompleted("client-evil-0666", { id: "1001" }, clock)); // c-1's, already reported
    forger.publish(checkoutCompleted("client-evil-0666", { id: "1003" }, clock)); // c-3's, 30 days old
    await flush();

    expect(await lastVisit(SHOP, "c-1")).toEqual(c1Before);
    expect(await lastVisit(SHOP, "c-3")).toBeNull();
    expect(await lastVisit(SHOP, "c-9")).toBeNull();
    expect(await loadVisitSummaries(t.db, OTHER, ["c-9"])).toBeNull();
    // The forger's browser stays a guest.
    expect(await pixel.guestVisitors(SHOP, new Date(clock.getTime() - 60_000))).toBe(1);
  });

  it("without analytics consent Shopify does not load the pixel: nothing is sent", async () => {
    const declined = browser(SHOP, false);
    expect(declined.loaded).toBe(false);
    declined.publish(pageViewed("client-no-consent", `https://${SHOP}/`, clock));
    await flush();
    expect((await rows()).visits).toEqual([]);
  });

  it("refuses bad input with a clear 4xx and stores nothing", async () => {
    const cases: Array<[string, number]> = [
      ["not json", 400],
      [JSON.stringify({ name: "page_viewed", shop: SHOP }), 400],
      [JSON.stringify({ name: "page_viewed", shop: SHOP, clientId: "client-cccc-0003", customerId: "c-1" }), 400],
      [
        JSON.stringify({ name: "checkout_completed", shop: SHOP, clientId: "client-cccc-0003", orderId: "1001; drop" }),
        400,
      ],
      [JSON.stringify({ name: "product_viewed", shop: SHOP, clientId: "client-cccc-0003" }), 400],
      [JSON.stringify({ name: "page_viewed", shop: "evil.example", clientId: "client-cccc-0003" }), 400],
      [JSON.stringify({ name: "page_viewed", shop: "not-installed.myshopify.com", clientId: "client-cccc-0003" }), 404],
      [JSON.stringify({ name: "page_viewed", shop: SHOP, clientId: "x".repeat(2000) }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect({ body: body.slice(0, 60), status: res.status }).toEqual({ body: body.slice(0, 60), status });
    }
    expect(await rows()).toEqual({ visits: [], checkouts: [] });
  });

  it("limits each client id (429 with Retry-After) without limiting another", async () => {
    const view = (clientId: string) => post(JSON.stringify({ name: "page_viewed", shop: SHOP, clientId }));
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await view("client-dddd-0004")).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429]);
    const limited = await view("client-dddd-0004");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await view("client-eeee-0005")).status).toBe(204);
    const { visits } = await rows();
    expect(visits.map((v) => (v as { page_views: number }).page_views).sort()).toEqual([1, 5]);
  });
});
