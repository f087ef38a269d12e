import { calibratedExpectedOrders, calibratedOrderProbability90, calibratedPredictive } from "./calibration.js";
import type { TimingCalibration } from "./calibration.js";
import { probOrderWithin } from "./expected-orders.js";
import { gapCdf, gapMode, gapQuantile, type GapPredictive } from "./gap-model.js";
import type { PurchaseDay } from "./purchase-days.js";
import { calendarDay, inSeasonalTime, seasonalHorizon } from "./seasonal-clock.js";
import type { StoreModel } from "./store-model.js";
import { baseView, RANK_HORIZON_DAYS, type BaseView } from "./timing-features.js";
import { IDENTITY_WINDOW, windowLevels, type WindowCalibration } from "./window-calibration.js";

/** Whole days after the last order: the window holds days early..late, both included. */
export interface WindowDays {
  early: number;
  likely: number;
  late: number;
}

/**
 * The stated window of the next order, given it comes within the next `horizon` days: the store-calibrated levels
 * (window-calibration.ts, 10th and 90th percentiles by default; for horizons past the 90-day validation, the levels
 * learned on the origins' longer horizons) of the next-order day restricted to (now, now + horizon]. It never
 * reaches past the horizon, and on the store's own past 80 % of the customers who reordered within the horizon did
 * so inside it. Whether the next order is expected at all is `expectedWithin`'s question.
 */
export function nextOrderWindowDays(
  p: GapPredictive,
  w: WindowCalibration | undefined,
  elapsed: number,
  horizon: number,
): WindowDays {
  const { lower, upper } = windowLevels(w, RANK_HORIZON_DAYS, horizon);
  const f0 = gapCdf(p, elapsed);
  const den = gapCdf(p, elapsed + horizon) - f0;
  const at = (level: number) => {
    const x = den > 1e-12 ? gapQuantile(p, f0 + level * den) : elapsed + level * horizon;
    return Math.min(elapsed + horizon - 1, Math.max(elapsed, Math.floor(Number.isFinite(x) ? x : elapsed + horizon)));
  };
  const early = at(lower),
    late = Math.max(early, at(upper));
  return { early, late, likely: Math.min(late, Math.max(early, Math.round(gapMode(p)))) };
}

/** "Expected within N days" means more likely than not; below that the merchant reads "not expected within N days". */
export const EXPECTED_FROM = 0.5;

/** One customer's outlook over a horizon: the chance of an order, the expected orders, the window, all from one model. */
export interface Outlook {
  /** Calendar days; the windows are in the model's days after the last order (seasonal on a seasonal store). */
  horizonDays: number;
  pActive: number;
  pOrder: number;
  expectedOrders: number;
  /** Null when the next order is not expected within the horizon (pOrder < EXPECTED_FROM). */
  window: WindowDays | null;
  /** The window as if stated anyway (the backtest scores every customer's, so none is left out of coverage). */
  windowIfStated: WindowDays;
}

/**
 * The calibrated figures made to agree. P(order within h) is the stacked ranker's at 90 days (else the timing
 * model's), capped by E[orders within h] (a count is ≥ 1 whenever there is an order; the expected count is the
 * figure validated in aggregate per cell); P(active) is at least P(order) (an order needs an active customer).
 * See tests/unit/domain/timing/coherent-outlook.test.ts. `horizon` is in the model's days; `horizonDays` is the
 * same span in calendar days (they differ on a seasonal store's clock). The ranker is chosen by the calendar span:
 * it is the stored P(order in 90 d) the backtest's AUC scores, and 90 calendar days read on the clock are rarely
 * exactly 90 seasonal days (compared those, a seasonal store's stored chance skipped the ranker).
 */
export function outlook(
  v: BaseView,
  cal: TimingCalibration | null | undefined,
  horizon: number,
  horizonDays = horizon,
): Outlook {
  const t = v.timing;
  const predictive = calibratedPredictive(v, cal);
  const raw =
    horizonDays === RANK_HORIZON_DAYS
      ? calibratedOrderProbability90(v, cal)
      : probOrderWithin(predictive, t.pActive, t.elapsedDays, horizon);
  const expectedOrders = calibratedExpectedOrders(v, cal, horizon);
  const pOrder = Math.max(0, Math.min(raw, expectedOrders));
  const windowIfStated = nextOrderWindowDays(predictive, cal?.window ?? IDENTITY_WINDOW, t.elapsedDays, horizon);
  return {
    horizonDays,
    // Validated chance of an order is evidence of activity: the retention model's P(active) is raised to it.
    pActive: Math.max(t.pActive, pOrder),
    pOrder,
    expectedOrders,
    window: pOrder >= EXPECTED_FROM ? windowIfStated : null,
    windowIfStated,
  };
}

/** A customer read on the store's seasonal clock: the days, base view and outlook the stored figures come from. */
export interface CustomerOutlook {
  /** The purchase days in seasonal days (the same array when the store has no season). */
  seasonal: PurchaseDay[];
  view: BaseView;
  /** Over the calendar horizon read on the clock: its gaps and windows are in seasonal days after the last order. */
  outlook: Outlook;
  /** Calendar days after the last order of the day `gap` seasonal days after it (`gap` itself without a season). */
  calendarGap: (gap: number) => number;
}

/**
 * One customer's outlook over `horizonDays` calendar days after `nowDay`, on the model's seasonal clock anchored at
 * now: the stored predictions (predict-customer.ts) and the backtest both call this, so what is validated is what
 * is stored. Without a season it is baseView and outlook on the calendar days, unchanged.
 */
export function customerOutlook(
  days: PurchaseDay[],
  model: StoreModel,
  nowDay: number,
  horizonDays: number,
): CustomerOutlook {
  const clock = model.seasonalClock;
  const seasonal = clock ? inSeasonalTime(clock, days, nowDay) : days;
  const view = baseView(seasonal, model, nowDay);
  const horizon = clock ? seasonalHorizon(clock, nowDay, horizonDays) : horizonDays;
  const lastSeasonal = seasonal[seasonal.length - 1].day;
  const lastCalendar = days[days.length - 1].day;
  return {
    seasonal,
    view,
    outlook: outlook(view, model.calibration, horizon, horizonDays),
    calendarGap: clock ? (gap) => calendarDay(clock, lastSeasonal + gap, nowDay) - lastCalendar : (gap) => gap,
  };
}
