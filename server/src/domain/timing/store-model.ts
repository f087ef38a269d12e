import type { BgNbdParams } from "../btyd/bgnbd.js";
import type { GammaGammaParams } from "../btyd/gamma-gamma.js";
import type { RfmCutpoints } from "../segments/rfm.js";
import type { TimingCalibration } from "./calibration.js";
import type { GapPrior } from "./gap-model.js";
import type { ProductCycle } from "./product-cycles.js";
import type { DropoutLine, RetentionEvidence } from "./retention-chain.js";
import type { SeasonalClock } from "./seasonal-clock.js";

/** A fitted model plus whether it can be trusted (degenerate fits are kept for inspection, never used). */
export interface StoredFit<P> {
  params: P;
  ll: number;
  degenerate: boolean;
  warnings: string[];
}

/**
 * Everything learned from the whole store that a single customer's prediction needs.
 * The full recompute fits it; the incremental recompute loads it (model_fits + product_cycles) and reuses it.
 * All times are in days.
 */
export interface StoreModel {
  fittedAt: Date;
  customers: number;
  /** How much longer a gap runs after a bigger order, ln-gap per ln-unit (pack-retention.ts; absent: 0). */
  packElasticity?: number;
  /**
   * The store's mean ln(units of the order before a gap): the pack effect β × this is taken out of the gap norms
   * (gapPrior.m0 and the product norms are per one unit). Absent in models stored before it: norms on plain gaps.
   */
  packLogUnits?: number;
  gapPrior: GapPrior;
  /** π by purchase-count class (see retention.ts), π_2..π_7 pooled with retentionLine (retention-chain.ts). */
  retention: number[];
  /** Customers behind each retention class (absent in models stored before it existed: weights from π alone). */
  retentionEvidence?: RetentionEvidence | null;
  /** The dropout line fitted on π as read; absent in models stored before it existed (π as read, pooled on use). */
  retentionLine?: DropoutLine | null;
  bgnbd: StoredFit<BgNbdParams> | null;
  gammaGamma: StoredFit<GammaGammaParams> | null;
  rfmCuts: RfmCutpoints;
  productCycles: Map<string, ProductCycle>;
  /** Rolling-origin calibration of the timing model (absent in models stored before it existed: identity). */
  calibration?: TimingCalibration | null;
  /**
   * The store's seasonal clock (learn-seasonal-clock.ts), set only when a season was found: the timing fields above
   * (gap prior, retention, BG/NBD, calibration) were then fitted on seasonal days and each customer is read on it
   * (customerOutlook, next-order-window.ts). Absent, as in models stored before it existed: no season, calendar
   * days. Product cycles and RFM cut points stay in calendar days (what the merchant reads).
   */
  seasonalClock?: SeasonalClock;
}

/** A product's next-order norm: all a customer's timing reads of its product cycle (productPriorMean). */
export type NextOrderNorm = Pick<ProductCycle, "nextOrderLogMean" | "nextOrderGaps" | "nextOrderLogUnits">;

/**
 * What a customer's uncalibrated view reads of a model (customerTiming, baseView): a StoreModel is one, and so is a
 * calibration origin's lighter fit (fitTimingBase).
 */
export interface TimingBase {
  gapPrior: GapPrior;
  retention: number[];
  retentionEvidence?: RetentionEvidence | null;
  retentionLine?: DropoutLine | null;
  bgnbd: StoredFit<BgNbdParams> | null;
  productCycles: ReadonlyMap<string, NextOrderNorm>;
  packElasticity?: number;
  packLogUnits?: number;
}

/** The BG/NBD parameters if the fit is usable. */
export function usableBgnbd(m: StoreModel): BgNbdParams | null {
  return m.bgnbd && !m.bgnbd.degenerate ? m.bgnbd.params : null;
}

export function usableGammaGamma(m: StoreModel): GammaGammaParams | null {
  return m.gammaGamma && !m.gammaGamma.degenerate && m.gammaGamma.params.q > 1 ? m.gammaGamma.params : null;
}
