// GET /api/sync/status and POST /api/sync/dead-letters/:webhookId/retry (admin API). The shop comes from
// res.locals.shop, set by the session-token auth middleware in Shopify mode; demo mode has no session token and
// falls back to the demo shop. A merchant only ever sees and retries their own shop's deliveries.
import { Router, type Response } from "express";
import { UnauthorizedError, ValidationError } from "../../domain/shared/errors.js";
import type { SyncStatusService } from "../../services/sync-status.service.js";
import type { DeadLetterRetryResponse } from "../../contracts/admin-api.js";

export interface SyncRoutesDeps {
  status: SyncStatusService;
  /** Gives one of the shop's dead-letter deliveries a fresh set of tries (NotFoundError when there is none). */
  retryDeadLetter?: (shop: string, webhookId: string) => Promise<DeadLetterRetryResponse["outcome"]>;
  defaultShop?: string;
}

export function syncRoutes(deps: SyncRoutesDeps): Router {
  const router = Router();
  const shopOf = (res: Response): string => {
    const shop = (res.locals.shop as string | undefined) ?? deps.defaultShop;
    if (!shop) throw new UnauthorizedError("No shop: a session token is required");
    return shop;
  };
  router.get("/status", async (_req, res) => {
    res.json(await deps.status.status(shopOf(res)));
  });
  if (deps.retryDeadLetter) {
    const retry = deps.retryDeadLetter;
    router.post("/dead-letters/:webhookId/retry", async (req, res) => {
      const shop = shopOf(res);
      const webhookId = String(req.params.webhookId);
      if (!/^[\w.:-]{1,200}$/.test(webhookId)) throw new ValidationError("Bad webhook id");
      const body: DeadLetterRetryResponse = { outcome: await retry(shop, webhookId) };
      res.json(body);
    });
  }
  return router;
}
