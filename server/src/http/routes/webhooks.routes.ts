// Webhook intake of one platform (Shopify: POST /api/webhooks, every topic in shopify.app.toml on one path).
// Mounted through createApp's rawMounts, before express.json, because the signature covers the exact bytes; the
// platform whose intake this is verifies it.
import express, { Router } from "express";
import type { PlatformId } from "../../platforms/commerce-platform.js";
import type { WebhookIngestService } from "../../services/webhook-ingest.service.js";

export function webhookRoutes(deps: { ingest: Pick<WebhookIngestService, "ingest">; platform: PlatformId }): Router {
  const router = Router();
  router.post("/", express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const outcome = await deps.ingest.ingest(deps.platform, rawBody, req.headers);
    res.status(200).json({ ok: true, outcome });
  });
  return router;
}
