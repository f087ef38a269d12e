import { bgnbdConditionalExpected, bgnbdNextPurchaseQuantile, bgnbdProbPurchaseWithin } from "../btyd/bgnbd";
import { auc } from "./auc";
import { customerTiming } from "./customer-timing";
import { dayIndex } from "./days";
import { expectedOrders, probOrderWithin } from "./expected-orders";
import { btydSummary, fitStoreModelFromDays } from "./fit-store-model";
import { gapCdf, gapQuantile } from "./gap-model";
import type { PurchaseDay } from "./purchase-days";
import { ValidationError } from "../shared/errors";

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
}

export interface BacktestResult {
  customers: number;
  actualRepeatOrders: number;
  reorderers: number;
  ours: ModelScore;
  bgnbd: ModelScore & { params: object | null; degenerate: boolean; warnings: string[] };
}

/** Fits on calibration days only (now = cutoff) and scores both models on the horizon that follows. */
export function runBacktest(customers: BacktestCustomer[], cutoff: Date, horizonDays: number): BacktestResult {
  if (customers.length === 0) throw new ValidationError("No customers have orders before the cutoff");
  const cut = dayIndex(cutoff);
  const model = fitStoreModelFromDays(customers.map((c) => c.calibration), cutoff);
  const bg = model.bgnbd?.params ?? null;
  const actual = customers.map((c) => c.holdoutDays.length);
  const label90 = customers.map((c) => c.holdoutDays.some((d) => d < cut + 90));
  const ours = { pred: [] as number[], p90: [] as number[], hit: [] as boolean[] };
  const base = { pred: [] as number[], p90: [] as number[], hit: [] as boolean[] };
  customers.forEach((c) => {
    const first = c.holdoutDays.length ? c.holdoutDays.reduce((m, d) => Math.min(m, d), Infinity) : null;
    const t = customerTiming(c.calibration, model, cut);
    const last = c.calibration[c.calibration.length - 1].day;
    ours.pred.push(expectedOrders(t.predictive, t.pActive, t.piNext, t.elapsedDays, horizonDays));
    ours.p90.push(probOrderWithin(t.predictive, t.pActive, t.elapsedDays, 90));
    const f0 = gapCdf(t.predictive, t.elapsedDays);
    const early = last + gapQuantile(t.predictive, f0 + 0.1 * (1 - f0));
    const late = last + gapQuantile(t.predictive, f0 + 0.9 * (1 - f0));
    ours.hit.push(first !== null && first >= Math.floor(early) && first <= Math.ceil(late));
    if (!bg) return;
    const s = btydSummary(c.calibration, cut);
    base.pred.push(bgnbdConditionalExpected(bg, s, horizonDays));
    base.p90.push(bgnbdProbPurchaseWithin(bg, s, 90));
    const bEarly = cut + bgnbdNextPurchaseQuantile(bg, s, 0.1);
    const bLate = cut + bgnbdNextPurchaseQuantile(bg, s, 0.9);
    base.hit.push(first !== null && first >= Math.floor(bEarly) && first <= Math.ceil(bLate));
  });
  const totalActual = actual.reduce((s, v) => s + v, 0);
  const reorderers = actual.filter((a) => a > 0).length;
  const score = (m: typeof ours): ModelScore => {
    const predicted = m.pred.reduce((s, v) => s + v, 0);
    return {
      predictedRepeatOrders: round(predicted, 1),
      errorPct: round((100 * (predicted - totalActual)) / totalActual, 1),
      reorderedInsideWindowShare: round(m.hit.filter(Boolean).length / reorderers, 4),
      auc90: round(auc(m.p90, label90), 4),
    };
  };
  const empty = { predictedRepeatOrders: NaN, errorPct: NaN, reorderedInsideWindowShare: NaN, auc90: NaN };
  return {
    customers: customers.length,
    actualRepeatOrders: totalActual,
    reorderers,
    ours: score(ours),
    bgnbd: { ...(bg ? score(base) : empty), params: bg, degenerate: model.bgnbd?.degenerate ?? true, warnings: model.bgnbd?.warnings ?? ["fit failed"] },
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
