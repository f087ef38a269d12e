// GET /api/sync/status (admin API). The shop comes from res.locals.shop, set by the session-token auth
// middleware in Shopify mode; demo mode has no session token and falls back to the demo shop.
import { Router } from "express";
import { UnauthorizedError } from "../../domain/shared/errors.js";
import type { SyncStatusService } from "../../services/sync-status.service.js";

export function syncRoutes(deps: { status: SyncStatusService; defaultShop?: string }): Router {
  const router = Router();
  router.get("/status", async (_req, res) => {
    const shop = (res.locals.shop as string | undefined) ?? deps.defaultShop;
    if (!shop) throw new UnauthorizedError("No shop: a session token is required");
    res.json(await deps.status.status(shop));
  });
  return router;
}
