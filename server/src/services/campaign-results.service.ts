import type { Db } from "../db/database.js";
import { countCampaignEvents, countDistinctCustomersByArm } from "../db/repositories/campaign-event.repository.js";
import { isCampaignKey, CAMPAIGN_KEYS } from "../domain/campaigns/campaign.js";
import { lift, type LiftResult } from "../domain/campaigns/lift.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { listExperimentStates } from "../db/repositories/experiment.repository.js";
import { experimentResults, monthEarnings, type ExperimentResults, type MonthEarnings } from "./experiment-results.js";

export interface CampaignResults {
  key: string;
  impressions: number;
  clicks: number;
  conversions: number;
  treatment: { customers: number; conversions: number };
  holdout: { customers: number; conversions: number };
  lift: LiftResult;
  /** Per arm (holdout, a, b, …): assigned, impressions, clicks, attributed orders and revenue, with always-valid intervals. */
  experiment?: ExperimentResults;
}

/**
 * Impressions and clicks come from storefront beacons; arms from assignment events (customers who won the
 * campaign's slot, on each side of the holdout line); conversions are recorded by the publisher (an order
 * with the campaign's code, or within the attribution window after assignment).
 */
export function createCampaignResultsService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** The dashboard card: what Dangol's campaigns earned this calendar month (UTC) beyond their holdouts. */
    earnings: (shop: string): Promise<MonthEarnings> => monthEarnings(deps.db, shop, now()),
    async results(shop: string, key: string): Promise<CampaignResults> {
      if (!isCampaignKey(key))
        throw new NotFoundError(`Unknown campaign "${key}" (known: ${CAMPAIGN_KEYS.join(", ")})`);
      const [counts, arms, converters, states] = await Promise.all([
        countCampaignEvents(deps.db, shop, key),
        countDistinctCustomersByArm(deps.db, shop, key, "assignment"),
        countDistinctCustomersByArm(deps.db, shop, key, "conversion"),
        listExperimentStates(deps.db, shop),
      ]);
      // A converter is always assigned first, but clamp so a hand-edited table can't produce an impossible rate.
      const treatment = { customers: arms.treatment, conversions: Math.min(converters.treatment, arms.treatment) };
      const holdout = { customers: arms.holdout, conversions: Math.min(converters.holdout, arms.holdout) };
      return {
        key,
        impressions: counts.impression ?? 0,
        clicks: counts.click ?? 0,
        conversions: counts.conversion ?? 0,
        treatment,
        holdout,
        lift: lift(treatment, holdout),
        experiment: await experimentResults(deps.db, shop, key, states.get(key)),
      };
    },
  };
}

export type CampaignResultsService = ReturnType<typeof createCampaignResultsService>;
