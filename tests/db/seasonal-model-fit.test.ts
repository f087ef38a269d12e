// The store model's seasonal clock is stored with the model and read back, so the incremental (webhook) path
// predicts on the same clock as the full recompute; a model stored before the clock existed loads without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStoreModel, saveModelFit } from "../../server/src/db/repositories/model-fit.repository.js";
import { fitStoreModelFromDays } from "../../server/src/domain/timing/fit-store-model.js";
import type { StoreModel } from "../../server/src/domain/timing/store-model.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "season.myshopify.com";
const DAY = 86_400_000;
const START = 19_000;

/**
 * Two-order customers whose reorders crowd each December while their first orders spread over the year: three years
 * of them, so the fit finds the season in the reorders themselves (a season only in acquisitions, reorders a fixed
 * gap later, is read as no season: the clock weighs repeat orders by the store's own exposure).
 */
function seasonalDays() {
  const out = [];
  for (let i = 0; i < 3000; i++) {
    const year = START + (i % 3) * 365;
    const first = year + ((i * 7) % 365);
    const december = year + 330 + (i % 30);
    const crowded = (i % 10) / 10 < 0.6 && december > first + 10;
    const second = crowded ? december : first + 40;
    out.push([first, second].map((day) => ({ day, amount: 10, quantities: new Map(), titles: new Map() })));
  }
  return out;
}

describe.each(DB_KINDS)("stored store model and its seasonal clock on %s", (kind) => {
  let t: TestDb;
  const now = new Date((START + 3 * 365 + 20) * DAY);
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.db.destroy());

  it("keeps the clock with the model", async () => {
    const model = fitStoreModelFromDays(seasonalDays(), now, { calibrate: false });
    expect(model.seasonalClock?.harmonics.length).toBeGreaterThan(0);
    await saveModelFit(t.db, SHOP, model);
    expect((await loadStoreModel(t.db, SHOP))?.seasonalClock).toEqual(model.seasonalClock);
  });

  it("loads a model stored without a clock as a store without a season", async () => {
    const { seasonalClock: _clock, ...old } = fitStoreModelFromDays(seasonalDays(), now, { calibrate: false });
    await saveModelFit(t.db, SHOP, old as StoreModel);
    expect(await loadStoreModel(t.db, SHOP)).not.toHaveProperty("seasonalClock");
  });
});
