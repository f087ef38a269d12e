import { bgnbdConditionalExpected, bgnbdNextPurchaseQuantile, bgnbdProbPurchaseWithin } from "../btyd/bgnbd.js";
import { auc } from "./auc.js";
import { calibratedOrderProbability90 } from "./calibration.js";
import { dayIndex } from "./days.js";
import { BTYD_SAMPLE_SIZE, btydSummary, evenSample, fitStoreModelFromDays } from "./fit-store-model.js";
import { fitBgnbd } from "../btyd/bgnbd-fit.js";
import type { BgNbdParams } from "../btyd/bgnbd.js";
import type { StoredFit } from "./store-model.js";
import { customerOutlook } from "./next-order-window.js";
import type { PurchaseDay } from "./purchase-days.js";
import { ValidationError } from "../shared/errors.js";
import { scoreSegments, segmentsOf, type SegmentName, type SegmentScore } from "./backtest-segments.js";
import { NO_SEASON } from "./learn-seasonal-clock.js";
import { seasonalDay } from "./seasonal-clock.js";

/** One customer split at the cutoff: purchase days before it, and the days (day indexes) they bought after it. */
export interface BacktestCustomer {
  calibration: PurchaseDay[];
  holdoutDays: number[];
}

export interface ModelScore {
  predictedRepeatOrders: number;
  /** (predicted − actual) / actual, in percent. */
  errorPct: number;
  /** Among customers who reordered in the horizon: share whose first reorder fell inside their predicted window. */
  reorderedInsideWindowShare: number;
  /** AUC of the predicted P(order within 90 days) against what happened. */
  auc90: number;
  /** Median width of the predicted window in days (a wider window is easier to hit; report both). */
  medianWindowDays: number;
  /**
   * Share of customers shown a window: ours, those expected to order within the horizon (the others read "not
   * expected within N days"); BG/NBD, windows no wider than the horizon.
   */
  windowedShare: number;
  /** Among reorderers who were shown a window: share whose first reorder fell inside it. */
  windowedCoverage: number;
  /** Median width of the windows shown. */
  medianShownWindowDays: number;
  /** Among customers not shown a window ("not expected within N days"): share who did reorder within the horizon. */
  notShownReorderedShare: number;
}

export interface BacktestResult {
  customers: number;
  actualRepeatOrders: number;
  reorderers: number;
  /** AUC of "fewest days since the last order first" against ordering within 90 days: the baseline to beat. */
  recencyAuc90: number;
  segments: Record<SegmentName, SegmentScore>;
  ours: ModelScore & { calibration: object | null };
  bgnbd: ModelScore & { params: object | null; degenerate: boolean; warnings: string[] };
}

/** Fits on calibration days only (now = cutoff) and scores both models on the horizon that follows. */
export function runBacktest(customers: BacktestCustomer[], cutoff: Date, horizonDays: number): BacktestResult {
  if (customers.length === 0) throw new ValidationError("No customers have orders before the cutoff");
  const cut = dayIndex(cutoff);
  // The production fit and per-customer outlook (customerOutlook): the model learns the store's seasonal clock and
  // reads every customer on it, anchored at the cutoff; labels, recency and plain BG/NBD stay in calendar days.
  const model = fitStoreModelFromDays(
    customers.map((c) => c.calibration),
    cutoff,
  );
  const clock = model.seasonalClock ?? NO_SEASON;
  // Plain BG/NBD, the baseline, stays on the calendar: refitted on calendar days when the clock warped ours.
  const bgFit = model.seasonalClock ? calendarBgnbd(customers, cut) : model.bgnbd;
  const bg = bgFit?.params ?? null;
  const actual = customers.map((c) => c.holdoutDays.length);
  const label90 = customers.map((c) => c.holdoutDays.some((d) => d < cut + 90));
  const track = () => ({ pred: [] as number[], p90: [] as number[], hit: [] as boolean[], width: [] as number[] });
  const ours = { ...track(), shown: [] as boolean[] };
  const base = { ...track(), shown: [] as boolean[] };
  customers.forEach((c) => {
    const calendarFirst = c.holdoutDays.length ? c.holdoutDays.reduce((m, d) => Math.min(m, d), Infinity) : null;
    const first = calendarFirst === null ? null : seasonalDay(clock, calendarFirst, cut);
    const { seasonal, view, outlook: o } = customerOutlook(c.calibration, model, cut, horizonDays);
    const last = seasonal[seasonal.length - 1].day;
    ours.pred.push(o.expectedOrders);
    ours.p90.push(calibratedOrderProbability90(view, model.calibration));
    // Ours: the window as stated (next-order-window.ts), scored for every customer, "not expected" ones included;
    // whole days, ends included.
    const w = o.windowIfStated;
    ours.hit.push(first !== null && first >= last + w.early && first <= last + w.late);
    ours.width.push(w.late - w.early + 1);
    ours.shown.push(o.window !== null);
    if (!bg) return;
    const s = btydSummary(c.calibration, cut);
    base.pred.push(bgnbdConditionalExpected(bg, s, horizonDays));
    base.p90.push(bgnbdProbPurchaseWithin(bg, s, 90));
    const bEarly = cut + bgnbdNextPurchaseQuantile(bg, s, 0.1);
    const bLate = cut + bgnbdNextPurchaseQuantile(bg, s, 0.9);
    base.hit.push(calendarFirst !== null && calendarFirst >= Math.floor(bEarly) && calendarFirst <= Math.ceil(bLate));
    base.width.push(bLate - bEarly);
    base.shown.push(bLate - bEarly <= horizonDays);
  });
  const totalActual = actual.reduce((s, v) => s + v, 0);
  const reorderers = actual.filter((a) => a > 0).length;
  const score = (m: typeof ours): ModelScore => {
    const predicted = m.pred.reduce((s, v) => s + v, 0);
    const shown = m.shown;
    const notShown = shown.filter((s) => !s).length;
    const shownReorderers = actual.filter((a, i) => a > 0 && shown[i]).length;
    return {
      windowedShare: round(shown.filter(Boolean).length / customers.length, 4),
      windowedCoverage: round(m.hit.filter((h, i) => h && shown[i]).length / shownReorderers, 4),
      medianShownWindowDays: round(median(m.width.filter((_, i) => shown[i])), 1),
      notShownReorderedShare: notShown ? round(actual.filter((a, i) => a > 0 && !shown[i]).length / notShown, 4) : NaN,
      predictedRepeatOrders: round(predicted, 1),
      errorPct: round((100 * (predicted - totalActual)) / totalActual, 1),
      reorderedInsideWindowShare: round(m.hit.filter(Boolean).length / reorderers, 4),
      auc90: round(auc(m.p90, label90), 4),
      medianWindowDays: round(median(m.width), 1),
    };
  };
  const empty = {
    predictedRepeatOrders: NaN,
    errorPct: NaN,
    reorderedInsideWindowShare: NaN,
    auc90: NaN,
    medianWindowDays: NaN,
    windowedShare: NaN,
    windowedCoverage: NaN,
    medianShownWindowDays: NaN,
    notShownReorderedShare: NaN,
  };
  const recency = customers.map((c) => c.calibration[c.calibration.length - 1].day);
  return {
    customers: customers.length,
    actualRepeatOrders: totalActual,
    reorderers,
    recencyAuc90: round(auc(recency, label90), 4),
    segments: scoreSegments(segmentsOf(customers, cut), actual, ours.pred, base.pred),
    ours: {
      ...score(ours),
      calibration: model.calibration
        ? {
            origins: model.calibration.origins,
            rows: model.calibration.rows,
            pooledFactor: round(model.calibration.pooledFactor, 3),
            window: model.calibration.window,
            tenure: model.calibration.tenure ?? null,
          }
        : null,
    },
    bgnbd: {
      ...(bg ? score(base) : empty),
      params: bg,
      degenerate: bgFit?.degenerate ?? true,
      warnings: bgFit?.warnings ?? ["fit failed"],
    },
  };
}

function calendarBgnbd(customers: BacktestCustomer[], cut: number): StoredFit<BgNbdParams> | null {
  const sample = evenSample(customers, BTYD_SAMPLE_SIZE);
  try {
    const f = fitBgnbd(sample.map((c) => btydSummary(c.calibration, cut)));
    return { params: f.params, ll: f.ll, degenerate: f.degenerate, warnings: f.warnings };
  } catch {
    return null;
  }
}

function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
