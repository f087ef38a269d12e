import express, { Router } from "express";
import { ValidationError } from "../../domain/shared/errors.js";
import { PIXEL_BODY_LIMIT_BYTES, type PixelIntakeService } from "../../services/pixel-intake.service.js";
import { NOSNIFF } from "../security-headers.js";

/**
 * POST /pixel/events from the web pixel (extensions/dangol-pixel), which runs in Shopify's sandbox on the shop's
 * storefront and checkout: any origin, no credentials, a text/plain JSON body (no preflight). Mount as a raw mount
 * (it parses its own body, at most PIXEL_BODY_LIMIT_BYTES: 413 beyond). Bad input: 400; a shop that has not
 * installed the app: 404; too many events from one client id: 429 with Retry-After. Nothing is stored on any of them.
 */
export function pixelRoutes(deps: { pixel: PixelIntakeService }): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set({ "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", ...NOSNIFF });
    next();
  });
  router.options("/events", (_req, res) => {
    res.set({ "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type" });
    res.status(204).end();
  });
  router.post("/events", express.text({ type: () => true, limit: PIXEL_BODY_LIMIT_BYTES }), async (req, res) => {
    let body: unknown;
    try {
      body = JSON.parse(typeof req.body === "string" ? req.body : "");
    } catch {
      throw new ValidationError("Pixel event body is not JSON");
    }
    const outcome = await deps.pixel.record(body);
    if (!outcome.stored) {
      res
        .set("Retry-After", String(outcome.retryAfterSeconds))
        .status(429)
        .json({ error: { code: "RateLimited" } });
      return;
    }
    res.status(204).end();
  });
  return router;
}
