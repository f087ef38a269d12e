import { gapCdf, gapMode, gapPosterior, gapQuantile, type GapPredictive } from "./gap-model.js";
import { packAwarePosterior } from "./pack-retention.js";
import { productPriorMean } from "./product-cycles.js";
import { logGaps, type PurchaseDay } from "./purchase-days.js";
import { pActive } from "./retention.js";
import { classRetention, storeRetentionChain } from "./retention-chain.js";
import type { TimingBase } from "./store-model.js";

/** The rhythm-based view of one customer at day `nowDay`, in days relative to their last purchase. */
export interface CustomerTiming {
  predictive: GapPredictive;
  /** Whether the prior came from the products they bought (else the store norm). */
  fromProducts: boolean;
  elapsedDays: number;
  /** P(the next order would already have come by now | rhythm): 1 − P(no order by now | rhythm). */
  churnRisk: number;
  /** P(still buying | the silence so far), from store retention and the customer's own rhythm. */
  pActive: number;
  /** P(another order after the next one), for follow-on orders. */
  piNext: number;
  /** Gap quantiles in days: p10, mode, p90, and the 16th/84th for the ± spread. */
  gap: { early: number; likely: number; late: number; median: number; spread: number };
}

export function customerTiming(days: PurchaseDay[], model: TimingBase, nowDay: number): CustomerTiming {
  const last = days[days.length - 1];
  const { m0, fromProducts } = productPriorMean(last, model.productCycles, model.gapPrior);
  const predictive = packAwarePosterior(
    gapPosterior({ ...model.gapPrior, m0 }, logGaps(days)),
    days,
    model.packElasticity,
    model.packLogUnits,
  );
  const elapsedDays = Math.max(0, nowDay - last.day);
  const churnRisk = gapCdf(predictive, elapsedDays);
  const early = gapQuantile(predictive, 0.1);
  const late = gapQuantile(predictive, 0.9);
  const likely = Math.min(late, Math.max(early, gapMode(predictive)));
  const spread = (gapQuantile(predictive, 0.84) - gapQuantile(predictive, 0.16)) / 2;
  // The stored π the expected orders' follow-on chain reads (timing-features.ts): P(active) from the customer's class,
  // the follow-on π from the chain.
  const chain = storeRetentionChain(model);
  return {
    predictive,
    fromProducts,
    elapsedDays,
    churnRisk,
    pActive: pActive(classRetention(model)(days.length), 1 - churnRisk),
    piNext: chain(days.length + 1),
    gap: { early, likely, late, median: Math.exp(predictive.loc), spread },
  };
}
