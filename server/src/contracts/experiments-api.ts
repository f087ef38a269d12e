// Admin API shapes for A/B/n variants, per-arm results and the earnings card (issue 14), shared with web/.
import type { CampaignContent } from "../domain/campaigns/campaign.js";
import type { ExperimentState } from "../domain/experiments/variant.js";
import type { MonthEarnings } from "../services/experiment-results.js";

export { HOLDOUT_ARM, BASE_VARIANT } from "../domain/experiments/arms.js";
export { VARIANT_IDS } from "../domain/experiments/variant.js";
export { EXPERIMENT_METHOD, MIN_ASSIGNED_PER_ARM, MIN_CONVERTERS } from "../domain/experiments/analyse-experiment.js";
export { ATTRIBUTION_WINDOW_DAYS } from "../domain/experiments/attribution-window.js";
export type { ArmSummary } from "../domain/experiments/arm-summary.js";
export type { ArmComparison, ExperimentAnalysis, MetricDifference } from "../domain/experiments/analyse-experiment.js";
export type { ExperimentResults } from "../services/experiment-results.js";

/** GET /api/campaigns and /api/campaigns/:key carry this beside the content when the campaign has variants. */
export type ExperimentStateDto = ExperimentState;

/** PUT /api/campaigns/:key/variants: the whole list of extra variants ("b"…"e"); answers the campaign. */
export interface VariantsRequest {
  variants: Array<{ id: string; content: CampaignContent; imageUrl?: string | null; weight?: number }>;
}

/** POST /api/campaigns/:key/winner: ends the test (all treated customers get it; the holdout stays); null reopens. */
export interface WinnerRequest {
  variant: string | null;
}

/** GET /api/campaigns-earnings: the dashboard card's figures for this calendar month (UTC). */
export type EarningsResponse = MonthEarnings;
