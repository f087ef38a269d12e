// POST /api/webhooks: every topic in shopify.app.toml (orders, app/uninstalled, compliance) on one path.
// Mounted through createApp's rawMounts, before express.json, because the HMAC covers the exact bytes.
import express, { Router } from "express";
import type { WebhookIngestService } from "../../services/webhook-ingest.service.js";

export function webhookRoutes(deps: { ingest: WebhookIngestService }): Router {
  const router = Router();
  router.post("/", express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const outcome = await deps.ingest.ingest(rawBody, req.headers);
    res.status(200).json({ ok: true, outcome });
  });
  return router;
}
