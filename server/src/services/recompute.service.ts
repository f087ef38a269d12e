import type { Db } from "../db/database.js";
import { loadStoreModel } from "../db/repositories/model-fit.repository.js";
import { listCustomerOrders } from "../db/repositories/order.repository.js";
import {
  deletePrediction,
  deletePredictionsWithoutOrders,
  replaceShopModel,
  upsertPredictions,
} from "../db/repositories/prediction.repository.js";
import { insertPublishPage, type PublishPage } from "../db/repositories/publish-page.repository.js";
import { readShopSettings } from "../db/repositories/settings.repository.js";
import { countHistoryCustomers, pageShopHistories } from "../db/repositories/timing-history.repository.js";
import { loadVisitSummaries } from "../db/repositories/visit.repository.js";
import { type CustomerHistory, historyFromOrders } from "../domain/timing/history.js";
import { predictCustomer } from "../domain/timing/predict-customer.js";
import type { CustomerPrediction } from "../domain/timing/prediction.js";
import { randomUUID } from "node:crypto";
import { productOverridesFromSettings } from "./product-overrides.js";
import { type RecomputeEngine, visitOf } from "./recompute-engine.js";
import { workerRecomputeEngine } from "./recompute-worker-client.js";
import { readAhead, writeBehind } from "./recompute-read-ahead.js";

export interface RecomputeDeps {
  db: Db;
  clock: () => Date;
  log: (message: string) => void;
  /** Called after one customer's prediction is stored (the order-webhook path); failures are logged, not thrown. */
  onRecomputed?: (shop: string, customerIds: string[]) => Promise<void> | void;
  /**
   * Where a full recompute's publish work goes, a page (a range of ids) at a time: the page's row is stored before
   * its predictions and queued after them, so neither the recompute nor a job ever holds the shop's id list.
   */
  publishPages?: { enqueue(page: PublishPage): Promise<unknown> };
  /**
   * Customers per page of a full recompute: its memory is bounded by a page, not by the shop, and so is each stretch
   * the main thread spends on one (turning a page's rows into histories, posting it to the worker, storing its
   * predictions), which an admin request arriving meanwhile waits for.
   */
  pageSize?: number;
  /** Where the fit and predictions run: a worker thread by default, so the event loop stays free. */
  engine?: () => RecomputeEngine;
}

/**
 * Full recompute: two streamed passes over the shop's customers in pages (fit the store model, then predict and
 * store each page), the CPU work on a worker thread; memory is bounded by a page plus the fit's samples.
 * Incremental: one customer against the stored model (milliseconds; the order-webhook path).
 * Bad input (a future date, a negative amount, a 10,000-order customer) throws a ValidationError before anything is written.
 */
interface HistoryPage {
  histories: CustomerHistory[];
  afterId: string | null;
  lastId: string;
}

type VisitMap = Awaited<ReturnType<typeof loadVisitSummaries>>;

/**
 * A turn of the event loop. A page is posted to the worker in a turn of its own: reading it (the driver turning rows
 * into objects, then into histories) and serializing it for the worker were one stretch that held admin requests.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createRecomputeService(deps: RecomputeDeps) {
  const { db, clock, log } = deps;
  // 250: reading a 1,000-customer page, building its histories and posting it held the event loop 50-300 ms at a
  // time in a CPU profile of the admin bench (load 17-20); a quarter of that, split by nextTurn, holds it less.
  const pageSize = deps.pageSize ?? 250;

  async function notify(shop: string, ids: string[]) {
    if (!deps.onRecomputed || ids.length === 0) return;
    try {
      await deps.onRecomputed(shop, ids);
    } catch (err) {
      log(`onRecomputed(${shop}) failed: ${errorText(err)}`);
    }
  }

  /**
   * Pages of customers in id order, (afterId, lastId], each read in one query (both passes read the same way),
   * the next one read while the caller works on this one.
   */
  function historyPages(shop: string, asOf: Date): AsyncGenerator<HistoryPage> {
    async function* pages(): AsyncGenerator<HistoryPage> {
      let after: string | null = null;
      for (;;) {
        const { histories, lastId } = await pageShopHistories(db, shop, after, pageSize, asOf);
        if (lastId === null) return;
        if (histories.length) yield { histories, afterId: after, lastId };
        after = lastId;
      }
    }
    return readAhead(pages());
  }

  /** The second pass's pages with their customers' visits, read ahead together. */
  function pagesWithVisits(shop: string, asOf: Date): AsyncGenerator<HistoryPage & { visits: VisitMap }> {
    async function* pages() {
      for await (const page of historyPages(shop, asOf)) {
        const visits = await loadVisitSummaries(
          db,
          shop,
          page.histories.map((h) => h.customerId),
        );
        yield { ...page, visits };
      }
    }
    return readAhead(pages());
  }

  /** A page's predictions stored: its publish row first (a crash after the predictions leaves it pending), then the queue. */
  async function storePage(shop: string, page: HistoryPage, predictions: CustomerPrediction[], at: Date) {
    const publishPage = await recordPublishPage(shop, page.afterId, page.lastId, at);
    await upsertPredictions(db, shop, predictions);
    await queuePublishPage(publishPage);
  }

  /** A page's publish row, stored before its predictions. */
  async function recordPublishPage(shop: string, afterId: string | null, throughId: string, at: Date) {
    if (!deps.publishPages) return undefined;
    const page: PublishPage = { id: randomUUID(), shop, afterId, throughId };
    await insertPublishPage(db, page, at);
    return page;
  }

  async function queuePublishPage(page: PublishPage | undefined) {
    if (!page || !deps.publishPages) return;
    try {
      await deps.publishPages.enqueue(page);
    } catch (err) {
      log(`publish page ${page.id} of ${page.shop} stored, not queued (resumed later): ${errorText(err)}`);
    }
  }

  // One full run per shop at a time in this process. A call while one runs gets one more run after it (shared by
  // every such call: the running one may have read before their change); a customer recomputed before the shop's
  // first model waits for the running fit instead of starting another (a webhook burst started one fit each).
  const running = new Map<string, Promise<{ customers: number }>>();
  const following = new Map<string, Promise<{ customers: number }>>();

  function recomputeShop(shop: string): Promise<{ customers: number }> {
    const current = running.get(shop);
    if (!current) return startRun(shop);
    let next = following.get(shop);
    if (!next) {
      next = current
        .catch(() => undefined)
        .then(() => {
          following.delete(shop);
          return running.get(shop) ?? startRun(shop);
        });
      following.set(shop, next);
    }
    return next;
  }

  function startRun(shop: string): Promise<{ customers: number }> {
    const run = fitAndPredictShop(shop).finally(() => running.delete(shop));
    running.set(shop, run);
    return run;
  }

  async function fitAndPredictShop(shop: string): Promise<{ customers: number }> {
    const now = clock();
    const started = Date.now();
    // Orders placed after `now` (a webhook mid-run) are left to the next run, which their own recompute starts.
    const total = await countHistoryCustomers(db, shop, now);
    if (total === 0) {
      log(`recompute ${shop}: no customers with counted orders; nothing to fit`);
      return { customers: 0 };
    }
    const productOverrides = productOverridesFromSettings(await readShopSettings(db, shop));
    const engine = (deps.engine ?? workerRecomputeEngine)();
    let customers = 0;
    try {
      // Pass 1: every history is validated and folded into the store fit before anything is written.
      await engine.begin(total, now);
      let seen = 0;
      for await (const { histories } of historyPages(shop, now)) {
        await nextTurn();
        await engine.add(histories);
        seen += histories.length;
      }
      if (seen === 0) {
        log(`recompute ${shop}: no customers with counted orders; nothing to fit`);
        return { customers: 0 };
      }
      // Pass 2's pages do not depend on the model: the first ones are read while the worker fits (the fit took
      // seconds during which the database and the main thread sat idle).
      const pages = pagesWithVisits(shop, now);
      const firstPage = pages.next();
      firstPage.catch(() => undefined);
      // Pass 2: each page's predictions in their own transaction. A reader meanwhile sees the new model and, per
      // customer, either this run's prediction or the previous one; a crash leaves exactly that (harmless, and the
      // next full recompute rewrites everyone: runs are not resumed).
      // Each page is published by its own job: the recompute neither waits for it nor keeps the ids.
      // Page N is stored while the worker predicts page N + 1 and the database reads page N + 2.
      const writes = writeBehind();
      try {
        await replaceShopModel(db, shop, await engine.fit(productOverrides));
        for (let next = await firstPage; !next.done; next = await pages.next()) {
          const page = next.value;
          await nextTurn();
          const predictions = await engine.predict(page.histories, page.visits);
          await writes.push(() => storePage(shop, page, predictions, now));
          customers += predictions.length;
        }
        await writes.drain();
      } finally {
        await writes.settle();
        // A failed fit or page: the reads in flight end before the recompute returns.
        await pages.return(undefined).catch(() => undefined);
      }
      await deletePredictionsWithoutOrders(db, shop);
    } finally {
      await engine.close();
    }
    log(`recompute ${shop}: ${customers} customers in ${Date.now() - started} ms`);
    return { customers };
  }

  async function recomputeCustomer(shop: string, customerId: string): Promise<CustomerPrediction | null> {
    const model = await loadStoreModel(db, shop);
    if (!model) {
      await (running.get(shop) ?? recomputeShop(shop));
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

export type RecomputeService = ReturnType<typeof createRecomputeService>;
