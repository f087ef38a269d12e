import type { NoCycleReason, ProductCycle } from "../../domain/timing/product-cycles.js";
import type { Db } from "../database.js";
import type { ProductCyclesTable } from "../tables/timing.tables.js";

const CHUNK = 800;

/** Replaces the shop's product norms (call inside the recompute transaction). */
export async function replaceProductCycles(
  db: Db,
  shop: string,
  cycles: ReadonlyMap<string, ProductCycle>,
  at: Date,
): Promise<void> {
  await db.deleteFrom("product_cycles").where("shop_domain", "=", shop).execute();
  const rows: ProductCyclesTable[] = [...cycles.values()].map((c) => ({
    shop_domain: shop,
    product_id: c.productId,
    variant_id: c.variantId,
    title: c.title,
    cycle_days: c.cycleDays,
    typical_quantity: c.typicalQuantity,
    repeat_pairs: c.repeatPairs,
    next_order_log_mean: c.nextOrderLogMean,
    next_order_gaps: c.nextOrderGaps,
    no_cycle_reason: c.noCycleReason,
    computed_at: at.toISOString(),
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto("product_cycles")
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function listProductCycles(db: Db, shop: string): Promise<Map<string, ProductCycle>> {
  const rows = await db.selectFrom("product_cycles").selectAll().where("shop_domain", "=", shop).execute();
  return new Map(
    rows.map((r) => [
      r.product_id,
      {
        productId: r.product_id,
        variantId: r.variant_id,
        title: r.title,
        cycleDays: r.cycle_days === null ? null : Number(r.cycle_days),
        typicalQuantity: Number(r.typical_quantity),
        repeatPairs: Number(r.repeat_pairs),
        nextOrderLogMean: Number(r.next_order_log_mean),
        nextOrderGaps: Number(r.next_order_gaps),
        noCycleReason: noCycleReason(r),
      },
    ]),
  );
}

/** Rows written before reasons were stored say only "too few repeats" when they have no cycle. */
function noCycleReason(r: ProductCyclesTable): NoCycleReason | null {
  if (r.no_cycle_reason) return r.no_cycle_reason as NoCycleReason;
  return r.cycle_days === null ? "too_few_repeats" : null;
}

/** Products this customer bought that have no replenishment cycle, and why (for the customer page). */
export async function customerProductsWithoutCycle(
  db: Db,
  shop: string,
  customerId: string,
  limit = 20,
): Promise<Array<{ productId: string; title: string; reason: NoCycleReason }>> {
  const rows = await db
    .selectFrom("product_cycles as pc")
    .innerJoin("order_lines as l", (j) =>
      j.onRef("l.shop_domain", "=", "pc.shop_domain").onRef("l.product_id", "=", "pc.product_id"),
    )
    .innerJoin("orders as o", (j) =>
      j.onRef("o.shop_domain", "=", "l.shop_domain").onRef("o.order_id", "=", "l.order_id"),
    )
    .select(["pc.product_id", "pc.title", "pc.cycle_days", "pc.no_cycle_reason"])
    .distinct()
    .where("pc.shop_domain", "=", shop)
    .where("o.customer_id", "=", customerId)
    .where("pc.cycle_days", "is", null)
    .orderBy("pc.title")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    title: r.title,
    reason: noCycleReason(r as ProductCyclesTable) ?? "too_few_repeats",
  }));
}
