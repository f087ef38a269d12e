import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { dueProducts } from "../../../../server/src/domain/timing/due-products.js";
import { estimateGapPrior } from "../../../../server/src/domain/timing/gap-prior-fit.js";
import type { CustomerHistory, Purchase } from "../../../../server/src/domain/timing/history.js";
import { estimateProductCycles } from "../../../../server/src/domain/timing/product-cycles.js";
import { logGaps, toPurchaseDays } from "../../../../server/src/domain/timing/purchase-days.js";
import { splitCsvLine } from "../../../../server/src/simulator/csv.js";

/** The demo seed (Online Retail II, 2009-10) as customer histories: invoices with a customer, no cancellations. */
function seedHistories(): CustomerHistory[] {
  const file = new URL("../../../../server/seed/online_retail_II_2009-2010.csv.gz", import.meta.url);
  const rows = gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(1);
  const invoices = new Map<string, { customer: string; purchase: Purchase }>();
  for (const row of rows) {
    const [invoice, code, title, qty, at, price, customer] = splitCsvLine(row);
    if (!customer || invoice.startsWith("C") || !(Number(qty) > 0)) continue;
    const inv = invoices.get(invoice) ?? {
      customer,
      purchase: { at: new Date(`${at.replace(" ", "T")}Z`), amount: 0, lines: [] },
    };
    invoices.set(invoice, inv);
    inv.purchase.amount += Number(qty) * Number(price);
    inv.purchase.lines.push({ productId: code, variantId: null, title, quantity: Number(qty) });
  }
  const byCustomer = new Map<string, Purchase[]>();
  for (const { customer, purchase } of invoices.values()) {
    const list = byCustomer.get(customer) ?? [];
    list.push(purchase);
    byCustomer.set(customer, list);
  }
  return [...byCustomer].map(([customerId, ps]) => ({
    customerId,
    purchases: ps.sort((a, b) => a.at.getTime() - b.at.getTime()),
  }));
}

describe("non-product lines in the demo seed (Online Retail II)", () => {
  it("gives POSTAGE, CARRIAGE, bank charges and adjustments no cycle, so no customer is ever due one", () => {
    const customers = seedHistories().map(toPurchaseDays);
    const cycles = estimateProductCycles(customers, estimateGapPrior(customers.map(logGaps)));
    for (const code of ["POST", "C2", "BANK CHARGES"])
      expect(cycles.get(code)?.noCycleReason, code).toBe("not_a_product");
    expect(cycles.get("85123A")!.cycleDays).not.toBeNull(); // WHITE HANGING HEART T-LIGHT HOLDER keeps its cycle
    const last = Math.max(...customers.map((d) => d[d.length - 1].day));
    const nonProducts = new Set(
      [...cycles.values()].filter((c) => c.noCycleReason === "not_a_product").map((c) => c.productId),
    );
    let due = 0;
    for (const days of customers)
      for (const d of dueProducts(days, cycles, last)) {
        due += 1;
        expect(nonProducts.has(d.productId), d.title).toBe(false);
      }
    expect(due).toBeGreaterThan(1000);
  }, 60_000);
});
