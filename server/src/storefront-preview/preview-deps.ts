import type { Db } from "../db/database.js";
import { findCustomer } from "../db/repositories/customer.repository.js";
import { findPublishedDecision } from "../db/repositories/decision.repository.js";
import { findPreviewCandidates } from "../db/repositories/preview.repository.js";
import type { PreviewDeps } from "./preview.routes.js";
import { PICKS_PER_KIND, toPreviewPicks } from "./preview-picks.js";

/**
 * Preview deps backed by the database: the customer, the decision last saved for its metafield (shown even if
 * the metafield write is still pending, so the demo previews what will be published), and picker candidates.
 */
export function previewDepsFromDb(db: Db, shop: string): PreviewDeps {
  return {
    shop,
    loadCustomer: (s, id) => findCustomer(db, s, id),
    loadDecision: async (s, id) => (await findPublishedDecision(db, s, id))?.decision ?? null,
    async listPicks(s) {
      const [banner, notice, holdout] = await Promise.all([
        findPreviewCandidates(db, s, "banner", PICKS_PER_KIND.banner),
        findPreviewCandidates(db, s, "notice", PICKS_PER_KIND.notice),
        findPreviewCandidates(db, s, "holdout", PICKS_PER_KIND.holdout),
      ]);
      return toPreviewPicks({ banner, notice, holdout });
    },
  };
}
