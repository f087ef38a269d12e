import express, { Router, type RequestHandler } from "express";
import type { CommercePlatform } from "../../platforms/commerce-platform.js";
import type { StorefrontService } from "../../services/storefront.service.js";
import { NotFoundError, UnauthorizedError, ValidationError } from "../../domain/shared/errors.js";
import { NOSNIFF } from "../security-headers.js";

export type ProxyQuery = Record<string, string | string[]>;

const SHOP = /^[a-z0-9][a-z0-9.-]{0,254}$/i;
const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ProxyIdentity {
  shop: string;
  customerId: string | null;
}

/**
 * Shopify forwards https://{shop}/apps/dangol/* here with a signed query. Only the signature decides who is
 * asking: `shop` and `logged_in_customer_id` are read from the verified query, and any other id a page sends
 * (customer_id=…, a body field) is ignored. Forged, stale or unsigned requests throw Unauthorized before anything is read.
 */
export async function verifyProxyIdentity(platform: Pick<CommercePlatform, "verifyAppProxy">, query: ProxyQuery): Promise<ProxyIdentity> {
  const shop = query.shop;
  const customer = query.logged_in_customer_id ?? "";
  // Repeated identity params would let a signed value hide behind a comma join: refuse them outright.
  if (typeof shop !== "string" || !SHOP.test(shop) || typeof customer !== "string") throw new UnauthorizedError("Invalid app proxy request");
  if (!(await platform.verifyAppProxy(query))) throw new UnauthorizedError("Invalid app proxy signature");
  if (customer !== "" && !CUSTOMER_ID.test(customer)) throw new UnauthorizedError("Invalid app proxy request");
  return { shop, customerId: customer === "" ? null : customer };
}

function verifiedProxy(platform: Pick<CommercePlatform, "verifyAppProxy">): RequestHandler {
  return async (req, res, next) => {
    res.locals.proxy = await verifyProxyIdentity(platform, req.query as ProxyQuery);
    next();
  };
}

/** What GET /decision answers with besides the JSON itself (the fast path in decision-fast-path.ts sends the same). */
export const DECISION_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...NOSNIFF } as const;

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
export function appProxyRoutes(deps: { platform: Pick<CommercePlatform, "verifyAppProxy">; storefront: StorefrontService }): Router {
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
      await deps.storefront.recordEvent(shop, customerId, beaconBody(req.body));
      res.status(204).end();
    },
  );
  // Nothing else is served here: without this, a signed request fell through to the admin UI's SPA shell.
  router.use(() => {
    throw new NotFoundError("Unknown app proxy path");
  });
  return router;
}
