import { Router, type Response } from "express";
import { z } from "zod";
import type { CampaignService } from "../../../services/campaign.service.js";
import type { CampaignResultsService } from "../../../services/campaign-results.service.js";
import type { CampaignPreviewService } from "../../../services/campaign-preview.service.js";
import { UnauthorizedError } from "../../../domain/shared/errors.js";

export interface CampaignRoutesDeps {
  campaigns: CampaignService;
  results: CampaignResultsService;
  preview: CampaignPreviewService;
  /** Demo mode: the shop to use when no admin session set res.locals.shop. */
  defaultShop?: string;
}

const previewQuery = z.object({ customer: z.string().trim().min(1).max(64).optional() });

/** /api/campaigns…: list, one campaign, toggle/edit, results with lift, live preview. Mount under /api after the admin auth middleware. */
export function campaignRoutes(deps: CampaignRoutesDeps): Router {
  const router = Router();
  const shopOf = (res: Response): string => {
    const shop = res.locals.shop ?? deps.defaultShop;
    if (typeof shop !== "string" || !shop) throw new UnauthorizedError("No shop session");
    return shop;
  };

  router.get("/campaigns", async (_req, res) => {
    res.json({ campaigns: await deps.campaigns.list(shopOf(res)) });
  });
  // One campaign; 404 for a key that names none, so the editor can say "not found" instead of loading forever.
  router.get("/campaigns/:key", async (req, res) => {
    res.json(await deps.campaigns.get(shopOf(res), req.params.key));
  });
  router.patch("/campaigns/:key", async (req, res) => {
    res.json(await deps.campaigns.update(shopOf(res), req.params.key, req.body ?? {}));
  });
  router.get("/campaigns/:key/results", async (req, res) => {
    res.json(await deps.results.results(shopOf(res), req.params.key));
  });
  router.get("/campaigns/:key/preview", async (req, res) => {
    const { customer } = previewQuery.parse(req.query);
    res.json(await deps.preview.preview(shopOf(res), req.params.key, customer ?? null));
  });
  return router;
}
