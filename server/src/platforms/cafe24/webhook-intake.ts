// Cafe24 webhook intake: POST /cafe24/webhooks goes through the shared ingest service with the Cafe24 platform's
// own verifyWebhook (the `x-api-key` header; the body's SHA-256 stands in for the delivery id Cafe24 doesn't
// send, so a redelivery is stored once) and its loadWebhookEvent (an order event's order is read from Cafe24
// when the delivery is applied, then upserted like a Shopify order: newest wins). Cafe24 asks apps to answer 403
// to a delivery whose key fails, so this route says 403 where Shopify's says 401; nothing is stored either way.
// App deleted/expired erase the mall through the ingest's shop_erase (privacy.eraseShop); `cafe24Eraser` joins
// the privacy erasers so the mall's tokens and install states go with it.
import express, { type RequestHandler, Router } from "express";
import type { Db } from "../../db/database.js";
import { deleteMallCafe24OAuthStates } from "../../db/repositories/cafe24-oauth-state.repository.js";
import { deleteCafe24Tokens } from "../../db/repositories/cafe24-token.repository.js";
import { UnauthorizedError } from "../../domain/shared/errors.js";
import type { WebhookIngestService } from "../../services/webhook-ingest.service.js";
import type { DataEraser } from "../../services/privacy.service.js";
import { cafe24WebhookKeyMatches } from "./webhook-verifier.js";

/** Where Cafe24 posts every event the app subscribes to (Developer Center → webhook URL). */
export const CAFE24_WEBHOOK_PATH = "/cafe24/webhooks";

const forbidden = { error: { code: "Forbidden", message: "Webhook key missing or wrong" } };

/**
 * The key is checked on the headers, before a byte of the body is read: an unkeyed sender must not make the server
 * buffer up to 1 MB. `Connection: close` so Node drops the unread body with the socket instead of draining it.
 */
function requireWebhookKey(apiKey: string): RequestHandler {
  return (req, res, next) => {
    if (cafe24WebhookKeyMatches(apiKey, req.headers)) return next();
    res.set("Connection", "close").status(403).json(forbidden);
  };
}

export function cafe24WebhookRoutes(deps: { ingest: Pick<WebhookIngestService, "ingest">; apiKey: string }): Router {
  const router = Router();
  const readBody = express.raw({ type: () => true, limit: "1mb" });
  router.post("/", requireWebhookKey(deps.apiKey), readBody, async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const outcome = await deps.ingest.ingest("cafe24", rawBody, req.headers);
      res.status(200).json({ ok: true, outcome });
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      res.status(403).json({ error: { code: "Forbidden", message: error.message } });
    }
  });
  return router;
}

/** The mall's Cafe24 credentials and pending install states, erased with the rest of its data. */
export const cafe24Eraser: DataEraser = {
  async eraseShop(db: Db, shop: string) {
    await deleteCafe24Tokens(db, shop);
    await deleteMallCafe24OAuthStates(db, shop);
  },
  async eraseCustomer() {},
};
