import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { findPrediction, upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";
import { duePrediction } from "../browser/engine-fixtures.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "next-order.myshopify.com";
const NOW = new Date("2026-11-20T12:00:00.000Z");
const DAY = 86_400_000;
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

const expected: CustomerPrediction = {
  ...duePrediction("expected", NOW),
  pOrder90d: 0.72,
  nextOrder: { horizonDays: 90, window: { early: day(3), likely: day(9), late: day(40) } },
};
const notExpected: CustomerPrediction = {
  ...duePrediction("not-expected", NOW),
  pOrder90d: 0.2,
  nextOrder: { horizonDays: 90, window: null },
};
const { nextOrder: _, ...older } = duePrediction("older", NOW); // as the engine wrote it before issue 12

describe.each(DB_KINDS)("next-order outlook in customer_predictions on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertPredictions(t.db, SHOP, [expected, notExpected, older]);
  });
  afterAll(async () => t?.destroy());

  it("reads back a window, 'not expected within 90 days', and nothing for a prediction without one", async () => {
    expect((await findPrediction(t.db, SHOP, "expected"))?.nextOrder).toEqual(expected.nextOrder);
    expect((await findPrediction(t.db, SHOP, "not-expected"))?.nextOrder).toEqual({ horizonDays: 90, window: null });
    const old = await findPrediction(t.db, SHOP, "older");
    expect(old).toBeDefined();
    expect(old?.nextOrder).toBeUndefined();
    expect(old?.dueWindow).toEqual(older.dueWindow);
  });

  it("an upsert replaces a window by 'not expected' (no stale ends left behind)", async () => {
    await upsertPredictions(t.db, SHOP, [{ ...expected, nextOrder: { horizonDays: 90, window: null } }]);
    expect((await findPrediction(t.db, SHOP, "expected"))?.nextOrder).toEqual({ horizonDays: 90, window: null });
    const row = await t.db
      .selectFrom("customer_predictions")
      .select(["next_order_early", "next_order_likely", "next_order_late", "next_order_horizon_days"])
      .where("customer_id", "=", "expected")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      next_order_early: null,
      next_order_likely: null,
      next_order_late: null,
      next_order_horizon_days: 90,
    });
  });

  it("a row written before the migration (all next-order columns null) reads as no outlook", async () => {
    await sql`update customer_predictions set next_order_horizon_days = null, next_order_early = null, next_order_likely = null, next_order_late = null where customer_id = 'not-expected'`.execute(
      t.db,
    );
    expect((await findPrediction(t.db, SHOP, "not-expected"))?.nextOrder).toBeUndefined();
  });
});
