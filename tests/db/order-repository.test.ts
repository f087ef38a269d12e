import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as customers from "../../server/src/db/repositories/customer.repository.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";

function anOrder(id: string, overrides: Partial<Order> = {}): Order {
  return {
    id,
    customerId: "c1",
    processedAt: new Date("2026-01-01T10:00:00Z"),
    updatedAt: new Date("2026-01-01T10:00:00Z"),
    cancelledAt: null,
    test: false,
    totalPrice: 30,
    refundedTotal: 0,
    currency: "GBP",
    discountCodes: [],
    lines: [{ productId: "p1", variantId: "v1", title: "Mug", quantity: 2, price: 15 }],
    ...overrides,
  };
}

describe.each(DB_KINDS)("order repository on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t.destroy());

  it("upserts idempotently: storing the same orders twice leaves one row each", async () => {
    const batch = [anOrder("1"), anOrder("2", { customerId: "c2" })];
    await orders.upsertOrders(t.db, A, batch);
    await orders.upsertOrders(t.db, A, batch);
    expect(await orders.countOrders(t.db, A)).toEqual({ total: 2, excluded: 0, lines: 2 });
  });

  it("keeps the newest version by updated_at and replaces its lines", async () => {
    const newer = anOrder("10", {
      updatedAt: new Date("2026-01-03T00:00:00Z"),
      lines: [
        { productId: "p1", variantId: null, title: "Mug", quantity: 1, price: 10 },
        { productId: "p2", variantId: "v2", title: "Tea", quantity: 1, price: 5 },
      ],
      totalPrice: 15,
    });
    const older = anOrder("10", { updatedAt: new Date("2026-01-02T00:00:00Z"), totalPrice: 99 });
    expect(await orders.upsertOrders(t.db, A, [newer])).toEqual(["10"]);
    expect(await orders.upsertOrders(t.db, A, [older])).toEqual([]);
    const stored = await orders.findOrder(t.db, A, "10");
    expect(stored?.totalPrice).toBe(15);
    expect(stored?.lines.map((l) => l.productId)).toEqual(["p1", "p2"]);
    expect(stored?.updatedAt.toISOString()).toBe("2026-01-03T00:00:00.000Z");
  });

  it("keeps excluded orders stored with their reason", async () => {
    await orders.upsertOrders(t.db, A, [
      anOrder("20", { cancelledAt: new Date("2026-01-02T00:00:00Z") }),
      anOrder("21", { test: true }),
      anOrder("22", { totalPrice: 0 }),
      anOrder("23", { refundedTotal: 30 }),
    ]);
    const reasons = await Promise.all(
      ["20", "21", "22", "23"].map(async (id) => (await orders.findOrder(t.db, A, id))?.excludedReason),
    );
    expect(reasons).toEqual(["cancelled", "test", "zero_total", "fully_refunded"]);
  });

  it("never shows shop A's rows to shop B", async () => {
    await orders.upsertOrders(t.db, B, [anOrder("1", { totalPrice: 77 })]);
    await customers.upsertCustomers(t.db, A, [
      {
        id: "c1",
        email: "a@example.com",
        firstName: "A",
        lastName: null,
        locale: "en",
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
    ]);
    expect((await orders.findOrder(t.db, A, "1"))?.totalPrice).toBe(30);
    expect((await orders.findOrder(t.db, B, "1"))?.totalPrice).toBe(77);
    expect((await orders.listCustomerOrders(t.db, B, "c1")).map((o) => o.id)).toEqual(["1"]);
    expect(await orders.findOrder(t.db, B, "10")).toBeUndefined();
    expect(await customers.findCustomer(t.db, B, "c1")).toBeUndefined();
    await orders.deleteShopOrders(t.db, B);
    expect((await orders.countOrders(t.db, A)).total).toBeGreaterThan(0);
  });

  it("stores every field as given: quotes, emoji, nulls, whole prices (SQLite sends rows as JSON)", async () => {
    const order = anOrder("40", {
      customerId: null,
      cancelledAt: new Date("2026-01-05T00:00:00Z"),
      test: true,
      totalPrice: 12.345,
      refundedTotal: 3,
      discountCodes: ['SAVE"10', "ü"],
      lines: [
        { productId: "p\\1", variantId: null, title: 'Say "hi"\n\u2028 😀 é', quantity: 3, price: 4 },
        { productId: "p2", variantId: "v2", title: "half \ud800 pair", quantity: 1, price: 0.1 },
      ],
    });
    expect(await orders.upsertOrders(t.db, A, [order])).toEqual(["40"]);
    const { excludedReason, ...stored } = (await orders.findOrder(t.db, A, "40"))!;
    // A lone surrogate cannot be stored as UTF-8: both databases keep U+FFFD in its place.
    const lines = [order.lines[0], { ...order.lines[1], title: "half \ufffd pair" }];
    expect(stored).toEqual({ ...order, lines });
    expect(excludedReason).toBe("cancelled");
    const row = await t.db.selectFrom("order_lines").select("quantity").where("order_id", "=", "40").executeTakeFirst();
    expect(typeof row?.quantity).toBe("number");
  });

  it("deletes one customer's orders and lines only", async () => {
    await orders.upsertOrders(t.db, A, [anOrder("30", { customerId: "gone" }), anOrder("31", { customerId: "stays" })]);
    expect(await orders.deleteCustomerOrders(t.db, A, "gone")).toBe(1);
    expect(await orders.findOrder(t.db, A, "30")).toBeUndefined();
    expect(await orders.findOrder(t.db, A, "31")).toBeDefined();
  });
});
