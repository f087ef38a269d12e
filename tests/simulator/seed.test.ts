import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETAIL_CSV, seedOnlineRetail } from "../../server/src/simulator/index.js";
import { ShopStore } from "../../server/src/simulator/store.js";
import { orderTotal } from "../../server/src/simulator/records.js";
import { SMALL_SEED } from "./sim-helpers.js";

// An independent reading of the CSV (regex on the stable columns, not the simulator's parser).
async function expectedFromCsv(since: number, until: number) {
  const invoices = new Map<string, { customer: string; usable: number }>();
  const lines = createInterface({ input: createReadStream(DEFAULT_RETAIL_CSV).pipe(createGunzip()) });
  for await (const line of lines) {
    const m = /^([^,]+),.*,(-?\d+),(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),(-?[\d.]+),([\d.]*),[^,]*$/.exec(line);
    if (!m) continue;
    const date = Date.parse(`${m[3].replace(" ", "T")}Z`);
    if (date >= until) break; // the file is in date order
    if (date < since) continue;
    const [invoice, quantity, price, customer] = [m[1], Number(m[2]), Number(m[4]), m[5]];
    const usable = !invoice.startsWith("A") && price >= 0 && (invoice.startsWith("C") ? quantity !== 0 : quantity > 0);
    const entry = invoices.get(invoice) ?? { customer, usable: 0 };
    entry.usable += usable ? 1 : 0;
    invoices.set(invoice, entry);
  }
  const kept = [...invoices.entries()].filter(([, v]) => v.usable > 0);
  return {
    orders: kept.length,
    cancellations: kept.filter(([k]) => k.startsWith("C")).length,
    guests: kept.filter(([, v]) => v.customer === "").length,
    customers: new Set(kept.map(([, v]) => v.customer).filter(Boolean)).size,
    lines: kept.reduce((n, [, v]) => n + v.usable, 0),
  };
}

describe("seeding from Online Retail II", () => {
  const store = new ShopStore("seed.myshopify.com", 1);
  let stats: Awaited<ReturnType<typeof seedOnlineRetail>>;
  beforeAll(async () => {
    stats = await seedOnlineRetail(store, SMALL_SEED);
  });

  it("maps invoices, guests and C-cancellations one to one with the CSV", async () => {
    const expected = await expectedFromCsv(SMALL_SEED.since.getTime(), SMALL_SEED.until.getTime());
    expect(expected.cancellations).toBeGreaterThan(20);
    expect(expected.guests).toBeGreaterThan(10);
    const orders = [...store.orders.values()];
    expect(orders.length).toBe(expected.orders);
    expect(orders.filter((o) => o.cancelledAt !== null).length).toBe(expected.cancellations);
    expect(orders.filter((o) => o.customerId === null).length).toBe(expected.guests);
    expect(store.customers.size).toBe(expected.customers);
    expect(orders.reduce((n, o) => n + o.lines.length, 0)).toBe(expected.lines);
    expect(stats).toMatchObject({
      orders: expected.orders,
      cancelledOrders: expected.cancellations,
      guestOrders: expected.guests,
      customers: expected.customers,
    });
  });

  it("keeps the rows of an invoice as its lines", () => {
    const order = store.orders.get(5_000_000_000_000 + 489434)!;
    expect(order.name).toBe("#489434");
    expect(order.customerId).toBe(13085);
    expect(order.lines[0]).toMatchObject({ title: "15CM CHRISTMAS GLASS BALL 20 LIGHTS", quantity: 12, price: 6.95 });
    expect(order.lines.map((l) => l.title)).toContain('RECORD FRAME 7" SINGLE SIZE');
    expect(new Date(order.processedAt).toISOString()).toBe("2009-12-01T07:45:00.000Z");
  });

  it("includes test, zero-total and refunded orders for the exclusion rules", () => {
    const orders = [...store.orders.values()].filter((o) => o.cancelledAt === null);
    expect(orders.some((o) => o.test)).toBe(true);
    expect(orders.some((o) => orderTotal(o) === 0)).toBe(true);
    expect(
      orders.some((o) => o.refunds.length > 0 && o.refunds.reduce((s, r) => s + r.amount, 0) >= orderTotal(o)),
    ).toBe(true);
    expect(
      orders.some((o) => o.refunds.length > 0 && o.refunds.reduce((s, r) => s + r.amount, 0) < orderTotal(o)),
    ).toBe(true);
  });

  it("limits customers and shifts time so the newest order lands at timeShiftTo", async () => {
    const small = new ShopStore("small.myshopify.com", 2);
    const target = new Date("2026-11-21T12:00:00Z");
    await seedOnlineRetail(small, { ...SMALL_SEED, maxCustomers: 10, includeGuests: false, timeShiftTo: target });
    expect(small.customers.size).toBe(10);
    const orders = [...small.orders.values()];
    expect(orders.every((o) => o.customerId !== null && small.customers.has(o.customerId))).toBe(true);
    expect(Math.max(...orders.map((o) => o.processedAt))).toBe(target.getTime());
    expect(orders.every((o) => o.updatedAt <= target.getTime())).toBe(true);
  });
});
