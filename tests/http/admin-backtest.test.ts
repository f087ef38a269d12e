import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelBacktestService } from "../../server/src/services/model-backtest.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW } from "./admin/fixtures.js";

const DAY = 86_400_000;

// Regular buyers (every 28–32 days) are easy to predict: most reorders of the last quarter must land in the window.
describe("model backtest summary", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    const orders = [];
    for (let c = 0; c < 30; c++) {
      for (let k = 0, day = -400 + c; day < -1; k++, day += 28 + ((c + k) % 5)) {
        orders.push({
          shop_domain: "regular.myshopify.com",
          order_id: `c${c}-${k}`,
          customer_id: `c${c}`,
          name: null,
          processed_at: new Date(NOW.getTime() + day * DAY).toISOString(),
          updated_at: NOW.toISOString(),
          cancelled_at: null,
          test: 0,
          total_price: 30,
          refunded_total: 0,
          currency: "USD",
          discount_codes: "[]",
          excluded_reason: null,
        });
      }
    }
    await db.db.insertInto("orders").values(orders).execute();
  });
  afterAll(() => db?.destroy());

  it("reports last quarter's reorders and the share inside the predicted window", async () => {
    const summary = await createModelBacktestService({ db: db.db, now: () => NOW }).summary("regular.myshopify.com");
    expect(summary).not.toBeNull();
    expect(summary!.reordered).toBe(30);
    expect(summary!.insideWindowShare).toBeGreaterThan(0.6);
    expect(summary!.to).toBe(NOW.toISOString());
    // The windows' width: a window never reaches past the 91-day horizon, and steady 30-day buyers get narrow ones.
    expect(summary!.horizonDays).toBe(91);
    expect(summary!.medianWindowDays).toBeGreaterThan(0);
    expect(summary!.medianWindowDays).toBeLessThan(30);
    expect(summary!.windowedShare).toBeGreaterThan(0);
    expect(summary!.windowedShare).toBeLessThanOrEqual(1);
  });

  it("is null for a shop without history", async () => {
    expect(await createModelBacktestService({ db: db.db, now: () => NOW }).summary("empty.myshopify.com")).toBeNull();
  });
});
