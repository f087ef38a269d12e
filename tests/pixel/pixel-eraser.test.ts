// pixelEraser on the privacy paths: shop erase clears the shop's pixel rows only; customers/redact clears the
// client ids our orders tie to that customer (their views and claims), not a guest's nor another customer's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPixelCheckout, recordPixelPageView } from "../../server/src/db/repositories/pixel.repository.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { pixelEraser } from "../../server/src/services/pixel-intake.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "erase-shop.myshopify.com";
const OTHER = "keep-shop.myshopify.com";
const at = new Date("2026-12-01T10:00:00.000Z");

const order = (id: string, customerId: string) => ({
  id,
  customerId,
  processedAt: at,
  updatedAt: at,
  cancelledAt: null,
  test: false,
  totalPrice: 10,
  refundedTotal: 0,
  currency: "USD",
  discountCodes: [],
  lines: [],
});

describe.each(DB_KINDS)("pixelEraser on %s", (kind) => {
  let t: TestDb;
  const clients = async () =>
    (
      await t.db
        .selectFrom("pixel_visits" as never)
        .selectAll()
        .execute()
    )
      .map((r) => `${(r as { shop_domain: string }).shop_domain}/${(r as { client_id: string }).client_id}`)
      .sort();

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const shop of [SHOP, OTHER]) {
      await upsertOrders(t.db, shop, [order("1", "c-1"), order("2", "c-2")]);
      for (const client of ["client-one-0001", "client-two-0002", "client-guest-03"])
        await recordPixelPageView(t.db, shop, client, at);
      await recordPixelCheckout(t.db, shop, "1", "client-one-0001", at);
      await recordPixelCheckout(t.db, shop, "2", "client-two-0002", at);
    }
  });

  afterAll(() => t.destroy());

  it("customers/redact removes only the customer's own clients", async () => {
    await pixelEraser.eraseCustomer(t.db, SHOP, "c-1");
    expect(await clients()).toEqual([
      `${SHOP}/client-guest-03`,
      `${SHOP}/client-two-0002`,
      `${OTHER}/client-guest-03`,
      `${OTHER}/client-one-0001`,
      `${OTHER}/client-two-0002`,
    ]);
  });

  it("shop erase removes every pixel row of that shop and nothing of another", async () => {
    await pixelEraser.eraseShop(t.db, SHOP);
    expect(await clients()).toEqual([
      `${OTHER}/client-guest-03`,
      `${OTHER}/client-one-0001`,
      `${OTHER}/client-two-0002`,
    ]);
    const claims = await t.db
      .selectFrom("pixel_checkouts" as never)
      .selectAll()
      .execute();
    expect(claims.map((c) => (c as { shop_domain: string }).shop_domain)).toEqual([OTHER, OTHER]);
  });
});
