// pageShopHistories reads a recompute's pages; on SQLite each order's lines come back as one JSON text (a row per
// order instead of per line). Whatever the shape, a page must hold exactly what historyFromOrders builds from the
// same stored orders: order and line order, titles with quotes and non-Latin text, a null variant, an order
// without lines, a fully refunded or cancelled order left out, and only orders placed by `asOf`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order, OrderLine } from "../../server/src/domain/orders/order.js";
import { historyFromOrders } from "../../server/src/domain/timing/history.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { pageShopHistories } from "../../server/src/db/repositories/timing-history.repository.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "history-pages.myshopify.com";
const DAY = 86_400_000;
const START = Date.parse("2025-01-01T09:30:00Z");
const TITLES = ['Tea "Gold" \\ 1kg', "녹차 티백 50개", "Beans\nline two", "☕ mug"];

function line(i: number, n: number): OrderLine {
  return {
    productId: `p${(i + n) % 5}`,
    variantId: n % 3 ? `v${n}` : null,
    title: TITLES[(i + n) % TITLES.length],
    quantity: 1 + ((i * n) % 4),
    price: 10 + n,
  };
}

/** 12 customers; lines stored out of product order; some orders refunded, cancelled or without lines. */
function storeOrders(): Order[] {
  const out: Order[] = [];
  for (let c = 0; c < 12; c++)
    for (let k = 0; k < 1 + (c % 4); k++) {
      const at = new Date(START + (k * 17 + c) * DAY + c * 60_000);
      const total = 12.35 + c + k * 0.1;
      out.push({
        id: `o-${c}-${k}`,
        customerId: `c${String(c).padStart(2, "0")}`,
        processedAt: at,
        updatedAt: at,
        cancelledAt: c === 4 ? at : null,
        test: false,
        totalPrice: total,
        refundedTotal: c === 5 && k === 1 ? total : c === 6 ? 1.1 : 0,
        currency: "KRW",
        discountCodes: [],
        lines: c === 7 && k === 0 ? [] : Array.from({ length: 1 + ((c + k) % 4) }, (_, n) => line(c + k, n)),
      });
    }
  return out;
}

/** Every page from the start, `size` customers each. */
async function allPages(t: TestDb, size: number, asOf?: Date) {
  const pages = [];
  let after: string | null = null;
  for (;;) {
    const page = await pageShopHistories(t.db, SHOP, after, size, asOf);
    if (page.lastId === null) return pages;
    pages.push(page.histories);
    after = page.lastId;
  }
}

function expected(orders: Order[], asOf?: Date) {
  const byCustomer = new Map<string, Order[]>();
  for (const o of orders)
    if (!asOf || o.processedAt <= asOf) byCustomer.set(o.customerId!, [...(byCustomer.get(o.customerId!) ?? []), o]);
  return [...byCustomer.keys()]
    .sort()
    .map((id) =>
      historyFromOrders(
        id,
        byCustomer.get(id)!.sort((a, b) => a.processedAt.getTime() - b.processedAt.getTime()),
      ),
    )
    .filter((h) => h.purchases.length > 0);
}

describe.each(DB_KINDS)("history pages on %s", (kind) => {
  let t: TestDb;
  const orders = storeOrders();
  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, SHOP, orders);
  });
  afterAll(() => t.db.destroy());

  it("hold what historyFromOrders builds from the same orders, page after page", async () => {
    const pages = await allPages(t, 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 1]); // customer 4's only order was cancelled
    expect(pages.flat()).toEqual(expected(orders));
  });

  it("leave out orders placed after asOf", async () => {
    const asOf = new Date(START + 20 * DAY);
    expect((await allPages(t, 4, asOf)).flat()).toEqual(expected(orders, asOf));
  });
});
