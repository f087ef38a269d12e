import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";

describe.each(DB_KINDS)("migrations on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it("creates the core tables", async () => {
    const tables = (await t.db.introspection.getTables()).map((x) => x.name);
    for (const name of ["shops", "shopify_sessions", "customers", "products", "orders", "order_lines"])
      expect(tables).toContain(name);
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("enforces the per-shop primary key on orders", async () => {
    const order = {
      shop_domain: "a.myshopify.com",
      order_id: "1",
      customer_id: null,
      name: "#1",
      processed_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
      cancelled_at: null,
      test: 0,
      total_price: 10,
      refunded_total: 0,
      currency: "KRW",
      discount_codes: "[]",
      excluded_reason: null,
    };
    await t.db.insertInto("orders").values(order).execute();
    await t.db
      .insertInto("orders")
      .values({ ...order, shop_domain: "b.myshopify.com" })
      .execute();
    await expect(t.db.insertInto("orders").values(order).execute()).rejects.toThrow();
  });
});
