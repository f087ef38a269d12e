import type { Db } from "../db/database.js";
import { findCustomer } from "../db/repositories/customer.repository.js";
import { findPublishedDecision } from "../db/repositories/decision.repository.js";
import { findCampaignPreviewCandidates, findPreviewCandidates } from "../db/repositories/preview.repository.js";
import { CAMPAIGN_KEYS } from "../domain/campaigns/campaign.js";
import type { PreviewDeps } from "./preview.routes.js";
import { CANDIDATES_PER_PRESET, HOLDOUT_PICKS, PICKS_PER_PRESET, toPreviewPicks } from "./preview-picks.js";

/**
 * Preview deps backed by the database: the customer, the decision last saved for its metafield (shown even if
 * the metafield write is still pending, so the demo previews what will be published), and picker candidates:
 * a customer for every preset that has one, then holdout customers.
 */
export function previewDepsFromDb(db: Db, shop: string): PreviewDeps {
  return {
    shop,
    loadCustomer: (s, id) => findCustomer(db, s, id),
    loadDecision: async (s, id) => (await findPublishedDecision(db, s, id))?.decision ?? null,
    async listPicks(s) {
      const presets = await Promise.all(
        CAMPAIGN_KEYS.map(async (campaign) => ({
          campaign,
          candidates: await findCampaignPreviewCandidates(db, s, campaign, CANDIDATES_PER_PRESET),
          take: PICKS_PER_PRESET,
        })),
      );
      const holdout = {
        campaign: null,
        candidates: await findPreviewCandidates(db, s, "holdout", HOLDOUT_PICKS),
        take: HOLDOUT_PICKS,
      };
      return toPreviewPicks([...presets, holdout]);
    },
  };
}
