import express, { Router, type RequestHandler } from "express";
import type { AppProxyIdentity, CommercePlatform } from "../../platforms/commerce-platform.js";
import type { StorefrontService } from "../../services/storefront.service.js";
import { NotFoundError, UnauthorizedError, ValidationError } from "../../domain/shared/errors.js";
import { NOSNIFF } from "../security-headers.js";

export type ProxyIdentity = AppProxyIdentity;

/** The query string exactly as sent (no "?"): the signature is checked on it, never on a parser's reading of it. */
export function rawQueryOf(url: string): string {
  const at = url.indexOf("?");
  return at === -1 ? "" : url.slice(at + 1);
}

/**
 * Shopify forwards https://{shop}/apps/dangol/* here with a signed query. Only the signature decides who is
 * asking: `shop` and `logged_in_customer_id` come from the verified raw query, which must read as exactly Shopify's
 * params (a re-split query or any id a page adds is refused). Forged, stale, unsigned or non-canonical requests
 * throw Unauthorized before anything is read. Both front doors (this router and decision-fast-path.ts) use it.
 */
export function verifyProxyIdentity(
  platform: Pick<CommercePlatform, "verifyAppProxy">,
  rawQuery: string,
): ProxyIdentity {
  const identity = platform.verifyAppProxy(rawQuery);
  if (!identity) throw new UnauthorizedError("Invalid app proxy request");
  return identity;
}

function verifiedProxy(platform: Pick<CommercePlatform, "verifyAppProxy">): RequestHandler {
  return (req, res, next) => {
    res.locals.proxy = verifyProxyIdentity(platform, rawQueryOf(req.originalUrl));
    next();
  };
}

/** What GET /decision answers with besides the JSON itself (the fast path in decision-fast-path.ts sends the same). */
export const DECISION_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "private, no-store",
  ...NOSNIFF,
} as const;

/** sendBeacon posts a string (text/plain) or a Blob (application/json); both carry the same small JSON. */
function beaconBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new ValidationError("Event body is not JSON");
  }
}

/** Mount at /apps/dangol (as rawMounts: it brings its own small body parsers). */
export function appProxyRoutes(deps: {
  platform: Pick<CommercePlatform, "verifyAppProxy">;
  storefront: StorefrontService;
}): Router {
  const router = Router();
  router.use(verifiedProxy(deps.platform));

  router.get("/decision", async (_req, res) => {
    const { shop, customerId } = res.locals.proxy as ProxyIdentity;
    res.set(DECISION_HEADERS).send(await deps.storefront.decisionJsonFor(shop, customerId));
  });

  router.post(
    "/events",
    express.json({ limit: "2kb" }),
    express.text({ limit: "2kb", type: ["text/plain", "text/*"] }),
    async (req, res) => {
      const { shop, customerId } = res.locals.proxy as ProxyIdentity;
      // The client address is rate-limited only; storefront.service.ts / client-address.ts say what is trusted.
      const client = { forwardedFor: req.headers["x-forwarded-for"], peer: req.socket.remoteAddress };
      const outcome = await deps.storefront.recordEvent(shop, customerId, beaconBody(req.body), client);
      if (outcome.limited) {
        res
          .set("Retry-After", String(outcome.retryAfterSeconds))
          .status(429)
          .json({ error: { code: "RateLimited", message: "Too many storefront events; retry later" } });
        return;
      }
      res.status(204).end(); // stored, a replay of a stored beacon (a no-op), or a guest's (not stored)
    },
  );
  // Nothing else is served here: without this, a signed request fell through to the admin UI's SPA shell.
  router.use(() => {
    throw new NotFoundError("Unknown app proxy path");
  });
  return router;
}
