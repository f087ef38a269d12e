import type { Db } from "../db/database.js";
import { loadStoreModel } from "../db/repositories/model-fit.repository.js";
import { listCustomerOrders } from "../db/repositories/order.repository.js";
import { deletePrediction, replaceShopTiming, upsertPredictions } from "../db/repositories/prediction.repository.js";
import { readShopSettings } from "../db/repositories/settings.repository.js";
import { loadShopHistories } from "../db/repositories/timing-history.repository.js";
import { loadVisitSummaries } from "../db/repositories/visit.repository.js";
import type { VisitSummary } from "../domain/segments/visit-purchase-grid.js";
import { fitStoreModel } from "../domain/timing/fit-store-model.js";
import { historyFromOrders } from "../domain/timing/history.js";
import { predictCustomer } from "../domain/timing/predict-customer.js";
import type { CustomerPrediction } from "../domain/timing/prediction.js";
import { productOverridesFromSettings } from "./product-overrides.js";

export interface RecomputeDeps {
  db: Db;
  clock: () => Date;
  log: (message: string) => void;
  /** Called after predictions are stored (the campaign publisher hooks in here); failures are logged, not thrown. */
  onRecomputed?: (shop: string, customerIds: string[]) => Promise<void> | void;
}

/**
 * Full recompute: fit the store model on every customer, predict everyone, store all of it in one transaction.
 * Incremental: one customer against the stored model (milliseconds; the order-webhook path).
 * Bad input (a future date, a negative amount, a 10,000-order customer) throws a ValidationError before anything is written.
 */
export function createRecomputeService(deps: RecomputeDeps) {
  const { db, clock, log } = deps;

  async function notify(shop: string, ids: string[]) {
    if (!deps.onRecomputed || ids.length === 0) return;
    try {
      await deps.onRecomputed(shop, ids);
    } catch (err) {
      log(`onRecomputed(${shop}) failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function recomputeShop(shop: string): Promise<{ customers: number }> {
    const now = clock();
    const started = Date.now();
    const histories = await loadShopHistories(db, shop);
    if (histories.length === 0) {
      log(`recompute ${shop}: no customers with counted orders; nothing to fit`);
      return { customers: 0 };
    }
    const productOverrides = productOverridesFromSettings(await readShopSettings(db, shop));
    const model = fitStoreModel(histories, now, { productOverrides });
    const visits = await loadVisitSummaries(db, shop, null);
    const predictions = histories.map((h) => predictCustomer(h, model, now, visitOf(visits, h.customerId)));
    await replaceShopTiming(db, shop, model, predictions);
    log(`recompute ${shop}: ${predictions.length} customers in ${Date.now() - started} ms`);
    await notify(
      shop,
      predictions.map((p) => p.customerId),
    );
    return { customers: predictions.length };
  }

  async function recomputeCustomer(shop: string, customerId: string): Promise<CustomerPrediction | null> {
    const model = await loadStoreModel(db, shop);
    if (!model) {
      await recomputeShop(shop);
      return (await loadStoreModel(db, shop)) ? recomputeCustomer(shop, customerId) : null;
    }
    const now = clock();
    const history = historyFromOrders(customerId, await listCustomerOrders(db, shop, customerId));
    if (history.purchases.length === 0) {
      await deletePrediction(db, shop, customerId);
      await notify(shop, [customerId]);
      return null;
    }
    const prediction = predictCustomer(
      history,
      model,
      now,
      visitOf(await loadVisitSummaries(db, shop, [customerId]), customerId),
    );
    await upsertPredictions(db, shop, [prediction]);
    await notify(shop, [customerId]);
    return prediction;
  }

  return { recomputeShop, recomputeCustomer };
}

/** Once a shop sends visit beacons, a customer without any is "no visit", not "unknown". */
function visitOf(visits: Map<string, VisitSummary> | null, customerId: string): VisitSummary | undefined {
  return visits ? (visits.get(customerId) ?? { lastVisitAt: null }) : undefined;
}

export type RecomputeService = ReturnType<typeof createRecomputeService>;
