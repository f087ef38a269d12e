import { expectedOrders, probOrderWithin } from "./expected-orders.js";
import { predictLogistic, type LogisticModel } from "./logistic.js";
import { RANK_HORIZON_DAYS, type BaseView } from "./timing-features.js";
import { tenureFactor, type TenureCalibration } from "./tenure-calibration.js";
import { calibrate, IDENTITY_WINDOW, type WindowCalibration } from "./window-calibration.js";
import type { GapPredictive } from "./gap-model.js";

/**
 * What the store's own recent past says about the base timing model, learned by rolling-origin validation
 * inside the data before `now` (learn-calibration.ts) and stored with the store model, so the one-customer
 * recompute applies it in microseconds.
 */
export interface TimingCalibration {
  validationDays: number;
  origins: number;
  rows: number;
  /** actual ÷ predicted orders per recency × frequency cell (timing-features.ts cellOf), shrunk toward pooledFactor. */
  orderFactors: number[];
  pooledFactor: number;
  /** Stacked P(order within 90 days); null when validation had too few rows. */
  ranker: LogisticModel | null;
  window: WindowCalibration;
  /** Later orders (beyond validationDays) by tenure; absent in models stored before it existed: identity. */
  tenure?: TenureCalibration | null;
}

export function calibratedExpectedOrders(
  v: BaseView,
  cal: TimingCalibration | null | undefined,
  horizonDays: number,
): number {
  const t = v.timing;
  const base = expectedOrders(t.predictive, t.pActive, v.continuation, t.elapsedDays, horizonDays);
  if (!cal) return base;
  // The cell factor was validated on the first validationDays only (a validation window of one season says
  // nothing about the rest of a year); later orders keep the base model's level, scaled only by tenure.
  const validated =
    horizonDays <= cal.validationDays
      ? base
      : expectedOrders(t.predictive, t.pActive, v.continuation, t.elapsedDays, cal.validationDays);
  const later = (base - validated) * tenureFactor(cal.tenure, v.tenureDays);
  return validated * (cal.orderFactors[v.cell] ?? cal.pooledFactor) + later;
}

export function calibratedOrderProbability90(v: BaseView, cal: TimingCalibration | null | undefined): number {
  if (cal?.ranker) return predictLogistic(cal.ranker, v.features);
  const t = v.timing;
  return probOrderWithin(t.predictive, t.pActive, t.elapsedDays, RANK_HORIZON_DAYS);
}

export function calibratedPredictive(v: BaseView, cal: TimingCalibration | null | undefined): GapPredictive {
  return calibrate(v.timing.predictive, cal?.window ?? IDENTITY_WINDOW);
}
