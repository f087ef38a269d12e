import { bgnbdConditionalExpected, bgnbdNextPurchaseQuantile, bgnbdProbPurchaseWithin } from "../btyd/bgnbd.js";
import { auc } from "./auc.js";
import { calibratedExpectedOrders, calibratedOrderProbability90, calibratedPredictive } from "./calibration.js";
import { dayIndex } from "./days.js";
import { btydSummary, fitStoreModelFromDays } from "./fit-store-model.js";
import { gapCdf, gapQuantile, type GapPredictive } from "./gap-model.js";
import { baseView } from "./timing-features.js";
import type { PurchaseDay } from "./purchase-days.js";
import { ValidationError } from "../shared/errors.js";
import { scoreSegments, segmentsOf, type SegmentName, type SegmentScore } from "./backtest-segments.js";

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
  /** Share of customers whose window is no wider than the horizon (the others read "not expected within N days"). */
  windowedShare: number;
  /** Among reorderers who were shown a window (width ≤ horizon): share whose first reorder fell inside it. */
  windowedCoverage: number;
  /** Median width of the windows shown. */
  medianShownWindowDays: number;
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
  const model = fitStoreModelFromDays(
    customers.map((c) => c.calibration),
    cutoff,
  );
  const bg = model.bgnbd?.params ?? null;
  const actual = customers.map((c) => c.holdoutDays.length);
  const label90 = customers.map((c) => c.holdoutDays.some((d) => d < cut + 90));
  const ours = { pred: [] as number[], p90: [] as number[], hit: [] as boolean[], width: [] as number[] };
  const base = { pred: [] as number[], p90: [] as number[], hit: [] as boolean[], width: [] as number[] };
  customers.forEach((c) => {
    const first = c.holdoutDays.length ? c.holdoutDays.reduce((m, d) => Math.min(m, d), Infinity) : null;
    const v = baseView(c.calibration, model, cut);
    const last = c.calibration[c.calibration.length - 1].day;
    ours.pred.push(calibratedExpectedOrders(v, model.calibration, horizonDays));
    ours.p90.push(calibratedOrderProbability90(v, model.calibration));
    // "Inside the window", identical for both models: the 10th–90th percentile of the model's time to the next
    // order, given the customer still buys and has not ordered before the cutoff; whole days, ends included.
    const w = conditionalWindow(calibratedPredictive(v, model.calibration), last, v.timing.elapsedDays);
    ours.hit.push(first !== null && first >= Math.floor(w.early) && first <= Math.ceil(w.late));
    ours.width.push(w.late - w.early);
    if (!bg) return;
    const s = btydSummary(c.calibration, cut);
    base.pred.push(bgnbdConditionalExpected(bg, s, horizonDays));
    base.p90.push(bgnbdProbPurchaseWithin(bg, s, 90));
    const bEarly = cut + bgnbdNextPurchaseQuantile(bg, s, 0.1);
    const bLate = cut + bgnbdNextPurchaseQuantile(bg, s, 0.9);
    base.hit.push(first !== null && first >= Math.floor(bEarly) && first <= Math.ceil(bLate));
    base.width.push(bLate - bEarly);
  });
  const totalActual = actual.reduce((s, v) => s + v, 0);
  const reorderers = actual.filter((a) => a > 0).length;
  const score = (m: typeof ours): ModelScore => {
    const predicted = m.pred.reduce((s, v) => s + v, 0);
    const shown = m.width.map((w) => w <= horizonDays);
    const shownReorderers = actual.filter((a, i) => a > 0 && shown[i]).length;
    return {
      windowedShare: round(shown.filter(Boolean).length / customers.length, 4),
      windowedCoverage: round(m.hit.filter((h, i) => h && shown[i]).length / shownReorderers, 4),
      medianShownWindowDays: round(median(m.width.filter((_, i) => shown[i])), 1),
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
      degenerate: model.bgnbd?.degenerate ?? true,
      warnings: model.bgnbd?.warnings ?? ["fit failed"],
    },
  };
}

/** Days of the conditional 10–90 % window of the next order, after `elapsed` silent days since `last`. */
function conditionalWindow(p: GapPredictive, last: number, elapsed: number): { early: number; late: number } {
  const f0 = gapCdf(p, elapsed);
  return { early: last + gapQuantile(p, f0 + 0.1 * (1 - f0)), late: last + gapQuantile(p, f0 + 0.9 * (1 - f0)) };
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
