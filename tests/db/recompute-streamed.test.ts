import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { fitStoreModel } from "../../server/src/domain/timing/fit-store-model.js";
import { historyFromOrders } from "../../server/src/domain/timing/history.js";
import { predictCustomer } from "../../server/src/domain/timing/predict-customer.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { listPredictions, upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { fromPredictionRow, toPredictionRow } from "../../server/src/db/repositories/prediction-row.js";
import { inlineRecomputeEngine, type RecomputeEngine } from "../../server/src/services/recompute-engine.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { workerRecomputeEngine } from "../../server/src/services/recompute-worker-client.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "streamed.myshopify.com";
const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;
const PAGE = 7;

/** 45 customers on three rhythms with two products, some lines twice a day, ids not in insertion order. */
function storeOrders(): Order[] {
  const out: Order[] = [];
  for (let c = 0; c < 45; c++)
    for (let k = 0; k < 1 + (c % 5); k++) {
      const at = new Date(NOW.getTime() - ((c % 9) + k * (14 + (c % 3) * 20)) * DAY);
      const product = c % 2 ? "tea" : "beans";
      out.push({
        id: `o${c}-${k}`,
        customerId: `cust-${(45 - c) * 37}`,
        processedAt: at,
        updatedAt: at,
        cancelledAt: null,
        test: false,
        totalPrice: 20 + (c % 4),
        refundedTotal: 0,
        currency: "KRW",
        discountCodes: [],
        lines: [{ productId: product, variantId: null, title: product, quantity: 1 + (k % 2), price: 20 }],
      });
    }
  return out;
}

/** Records the largest page each call got, and how many event-loop turns passed while the engine worked. */
function observed(engine: RecomputeEngine) {
  const seen = { largestPage: 0, pages: 0, fitTurns: 0, predictTurns: 0 };
  const whileRunning = async <T>(work: Promise<T>, add: (turns: number) => void): Promise<T> => {
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    try {
      return await work;
    } finally {
      running = false;
      add(turns);
    }
  };
  const page = <T>(n: number, work: Promise<T>) => {
    seen.pages++;
    seen.largestPage = Math.max(seen.largestPage, n);
    return work;
  };
  const wrapped: RecomputeEngine = {
    ...engine,
    add: (h) => page(h.length, engine.add(h)),
    fit: (o) => whileRunning(engine.fit(o), (t) => (seen.fitTurns += t)),
    predict: (h, v) =>
      page(
        h.length,
        whileRunning(engine.predict(h, v), (t) => (seen.predictTurns += t)),
      ),
  };
  return { seen, wrapped };
}

/**
 * Whether the event loop turned between each history page's read and its hand-over to the engine: at every page's
 * rows (those with an order's total_price and processed_at) an immediate is scheduled, and each engine call takes
 * the oldest read's.
 */
function turnsAfterReads(engine: RecomputeEngine) {
  const reads: { turned: boolean }[] = [];
  const handedOver: boolean[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const first = args.result.rows[0] as Record<string, unknown> | undefined;
      // A page's history rows (one per line, or on SQLite one per order with its lines as JSON).
      if (first && "total_price" in first && "processed_at" in first) {
        const read = { turned: false };
        reads.push(read);
        setImmediate(() => (read.turned = true));
      }
      return args.result;
    },
  };
  const handOver = <T>(work: () => Promise<T>) => {
    handedOver.push(reads.shift()?.turned ?? false);
    return work();
  };
  const wrapped: RecomputeEngine = {
    ...engine,
    add: (h) => handOver(() => engine.add(h)),
    predict: (h, v) => handOver(() => engine.predict(h, v)),
  };
  return { plugin, wrapped, handedOver };
}

describe.each(DB_KINDS)("streamed full recompute on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, SHOP, storeOrders());
  });
  afterAll(() => t.db.destroy());

  it("stores what the whole-list fit predicts, reading pages of customers, with the event loop turning", async () => {
    const { seen, wrapped } = observed(workerRecomputeEngine());
    const service = createRecomputeService({
      db: t.db,
      clock: () => NOW,
      log: () => {},
      pageSize: PAGE,
      engine: () => wrapped,
    });
    expect(await service.recomputeShop(SHOP)).toEqual({ customers: 45 });

    const byCustomer = new Map<string, Order[]>();
    for (const o of storeOrders()) byCustomer.set(o.customerId!, [...(byCustomer.get(o.customerId!) ?? []), o]);
    const histories = [...byCustomer.keys()].sort().map((id) => historyFromOrders(id, byCustomer.get(id)!));
    const model = fitStoreModel(histories, NOW);
    const expected = histories.map((h) => fromPredictionRow(toPredictionRow(SHOP, predictCustomer(h, model, NOW))));
    expect(await listPredictions(t.db, SHOP)).toEqual(expected);

    expect(seen.largestPage).toBeLessThanOrEqual(PAGE);
    expect(seen.pages).toBe(2 * Math.ceil(45 / PAGE));
    // The fit and every page's predictions ran on the worker: the main thread kept turning meanwhile.
    expect(seen.fitTurns).toBeGreaterThan(0);
    expect(seen.predictTurns).toBeGreaterThan(0);
  });

  it("the same engine on the calling thread holds the event loop (what the worker avoids)", async () => {
    const { seen, wrapped } = observed(inlineRecomputeEngine());
    const service = createRecomputeService({
      db: t.db,
      clock: () => NOW,
      log: () => {},
      pageSize: PAGE,
      engine: () => wrapped,
    });
    await service.recomputeShop(SHOP);
    expect(seen.fitTurns + seen.predictTurns).toBe(0);
  });

  it("hands each page to the engine in a later event-loop turn than its read (an admin request can run between)", async () => {
    // On the calling thread the engine is never the bottleneck: each page is handed over as soon as it is read.
    const { plugin, wrapped, handedOver } = turnsAfterReads(inlineRecomputeEngine());
    const service = createRecomputeService({
      db: t.db.withPlugin(plugin),
      clock: () => NOW,
      log: () => {},
      pageSize: PAGE,
      engine: () => wrapped,
    });
    await service.recomputeShop(SHOP);
    expect(handedOver).toHaveLength(2 * Math.ceil(45 / PAGE));
    expect(handedOver.filter((turned) => !turned)).toEqual([]);
  });

  it("drops the prediction of a customer left without counted orders, keeps everyone else's", async () => {
    const before = await listPredictions(t.db, SHOP);
    await upsertPredictions(t.db, SHOP, [{ ...before[0], customerId: "gone" }]);
    const service = createRecomputeService({ db: t.db, clock: () => NOW, log: () => {}, pageSize: PAGE });
    await service.recomputeShop(SHOP);
    expect(await listPredictions(t.db, SHOP)).toEqual(before);
  });
});
