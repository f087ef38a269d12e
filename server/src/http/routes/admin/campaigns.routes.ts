import { Router, type Response } from "express";
import { z } from "zod";
import type { CampaignService } from "../../../services/campaign.service.js";
import type { CampaignResultsService } from "../../../services/campaign-results.service.js";
import type { CampaignPreviewService } from "../../../services/campaign-preview.service.js";
import { UnauthorizedError } from "../../../domain/shared/errors.js";
import {
  createDecisionDocumentRenderer,
  type DecisionDocumentRenderer,
} from "../../../storefront-preview/decision-document.js";

export interface CampaignRoutesDeps {
  campaigns: CampaignService;
  results: CampaignResultsService;
  preview: CampaignPreviewService;
  /** Demo mode: the shop to use when no admin session set res.locals.shop. */
  defaultShop?: string;
  /** Renders a decision with the theme extension's Liquid (defaults to the extension in this repository). */
  renderStorefront?: DecisionDocumentRenderer;
}

const previewCustomer = z.string().trim().min(1).max(64).optional();
/** "Make this the winner": a variant id, or null to reopen the test. */
const winnerBody = z.strictObject({ variant: z.string().max(8).nullable() });
const previewQuery = z.object({ customer: previewCustomer });
/** The editor's unsaved draft (validated by the campaign service like a save), and the storefront language. */
const previewBody = z.strictObject({
  draft: z.unknown().optional(),
  customer: previewCustomer,
  lang: z.enum(["en", "ko"]).default("en"),
});

/** /api/campaigns…: list, one campaign, toggle/edit, A/B/n variants and winner, results with lift, earnings, live preview. Mount under /api after the admin auth middleware. */
export function campaignRoutes(deps: CampaignRoutesDeps): Router {
  const router = Router();
  let renderStorefront = deps.renderStorefront;
  const shopOf = (res: Response): string => {
    const shop = res.locals.shop ?? deps.defaultShop;
    if (typeof shop !== "string" || !shop) throw new UnauthorizedError("No shop session");
    return shop;
  };

  // Before /campaigns/:key so "earnings" is never read as a campaign key.
  router.get("/campaigns-earnings", async (_req, res) => {
    res.json(await deps.results.earnings(shopOf(res)));
  });
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
  router.put("/campaigns/:key/variants", async (req, res) => {
    res.json(await deps.campaigns.saveVariants(shopOf(res), req.params.key, req.body ?? {}));
  });
  router.post("/campaigns/:key/winner", async (req, res) => {
    const { variant } = winnerBody.parse(req.body ?? {});
    res.json(await deps.campaigns.chooseWinner(shopOf(res), req.params.key, variant));
  });
  router.get("/campaigns/:key/results", async (req, res) => {
    res.json(await deps.results.results(shopOf(res), req.params.key));
  });
  router.get("/campaigns/:key/preview", async (req, res) => {
    const { customer } = previewQuery.parse(req.query);
    res.json(await deps.preview.preview(shopOf(res), req.params.key, { customerId: customer ?? null }));
  });
  // The editor's live preview: the draft decided by the engine and rendered by the storefront's own Liquid.
  router.post("/campaigns/:key/preview", async (req, res) => {
    const body = previewBody.parse(req.body ?? {});
    const preview = await deps.preview.preview(shopOf(res), req.params.key, {
      customerId: body.customer ?? null,
      draft: body.draft,
      lang: body.lang,
    });
    renderStorefront ??= createDecisionDocumentRenderer();
    const html = await renderStorefront({ decision: preview.decision, lang: body.lang, customer: preview.customer });
    res.json({ ...preview, lang: body.lang, html });
  });
  return router;
}
