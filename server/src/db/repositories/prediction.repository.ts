import type { CustomerPrediction } from "../../domain/timing/prediction.js";
import type { StoreModel } from "../../domain/timing/store-model.js";
import type { Db } from "../database.js";
import { executeInsert } from "./compiled-insert.js";
import { saveModelFit } from "./model-fit.repository.js";
import { chunks } from "./order.repository.js";
import { fromPredictionRow, toPredictionRow } from "./prediction-row.js";
import { replaceProductCycles } from "./product-cycle.repository.js";

// 33 columns × 400 rows stays under SQLite's 32 766 bound parameters per statement.
const CHUNK = 400;

/**
 * Idempotent upsert keyed by (shop_domain, customer_id); a batch is written in one transaction. The statement is
 * compiled once per chunk size (compiled-insert.ts): Kysely compiling 400 × 33 values was a full recompute's
 * largest cost on the main thread after reading the orders.
 */
export async function upsertPredictions(db: Db, shop: string, predictions: CustomerPrediction[]): Promise<void> {
  if (predictions.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < predictions.length; i += CHUNK) {
      const rows = predictions.slice(i, i + CHUNK).map((p) => toPredictionRow(shop, p));
      await executeInsert(trx, "upsert customer_predictions", rows, (values) =>
        trx
          .insertInto("customer_predictions")
          .values(values)
          .onConflict((oc) =>
            oc.columns(["shop_domain", "customer_id"]).doUpdateSet((eb) =>
              Object.fromEntries(
                Object.keys(values[0])
                  .filter((k) => k !== "shop_domain" && k !== "customer_id")
                  .map((k) => [k, eb.ref(`excluded.${k}` as never)]),
              ),
            ),
          ),
      );
    }
  });
}

/**
 * A full recompute's results: the store model, its product cycles and every prediction replace the shop's
 * previous ones in one transaction, so readers never see a half-written recompute.
 */
export async function replaceShopTiming(
  db: Db,
  shop: string,
  model: StoreModel,
  predictions: CustomerPrediction[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveModelFit(trx, shop, model);
    await replaceProductCycles(trx, shop, model.productCycles, model.fittedAt);
    await trx.deleteFrom("customer_predictions").where("shop_domain", "=", shop).execute();
    for (let i = 0; i < predictions.length; i += CHUNK)
      await trx
        .insertInto("customer_predictions")
        .values(predictions.slice(i, i + CHUNK).map((p) => toPredictionRow(shop, p)))
        .execute();
  });
}

export async function findPrediction(
  db: Db,
  shop: string,
  customerId: string,
): Promise<CustomerPrediction | undefined> {
  const row = await db
    .selectFrom("customer_predictions")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row ? fromPredictionRow(row) : undefined;
}

/** These customers' predictions (those that have one), 500 ids a query. */
export async function listPredictionsOf(db: Db, shop: string, customerIds: string[]): Promise<CustomerPrediction[]> {
  const out: CustomerPrediction[] = [];
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("customer_predictions")
      .selectAll()
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
    out.push(...rows.map(fromPredictionRow));
  }
  return out;
}

export async function listPredictions(db: Db, shop: string): Promise<CustomerPrediction[]> {
  const rows = await db
    .selectFrom("customer_predictions")
    .selectAll()
    .where("shop_domain", "=", shop)
    .orderBy("customer_id")
    .execute();
  return rows.map(fromPredictionRow);
}

export async function deletePrediction(db: Db, shop: string, customerId: string): Promise<void> {
  await db
    .deleteFrom("customer_predictions")
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .execute();
}

/** A streamed recompute's model: the store model and its product cycles replace the shop's in one transaction. */
export async function replaceShopModel(db: Db, shop: string, model: StoreModel): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveModelFit(trx, shop, model);
    await replaceProductCycles(trx, shop, model.productCycles, model.fittedAt);
  });
}

/**
 * After a streamed recompute has rewritten every customer it found, the shop's predictions of customers left with
 * no counted order (the whole-shop replace dropped them too). Judged from the orders, not from computed_at, so a
 * clock that stands still (tests, a retried run) cannot keep or drop the wrong rows.
 */
export async function deletePredictionsWithoutOrders(db: Db, shop: string): Promise<number> {
  const result = await db
    .deleteFrom("customer_predictions")
    .where("shop_domain", "=", shop)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("orders")
            .select("orders.order_id")
            .whereRef("orders.shop_domain", "=", "customer_predictions.shop_domain")
            .whereRef("orders.customer_id", "=", "customer_predictions.customer_id")
            .where("orders.excluded_reason", "is", null)
            .where("orders.total_price", ">", 0)
            .whereRef("orders.refunded_total", "<", "orders.total_price"),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One page of a shop's predictions after `afterId`, in customer-id order (keyset on the primary key). */
export async function listPredictionsPage(
  db: Db,
  shop: string,
  afterId: string | null,
  limit: number,
): Promise<CustomerPrediction[]> {
  let query = db.selectFrom("customer_predictions").selectAll().where("shop_domain", "=", shop);
  if (afterId !== null) query = query.where("customer_id", ">", afterId);
  const rows = await query.orderBy("customer_id").limit(limit).execute();
  return rows.map(fromPredictionRow);
}
