// A store without a season takes the calendar path unchanged: the fit learns no clock (the stored model JSON gains
// no field) and every stored figure is the outlook of the customer's calendar days, dates offset from the last order
// exactly as before the clock reached production.
import { describe, expect, it } from "vitest";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";
import { addDays } from "../../../../server/src/domain/timing/days.js";
import { outlook } from "../../../../server/src/domain/timing/next-order-window.js";
import { predictCustomer } from "../../../../server/src/domain/timing/predict-customer.js";
import { toPurchaseDays } from "../../../../server/src/domain/timing/purchase-days.js";
import { createStoreFitCollector } from "../../../../server/src/domain/timing/store-fit-collector.js";
import { baseView, RANK_HORIZON_DAYS } from "../../../../server/src/domain/timing/timing-features.js";
import { historiesAtLastCutoff } from "./store-at-cutoff.js";

describe("stored predictions on a store without a season", () => {
  it("are the calendar outlook, with no clock in the model", () => {
    // Four years of a flat yearly store: long enough for the clock learner to look (it needs about two), no season.
    const regime = regimeNamed("yearly-apparel");
    if (!regime) throw new Error("yearly-apparel regime missing");
    const { startDay, cutDay, now, histories } = historiesAtLastCutoff(regime, 5, 800);
    expect(cutDay - startDay).toBeGreaterThan(3 * 365);
    const collector = createStoreFitCollector(histories.length, now);
    for (const h of histories) collector.add(h);
    const model = collector.finish();
    expect(model).not.toHaveProperty("seasonalClock");
    for (const h of histories) {
      const days = toPurchaseDays(h);
      const o = outlook(baseView(days, model, cutDay), model.calibration, RANK_HORIZON_DAYS);
      const p = predictCustomer(h, model, now);
      const at = (d: number) => addDays(p.lastOrderAt, d);
      expect(p.expectedOrders90d).toBe(o.expectedOrders);
      expect(p.pOrder90d).toBe(o.pOrder);
      expect(p.nextOrder).toEqual({
        horizonDays: RANK_HORIZON_DAYS,
        window: o.window && { early: at(o.window.early), likely: at(o.window.likely), late: at(o.window.late) },
      });
    }
  });
});
