// One full recompute per shop at a time (issue 13: the demo ran three whole-shop fits at once, 106 s each on the
// shared machine): orders arriving before the shop's first model each started their own fit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { findPrediction } from "../../server/src/db/repositories/prediction.repository.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { syncedOrder } from "../helpers/synced-order.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "one-run.myshopify.com";
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

/** 12 customers ordering every ~30 days. */
function orders() {
  return Array.from({ length: 12 }, (_, c) =>
    Array.from({ length: 3 }, (_, k) => syncedOrder(`o${c}-${k}`, `c${c}`, daysAgo(5 + c + k * 30))),
  ).flat();
}

describe.each(DB_KINDS)("full recompute runs once per shop at a time on %s", (kind) => {
  let t: TestDb;
  const runs: string[] = [];
  let service: ReturnType<typeof createRecomputeService>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, SHOP, orders());
    service = createRecomputeService({
      db: t.db,
      clock: () => NOW,
      log: (m) => {
        if (m.startsWith(`recompute ${SHOP}:`)) runs.push(m);
      },
    });
  });
  afterAll(() => t.db.destroy());

  it("customers recomputed before the first model share one fit and are each predicted", async () => {
    const ids = ["c0", "c3", "c7", "c11"];
    const predicted = await Promise.all(ids.map((id) => service.recomputeCustomer(SHOP, id)));
    expect(runs).toHaveLength(1);
    expect(predicted.map((p) => p?.customerId)).toEqual(ids);
    expect(await findPrediction(t.db, SHOP, "c5")).not.toBeNull();
  });

  it("full recomputes asked while one runs share one more run after it", async () => {
    runs.length = 0;
    const asked = await Promise.all([1, 2, 3, 4].map(() => service.recomputeShop(SHOP)));
    expect(asked.map((r) => r.customers)).toEqual([12, 12, 12, 12]);
    expect(runs).toHaveLength(2);
    await service.recomputeShop(SHOP);
    expect(runs).toHaveLength(3);
  });
});
