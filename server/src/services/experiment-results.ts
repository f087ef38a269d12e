import type { Db } from "../db/database.js";
import {
  countEngagementByArm,
  listExposureSpans,
  listRevenueOrders,
} from "../db/repositories/experiment.repository.js";
import {
  analyseExperiment,
  MIN_ASSIGNED_PER_ARM,
  MIN_CONVERTERS,
  type ExperimentAnalysis,
} from "../domain/experiments/analyse-experiment.js";
import { summarizeArms, type ArmSummary } from "../domain/experiments/arm-summary.js";
import { HOLDOUT_ARM } from "../domain/experiments/arms.js";
import {
  ATTRIBUTION_WINDOW_DAYS,
  attributedOrderIds,
  attributeOrders,
} from "../domain/experiments/attribution-window.js";
import { differenceSequence, type SequenceInterval } from "../domain/experiments/confidence-sequence.js";
import { armIds, type ExperimentState } from "../domain/experiments/variant.js";
import { shopCurrency } from "../db/repositories/dashboard.repository.js";

const DAY = 86_400_000;

export interface ExperimentResults {
  attributionDays: number;
  /** The shop's currency (of its latest order) for the revenue figures. */
  currency: string;
  arms: ArmSummary[];
  analysis: ExperimentAnalysis;
  winner: string | null;
  endedAt: string | null;
}

/** Per-arm figures of one campaign from its recorded assignments, beacons and synced orders. */
export async function experimentResults(
  db: Db,
  shop: string,
  campaign: string,
  state: ExperimentState | undefined,
): Promise<ExperimentResults> {
  const spans = await listExposureSpans(db, shop, campaign);
  const earliest = spans.reduce((m, s) => Math.min(m, s.firstAt.getTime()), Number.POSITIVE_INFINITY);
  const orders = spans.length
    ? await listRevenueOrders(
        db,
        shop,
        spans.map((s) => s.customerId),
        new Date(earliest),
      )
    : [];
  const arms = summarizeArms(
    armIds(state, HOLDOUT_ARM),
    attributeOrders(spans, orders),
    await countEngagementByArm(db, shop, campaign),
  );
  return {
    attributionDays: ATTRIBUTION_WINDOW_DAYS,
    currency: (await shopCurrency(db, shop)) ?? "USD",
    arms,
    analysis: analyseExperiment(arms),
    winner: state?.winner ?? null,
    endedAt: state?.endedAt ?? null,
  };
}

export interface MonthEarnings {
  /** First day of the month (UTC) and the moment the figures were taken. */
  from: string;
  to: string;
  /** Revenue of this month's orders attributed to treated customers (any campaign or variant; each order once). */
  attributedRevenue: number;
  /** Beyond what the same customers would have spent at their campaign's holdout rate, with a 95 % always-valid interval; null when too little data. */
  incremental: SequenceInterval | null;
  treatedCustomers: number;
  holdoutCustomers: number;
}

/**
 * "Dangol earned ₩X this month": per campaign, (revenue per treated customer − per holdout customer) × treated
 * customers, over orders processed this month by customers assigned while the window was open; summed across
 * campaigns (each campaign's effect on its own customers; interactions between campaigns are not modelled), each
 * with the mixture-SPRT interval at 95 %, combined in quadrature.
 */
export async function monthEarnings(db: Db, shop: string, now: Date): Promise<MonthEarnings> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const spans = await listExposureSpans(db, shop, null, new Date(from.getTime() - ATTRIBUTION_WINDOW_DAYS * DAY));
  const orders = spans.length
    ? await listRevenueOrders(
        db,
        shop,
        spans.map((s) => s.customerId),
        from,
        now,
      )
    : [];
  const byCampaign = new Map<string, typeof spans>();
  for (const s of spans) byCampaign.set(s.campaign, [...(byCampaign.get(s.campaign) ?? []), s]);
  const treatedOrders = attributedOrderIds(
    spans.filter((s) => s.arm !== HOLDOUT_ARM),
    orders,
  );
  const attributed = orders
    .filter((o) => treatedOrders.has(o.orderId))
    .reduce((sum, o) => sum + Math.max(0, o.revenue), 0);
  let estimate = 0;
  let variance = 0;
  let treatedCustomers = 0;
  let holdoutCustomers = 0;
  let measurable = false;
  for (const list of byCampaign.values()) {
    const outcomes = attributeOrders(list, orders).map((o) => ({
      ...o,
      arm: o.arm === HOLDOUT_ARM ? HOLDOUT_ARM : "treated",
    }));
    const [holdout, treated] = summarizeArms([HOLDOUT_ARM, "treated"], outcomes);
    treatedCustomers += treated.assigned;
    holdoutCustomers += holdout.assigned;
    // Same small-sample rule as the results page: too little data leaves the campaign out of the interval.
    if (holdout.assigned < MIN_ASSIGNED_PER_ARM || treated.assigned < MIN_ASSIGNED_PER_ARM) continue;
    if (holdout.converters + treated.converters < MIN_CONVERTERS) continue;
    const diff = differenceSequence(
      { n: treated.assigned, sum: treated.revenue, sumSquares: treated.revenueSquares },
      { n: holdout.assigned, sum: holdout.revenue, sumSquares: holdout.revenueSquares },
      0.05,
    );
    if (!Number.isFinite(diff.high)) continue;
    measurable = true;
    estimate += diff.estimate * treated.assigned;
    // Campaigns have their own holdouts, so their estimates are independent: half-widths add in quadrature.
    variance += (((diff.high - diff.low) / 2) * treated.assigned) ** 2;
  }
  const half = Math.sqrt(variance);
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    attributedRevenue: attributed,
    incremental: measurable ? { estimate, low: estimate - half, high: estimate + half } : null,
    treatedCustomers,
    holdoutCustomers,
  };
}
