import { fitBgnbd } from "../btyd/bgnbd-fit.js";
import { fitGammaGamma, type SpendSummary } from "../btyd/gamma-gamma.js";
import type { RfmSummary } from "../btyd/summary.js";
import { rfmCutpoints, type RfmCutpoints } from "../segments/rfm.js";
import { dayIndex } from "./days.js";
import { estimateGapPrior } from "./gap-prior-fit.js";
import { learnCalibration, learnCalibrationOnSample } from "./learn-calibration.js";
import { learnSeasonalClock } from "./learn-seasonal-clock.js";
import { inSeasonalTime, type SeasonalClock } from "./seasonal-clock.js";
import { validateHistory, type CustomerHistory } from "./history.js";
import { NO_OVERRIDES, type ProductOverrides } from "./non-product-lines.js";
import {
  nextOrderNorms,
  SHRINK_PSEUDO,
  productCycleAccumulator,
  type ProductCycle,
  type ProductCycleAccumulator,
} from "./product-cycles.js";
import { fitPopulationGaps, type PopulationGaps } from "./censored-gaps.js";
import type { GapPrior } from "./gap-model.js";
import { logGaps, toPurchaseDays, type PurchaseDay } from "./purchase-days.js";
import { meanLogUnitsBeforeGaps, packElasticity, perUnitRetention } from "./pack-retention.js";
import { pooledRetention, retentionEvidence } from "./retention-chain.js";
import type { StoreModel, StoredFit, TimingBase } from "./store-model.js";
import { ValidationError } from "../shared/errors.js";

/** Validates every history first (a bad one throws before anything is fitted), then fits the store model. */
export function fitStoreModel(
  histories: CustomerHistory[],
  now: Date,
  options: { productOverrides?: ProductOverrides } = {},
): StoreModel {
  if (histories.length === 0) throw new ValidationError("No customer histories to fit the store model on");
  for (const h of histories) validateHistory(h, now);
  return fitStoreModelFromDays(histories.map(toPurchaseDays), now, options);
}

/** The same fit from already merged purchase days (the bench and backtest build these directly). */
export function fitStoreModelFromDays(
  all: PurchaseDay[][],
  now: Date,
  options: { calibrate?: boolean; productOverrides?: ProductOverrides } = {},
): StoreModel {
  const overrides = options.productOverrides ?? NO_OVERRIDES;
  const base = fitBaseModel(all, now, overrides);
  if (options.calibrate === false) return base;
  const nowDay = dayIndex(now);
  return {
    ...base,
    calibration: learnCalibration(onStoreClock(base.seasonalClock, all, nowDay), nowDay, fitTimingBase),
  };
}

/**
 * What the store-level fit reads from every customer, gathered in one pass (store-fit-collector.ts streams it):
 * the count, an even sample in store order (only its days and amounts are read), the product-cycle sums and the
 * RFM cut points.
 */
export interface StoreFitParts {
  customers: number;
  sample: PurchaseDay[][];
  cycles: ProductCycleAccumulator;
  rfmCuts: RfmCutpoints;
}

/** The fit from streamed parts; `calibrationSample` is the store's even sample of CALIBRATION_SAMPLE customers. */
export function fitStoreModelFromParts(
  parts: StoreFitParts,
  calibrationSample: PurchaseDay[][],
  now: Date,
  overrides: ProductOverrides = NO_OVERRIDES,
): StoreModel {
  const base = fitBaseFromParts(parts, now, overrides);
  const nowDay = dayIndex(now);
  const sample = onStoreClock(base.seasonalClock, calibrationSample, nowDay);
  return { ...base, calibration: learnCalibrationOnSample(sample, nowDay, fitTimingBase) };
}

/** Customers' days read on the model's seasonal clock (the same arrays when the store has no season). */
export function onStoreClock(
  clock: SeasonalClock | undefined,
  customers: PurchaseDay[][],
  nowDay: number,
): PurchaseDay[][] {
  return clock ? customers.map((d) => inSeasonalTime(clock, d, nowDay)) : customers;
}

/** The uncalibrated store model: gap norms, retention, product cycles, BG/NBD, Gamma-Gamma, RFM cut points. */
function fitBaseModel(all: PurchaseDay[][], now: Date, overrides: ProductOverrides = NO_OVERRIDES): StoreModel {
  const nowDay = dayIndex(now);
  const cycles = productCycleAccumulator();
  for (const d of all) cycles.add(d);
  const rfmCuts = rfmCutpoints(
    all.map((d) => ({
      recencyDays: nowDay - d[d.length - 1].day,
      frequency: d.length,
      monetary: d.reduce((s, p) => s + p.amount, 0),
    })),
  );
  return fitBaseFromParts(
    { customers: all.length, sample: evenSample(all, FIT_SAMPLE_SIZE), cycles, rfmCuts },
    now,
    overrides,
  );
}

/**
 * The seasonal clock is learned from the fit sample (every customer up to FIT_SAMPLE_SIZE) and the timing core is
 * fitted on seasonal days; product cycles and RFM cut points stay on the calendar (the streamed sums cannot be
 * re-read, and they are what the merchant reads).
 */
function fitBaseFromParts(parts: StoreFitParts, now: Date, overrides: ProductOverrides): StoreModel {
  const nowDay = dayIndex(now);
  const clock = learnSeasonalClock(parts.sample, nowDay);
  const season: { seasonalClock?: SeasonalClock } = clock.harmonics.length > 0 ? { seasonalClock: clock } : {};
  const core = fitTimingCore(onStoreClock(season.seasonalClock, parts.sample, nowDay), nowDay);
  const productCycles = shiftNextOrderNorms(parts.cycles.finish(core.observedPrior, overrides), core);
  return {
    fittedAt: now,
    customers: parts.customers,
    gapPrior: core.gapPrior,
    packElasticity: core.packElasticity,
    packLogUnits: core.packLogUnits,
    productCycles,
    retention: core.retention,
    retentionEvidence: core.retentionEvidence,
    retentionLine: core.retentionLine,
    bgnbd: core.bgnbd,
    gammaGamma: fitOrNull(() => fitGammaGamma(spendSummaries(evenSample(parts.sample, BTYD_SAMPLE_SIZE)))),
    rfmCuts: parts.rfmCuts,
    calibration: null,
    ...season,
  };
}

/**
 * A calibration origin's fit: the same numbers as fitBaseModel for every field baseView reads (TimingBase), without
 * the parts it never reads (non-product signals, cycle lengths, Gamma-Gamma, RFM cut points): six origins of the
 * store's calibration sample each paid for them.
 */
export function fitTimingBase(all: PurchaseDay[][], now: Date): TimingBase {
  const core = fitTimingCore(evenSample(all, FIT_SAMPLE_SIZE), dayIndex(now));
  return {
    gapPrior: core.gapPrior,
    packElasticity: core.packElasticity,
    packLogUnits: core.packLogUnits,
    productCycles: shiftNextOrderNorms(nextOrderNorms(all, core.observedPrior), core),
    retention: core.retention,
    retentionEvidence: core.retentionEvidence,
    retentionLine: core.retentionLine,
    bgnbd: core.bgnbd,
  };
}

/** Gap norms, retention and BG/NBD from the fit's sample (shared by the store fit and each calibration origin). */
function fitTimingCore(customers: PurchaseDay[][], nowDay: number) {
  const gaps = customers.map(logGaps);
  const beta = packElasticity(customers);
  const logUnits = meanLogUnitsBeforeGaps(customers);
  const observedPrior = estimateGapPrior(gaps);
  const pop = fitPopulationGaps(
    customers.map((d, i) => ({ logGaps: gaps[i], elapsedDays: nowDay - d[d.length - 1].day })),
  );
  const evidence = retentionEvidence(customers.map((d) => d.length));
  // Stored pooled, so P(active) and the follow-on chain read one π (retention-chain.ts pooledRetention).
  const retention = pooledRetention(perUnitRetention(customers, nowDay, pop, beta) ?? pop.retention, evidence);
  return {
    observedPrior,
    packElasticity: beta,
    packLogUnits: logUnits,
    /** Product next-order norms move with the censoring correction of the store's. */
    normShift: pop.m0 - observedPrior.m0,
    // Per one unit: the plain norm holds the pack effect of the store's mean order (β × ū), which packAwarePosterior
    // adds back for the customer's own orders; left in, it was counted twice (issue 12 review).
    gapPrior: { ...censoringCorrectedPrior(observedPrior.a0, pop), m0: pop.m0 - beta * logUnits },
    retention: retention.retention,
    retentionEvidence: evidence,
    retentionLine: retention.line,
    bgnbd: fitOrNull(() => fitBgnbd(evenSample(customers, BTYD_SAMPLE_SIZE).map((d) => btydSummary(d, nowDay)))),
  };
}

/**
 * Store-level parameters need no more than this many customers; bigger stores are fitted on an even sample
 * (four parameters from 50,000 customers are already far tighter than the model's own error).
 */
export const FIT_SAMPLE_SIZE = 200_000;
export const BTYD_SAMPLE_SIZE = 50_000;

export function evenSample<T>(all: T[], size: number): T[] {
  if (all.length <= size) return all;
  const stride = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * stride)]);
}

/** The customer-level prior from the censoring-aware population fit (observed gaps alone are biased short). */
function censoringCorrectedPrior(a0: number, pop: PopulationGaps): GapPrior {
  return { m0: pop.m0, kappa0: pop.sigmaW2 / pop.tau2, a0, b0: pop.sigmaW2 * (a0 - 1) };
}

/**
 * Product next-order norms moved with the censoring correction of the store's norm, and to one unit: less β × the
 * mean ln(units) of the orders behind each norm, shrunk toward the store's as the norm itself is (a pack-only
 * product's norm already holds its longer gaps; packAwarePosterior adds the customer's own pack effect back).
 */
function shiftNextOrderNorms<C extends Pick<ProductCycle, "nextOrderLogMean" | "nextOrderGaps" | "nextOrderLogUnits">>(
  cycles: Map<string, C>,
  core: { normShift: number; packElasticity: number; packLogUnits: number },
): Map<string, C> {
  for (const c of cycles.values()) {
    const n = c.nextOrderGaps;
    const units = (n * (c.nextOrderLogUnits ?? 0) + SHRINK_PSEUDO * core.packLogUnits) / (n + SHRINK_PSEUDO);
    c.nextOrderLogMean += core.normShift - core.packElasticity * units;
  }
  return cycles;
}

/** (x, t_x, T) in days, from merged purchase days. */
export function btydSummary(days: PurchaseDay[], nowDay: number): RfmSummary {
  const first = days[0].day;
  return {
    x: days.length - 1,
    tx: days[days.length - 1].day - first,
    T: Math.max(nowDay - first, days[days.length - 1].day - first),
  };
}

/** Repeat buyers' mean repeat-day value (first purchase excluded), skipping zero-value histories. */
export function spendSummaries(customers: PurchaseDay[][]): SpendSummary[] {
  const out: SpendSummary[] = [];
  for (const d of customers) {
    if (d.length < 2) continue;
    const zbar = d.slice(1).reduce((s, p) => s + p.amount, 0) / (d.length - 1);
    if (zbar > 0) out.push({ x: d.length - 1, zbar });
  }
  return out;
}

function fitOrNull<P>(
  fit: () => { params: P; ll: number; degenerate: boolean; warnings: string[] },
): StoredFit<P> | null {
  try {
    const f = fit();
    return { params: f.params, ll: f.ll, degenerate: f.degenerate, warnings: f.warnings };
  } catch {
    return null;
  }
}
