import { fitBgnbd } from "../btyd/bgnbd-fit";
import { fitGammaGamma, type SpendSummary } from "../btyd/gamma-gamma";
import type { RfmSummary } from "../btyd/summary";
import { rfmCutpoints } from "../segments/rfm";
import { customerTiming } from "./customer-timing";
import { dayIndex } from "./days";
import { estimateGapPrior } from "./gap-prior-fit";
import { validateHistory, type CustomerHistory } from "./history";
import { estimateProductCycles } from "./product-cycles";
import { logGaps, toPurchaseDays, type PurchaseDay } from "./purchase-days";
import { fitRetention } from "./retention";
import type { StoreModel, StoredFit } from "./store-model";

/** Validates every history first (a bad one throws before anything is fitted), then fits the store model. */
export function fitStoreModel(histories: CustomerHistory[], now: Date): StoreModel {
  for (const h of histories) validateHistory(h, now);
  return fitStoreModelFromDays(histories.map(toPurchaseDays), now);
}

/** The same fit from already merged purchase days (the bench and backtest build these directly). */
export function fitStoreModelFromDays(customers: PurchaseDay[][], now: Date): StoreModel {
  const nowDay = dayIndex(now);
  const gapPrior = estimateGapPrior(customers.map(logGaps));
  const productCycles = estimateProductCycles(customers, gapPrior);
  const partial: StoreModel = {
    fittedAt: now, customers: customers.length, gapPrior, retention: new Array(8).fill(0.5), bgnbd: null, gammaGamma: null,
    rfmCuts: { recencyDays: [], frequency: [], monetary: [] }, productCycles,
  };
  const survival = customers.map((days) => 1 - customerTiming(days, partial, nowDay).churnRisk);
  const retention = fitRetention(customers.map((days, i) => ({ purchases: days.length, survival: survival[i] })));
  return {
    ...partial,
    retention,
    bgnbd: fitOrNull(() => fitBgnbd(customers.map((d) => btydSummary(d, nowDay)))),
    gammaGamma: fitOrNull(() => fitGammaGamma(spendSummaries(customers))),
    rfmCuts: rfmCutpoints(customers.map((d) => ({ recencyDays: nowDay - d[d.length - 1].day, frequency: d.length, monetary: d.reduce((s, p) => s + p.amount, 0) }))),
  };
}

/** (x, t_x, T) in days, from merged purchase days. */
export function btydSummary(days: PurchaseDay[], nowDay: number): RfmSummary {
  const first = days[0].day;
  return { x: days.length - 1, tx: days[days.length - 1].day - first, T: Math.max(nowDay - first, days[days.length - 1].day - first) };
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

function fitOrNull<P>(fit: () => { params: P; ll: number; degenerate: boolean; warnings: string[] }): StoredFit<P> | null {
  try {
    const f = fit();
    return { params: f.params, ll: f.ll, degenerate: f.degenerate, warnings: f.warnings };
  } catch {
    return null;
  }
}
