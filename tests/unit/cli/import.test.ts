import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../../server/src/db/repositories/order.repository.js";
import { upsertInstalledShop } from "../../../server/src/db/repositories/shop.repository.js";
import type { Order } from "../../../server/src/domain/orders/order.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { fixturePath } from "../../helpers/fixtures.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";
import { run } from "./run-cli.js";

const SHOP = "import-test.myshopify.com";
const SHOPIFY_FILE = fixturePath("orders/shopify-orders.csv");

describe.each(DB_KINDS)("cli import into the database (%s)", (kind) => {
  let t: TestDb;
  const cli = (...argv: string[]) => run(argv, { openDb: async () => ({ db: t.db, close: async () => {} }) });
  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertInstalledShop(t.db, SHOP, "shopify", new Date("2024-01-01T00:00:00Z"));
  });
  afterAll(async () => t.destroy());

  it("--dry-run reads and checks everything and writes nothing", async () => {
    const r = await cli("import", "--shop", SHOP, "--file", SHOPIFY_FILE, "--dry-run");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ shop: SHOP, dryRun: true, orders: 8, written: 0, customers: 6 });
    expect(r.err).toMatch(/skipped 1 unreadable row\(s\) of 12 \(limit 1\):\n {2}line 11: Created at "last Tuesday"/);
    expect((await orders.countOrders(t.db, SHOP)).total).toBe(0);
  });

  it("stores a Shopify export for the shop, keyed by Shopify's order id; importing it again changes nothing", async () => {
    const first = await cli("import", "--shop", SHOP, "--file", SHOPIFY_FILE);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ dryRun: false, orders: 8, written: 8, keptNewer: 0 });
    const counts = await orders.countOrders(t.db, SHOP);
    expect(counts).toEqual({ total: 8, excluded: 2, lines: 10 }); // the refunded and the cancelled order are kept out of the model
    const again = await cli("import", "--shop", SHOP, "--file", SHOPIFY_FILE);
    expect(again.code).toBe(0);
    expect(await orders.countOrders(t.db, SHOP)).toEqual(counts);
    const o = await orders.findOrder(t.db, SHOP, "5001");
    expect(o).toMatchObject({
      customerId: "ann@example.com",
      totalPrice: 29.98,
      currency: "USD",
      excludedReason: null,
    });
    expect(o!.lines.map((l) => l.title)).toEqual(["Crew Tee - Black / S", "Mug"]);
    expect((await orders.findOrder(t.db, SHOP, "5005"))!.excludedReason).toBe("cancelled");
    expect((await orders.findOrder(t.db, SHOP, "5004"))!.excludedReason).toBe("fully_refunded");
  });

  it("never overwrites a newer copy of an order (one synced from the platform since)", async () => {
    const synced: Order = {
      id: "5002",
      customerId: "bob@example.com",
      processedAt: new Date("2024-05-03T22:20:00Z"),
      updatedAt: new Date("2025-01-01T00:00:00Z"),
      cancelledAt: null,
      test: false,
      totalPrice: 99,
      refundedTotal: 0,
      currency: "USD",
      discountCodes: [],
      lines: [],
    };
    await orders.upsertOrders(t.db, SHOP, [synced]);
    const r = await cli("import", "--shop", SHOP, "--file", SHOPIFY_FILE);
    expect(JSON.parse(r.out)).toMatchObject({ written: 7, keptNewer: 1 });
    expect((await orders.findOrder(t.db, SHOP, "5002"))!.totalPrice).toBe(99);
  });

  it("refuses a shop that is not installed, and a file past its bad-row limit, writing nothing", async () => {
    const other = "not-installed.myshopify.com";
    const r = await cli("import", "--shop", other, "--file", SHOPIFY_FILE);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /Unknown shop not-installed\.myshopify\.com: install the app on it first \(installed: .*import-test/,
    );
    const strict = await cli("import", "--shop", other, "--file", SHOPIFY_FILE, "--max-bad", "0");
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/1 of 12 rows cannot be read \(limit 0/);
    expect((await orders.countOrders(t.db, other)).total).toBe(0);
    expect((await cli("import", "--shop", "bad shop!", "--file", SHOPIFY_FILE)).err).toMatch(
      /--shop must be a shop domain/,
    );
  });

  it("is all or nothing: a failure in a later batch leaves none of the earlier ones stored", async () => {
    const shop = "atomic.myshopify.com";
    const ok = (id: string): Order => ({
      id,
      customerId: "c1",
      processedAt: new Date("2024-01-01T00:00:00Z"),
      updatedAt: new Date("2024-01-01T00:00:00Z"),
      cancelledAt: null,
      test: false,
      totalPrice: 10,
      refundedTotal: 0,
      currency: "USD",
      discountCodes: [],
      lines: [{ productId: "p", variantId: null, title: "Mug", quantity: 1, price: 10 }],
    });
    const broken = {
      ...ok("3"),
      lines: [{ productId: "p", variantId: null, title: null as unknown as string, quantity: 1, price: 10 }],
    };
    await expect(orders.upsertOrdersAtomically(t.db, shop, [[ok("1"), ok("2")], [broken]])).rejects.toThrow();
    expect((await orders.countOrders(t.db, shop)).total).toBe(0);
    expect(await orders.upsertOrdersAtomically(t.db, shop, [[ok("1")], [ok("2")]])).toEqual(["1", "2"]);
  });
});

describe("cli import of the other layouts", () => {
  let t: TestDb;
  const cli = (...argv: string[]) => run(argv, { openDb: async () => ({ db: t.db, close: async () => {} }) });
  beforeAll(async () => {
    t = await createTestDb("sqlite");
    await upsertInstalledShop(t.db, "mall.example", "cafe24", new Date("2024-01-01T00:00:00Z"));
  });
  afterAll(async () => t.destroy());

  it.each([
    ["cafe24-orders.csv", [], 6],
    ["naver-orders.csv", [], 4],
    ["online-retail.csv", [], 5],
    [
      "custom-orders.csv",
      [
        "--format",
        "custom",
        "--map",
        "order=order_id,date=order_date,status=status,customer=customer_email,title=product_name,quantity=qty,price=item_price",
      ],
      5,
    ],
  ])("%s", async (file, extra, expected) => {
    const r = await cli("import", "--shop", "mall.example", "--file", fixturePath(`orders/${file}`), ...extra);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ orders: expected, written: expected });
  });

  it("a file with no customer orders at all is refused", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-import-"));
    const file = path.join(dir, "guests.csv");
    writeFileSync(
      file,
      "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n1,A,x,1,2010-01-01,3,,UK\n",
    );
    const r = await cli("import", "--shop", "mall.example", "--file", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no customer orders to import/);
  });
});
