import type { Db } from "../db/database.js";
import { countCampaignEvents } from "../db/repositories/campaign-event.repository.js";
import { isCampaignKey, CAMPAIGN_KEYS } from "../domain/campaigns/campaign.js";
import { lift, type LiftResult } from "../domain/campaigns/lift.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { listExperimentStates } from "../db/repositories/experiment.repository.js";
import { HOLDOUT_ARM } from "../domain/experiments/arms.js";
import { experimentResults, monthEarnings, type ExperimentResults, type MonthEarnings } from "./experiment-results.js";

export interface CampaignResults {
  key: string;
  /** Days after assignment within which an order counts (the experiment's window, for every figure here). */
  attributionDays: number;
  impressions: number;
  clicks: number;
  conversions: number;
  treatment: { customers: number; conversions: number };
  holdout: { customers: number; conversions: number };
  lift: LiftResult;
  /** Per arm (holdout, a, b, …): assigned, impressions, clicks, attributed orders and revenue, with always-valid intervals. */
  experiment: ExperimentResults;
}

/**
 * Impressions and clicks come from storefront beacons. Arms, conversions and lift come from the experiment's one
 * attribution (orders within its window after assignment, holdout and variants alike), so the summary and the
 * A/B table on the same page agree. Orders that only used the campaign's code later are not counted: the holdout
 * has no code, so counting them would inflate the lift.
 */
export function createCampaignResultsService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** The dashboard card: what Dangol's campaigns earned this calendar month (UTC) beyond their holdouts. */
    earnings: (shop: string): Promise<MonthEarnings> => monthEarnings(deps.db, shop, now()),
    async results(shop: string, key: string): Promise<CampaignResults> {
      if (!isCampaignKey(key))
        throw new NotFoundError(`Unknown campaign "${key}" (known: ${CAMPAIGN_KEYS.join(", ")})`);
      const [counts, states] = await Promise.all([
        countCampaignEvents(deps.db, shop, key),
        listExperimentStates(deps.db, shop),
      ]);
      const experiment = await experimentResults(deps.db, shop, key, states.get(key));
      const side = (holdout: boolean) => {
        const arms = experiment.arms.filter((a) => (a.arm === HOLDOUT_ARM) === holdout);
        return {
          customers: arms.reduce((n, a) => n + a.assigned, 0),
          conversions: arms.reduce((n, a) => n + a.converters, 0),
        };
      };
      const treatment = side(false);
      const holdout = side(true);
      return {
        key,
        attributionDays: experiment.attributionDays,
        impressions: counts.impression ?? 0,
        clicks: counts.click ?? 0,
        conversions: experiment.arms.reduce((n, a) => n + a.orders, 0),
        treatment,
        holdout,
        lift: lift(treatment, holdout),
        experiment,
      };
    },
  };
}

export type CampaignResultsService = ReturnType<typeof createCampaignResultsService>;
