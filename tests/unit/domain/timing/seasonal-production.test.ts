// The stored predictions read a seasonal store on its clock, as the backtest validates it: the recompute's own path
// (store-fit collector, then predictCustomer per customer) gives the backtest's expected orders, and its due windows
// are the backtest's seasonal windows mapped back to calendar dates, compressed where the peak runs. The reference
// figures are computed here from the clock directly (warped days, horizon read on the clock), not through the shared
// customerOutlook, so a production path that skips the warp or the mapping back fails.
import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";
import { splitAtCutoff } from "../../../../server/src/domain/synthetic/validate-synthetic.js";
import { runBacktest } from "../../../../server/src/domain/timing/backtest.js";
import {
  calibratedExpectedOrders,
  calibratedOrderProbability90,
} from "../../../../server/src/domain/timing/calibration.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { outlook } from "../../../../server/src/domain/timing/next-order-window.js";
import { predictCustomer } from "../../../../server/src/domain/timing/predict-customer.js";
import {
  inSeasonalTime,
  seasonalDay,
  seasonalHorizon,
  seasonalIntensity,
} from "../../../../server/src/domain/timing/seasonal-clock.js";
import { createStoreFitCollector } from "../../../../server/src/domain/timing/store-fit-collector.js";
import { baseView } from "../../../../server/src/domain/timing/timing-features.js";
import { asHistory } from "./as-history.js";

const HORIZON = 90;

/** The seasonal-peaks store cut 60 days before a late-November peak: the next 90 days run through the peak. */
function seasonalStoreBeforePeak() {
  const regime = regimeNamed("seasonal-peaks");
  if (!regime) throw new Error("seasonal-peaks regime missing");
  const store = generateStore(regime, 3, 2000);
  const cutDay = store.startDay + 2 * 365 + regime.season.peakDay - 60;
  const customers = splitAtCutoff(store, cutDay, HORIZON);
  return { cutDay, now: new Date(cutDay * DAY_MS), customers };
}

describe("stored predictions on a seasonal store", () => {
  it("equal the backtest's expected orders and windows, with calendar windows inside the peak", () => {
    const { cutDay, now, customers } = seasonalStoreBeforePeak();
    const histories = customers.map((c, i) => asHistory(`c${i}`, c.calibration));
    const collector = createStoreFitCollector(histories.length, now);
    for (const h of histories) collector.add(h);
    const model = collector.finish();
    const clock = model.seasonalClock;
    if (!clock) throw new Error("expected the store fit to learn the season");
    const predictions = histories.map((h) => predictCustomer(h, model, now));

    // Reference, straight from the clock: warped days, the 90 calendar days read on the clock.
    const horizon = seasonalHorizon(clock, cutDay, HORIZON);
    expect(horizon).toBeGreaterThan(HORIZON * 1.2);
    const reference = customers.map((c) => {
      const days = inSeasonalTime(clock, c.calibration, cutDay);
      const view = baseView(days, model, cutDay);
      const o = outlook(view, model.calibration, horizon, HORIZON);
      const expected = calibratedExpectedOrders(view, model.calibration, horizon);
      return {
        last: days[days.length - 1].day,
        expected,
        // The stored 90-day chance is the ranker's (the one the backtest's AUC scores), capped by the expected count.
        pOrder: Math.max(0, Math.min(calibratedOrderProbability90(view, model.calibration), expected)),
        o,
      };
    });
    expect(model.calibration?.ranker).toBeTruthy();
    for (const [i, p] of predictions.entries()) {
      expect(p.expectedOrders90d).toBeCloseTo(reference[i].expected, 10);
      expect(p.pOrder90d).toBeCloseTo(reference[i].pOrder, 10);
    }
    const total = predictions.reduce((s, p) => s + p.expectedOrders90d, 0);
    const backtest = runBacktest(customers, now, HORIZON);
    expect(Math.round(total * 10) / 10).toBe(backtest.ours.predictedRepeatOrders);

    // Each stated window is the seasonal window mapped back: its calendar dates read on the clock give its days.
    const seasonalOf = (d: Date) => seasonalDay(clock, d.getTime() / DAY_MS, cutDay);
    let stated = 0;
    let reorderers = 0;
    let inside = 0;
    predictions.forEach((p, i) => {
      const w = p.nextOrder?.window;
      const ref = reference[i];
      expect(w === null).toBe(ref.o.window === null);
      if (!w || !ref.o.window) return;
      stated++;
      expect(seasonalOf(w.early)).toBeCloseTo(ref.last + ref.o.window.early, 4);
      expect(seasonalOf(w.late)).toBeCloseTo(ref.last + ref.o.window.late, 4);
      // In the peak a seasonal day is less than a calendar day: the printed window is narrower than its seasonal days.
      const calendarWidth = (w.late.getTime() - w.early.getTime()) / DAY_MS;
      if (ref.o.window.late > ref.o.window.early)
        expect(calendarWidth).toBeLessThan(ref.o.window.late - ref.o.window.early);
      expect(seasonalIntensity(clock, w.likely.getTime() / DAY_MS)).toBeGreaterThan(1);
      const first = customers[i].holdoutDays[0];
      if (first === undefined) return;
      reorderers++;
      if (first * DAY_MS >= w.early.getTime() && first * DAY_MS <= w.late.getTime()) inside++;
    });
    expect(stated).toBeGreaterThan(50);
    // The calendar windows cover the reorders exactly as the backtest's seasonal windows do.
    expect(Math.round((inside / reorderers) * 1e4) / 1e4).toBe(backtest.ours.windowedCoverage);
  }, 120_000);

  it("state the usual cycle in calendar days, as every other day count on the page", () => {
    // "Buys about every N days" beside "last order M days ago" and the calendar due window: a cycle left in seasonal
    // days reads longer than the whole calendar window where the peak compresses time.
    const { now, customers } = seasonalStoreBeforePeak();
    const histories = customers.map((c, i) => asHistory(`c${i}`, c.calibration));
    const collector = createStoreFitCollector(histories.length, now);
    for (const h of histories) collector.add(h);
    const model = collector.finish();
    const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
    let compared = 0;
    for (const h of histories) {
      const p = predictCustomer(h, model, now);
      if (p.orderCount < 3 || p.cycleDays === null || !p.dueWindow) continue;
      compared++;
      // The usual gap, from the last order, ends inside the stated window.
      expect(p.cycleDays).toBeGreaterThanOrEqual(days(p.lastOrderAt, p.dueWindow.early) - 0.5);
      expect(p.cycleDays).toBeLessThanOrEqual(days(p.lastOrderAt, p.dueWindow.late) + 0.5);
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);
});
