// Admin API authentication for both platforms. A bearer token is either a Shopify App Bridge session token
// (session-token.ts) or our own Cafe24 admin token (platforms/cafe24/admin-token.ts, handed out after a signed
// app launch). Each kind is verified only with its own platform's secret and scopes the request to its own kind
// of shop (a myshopify.com domain, or a Cafe24 mall id, which has no dot), so one can never stand for the other.
// A platform without credentials accepts no token of its kind.
import type { RequestHandler } from "express";
import { UnauthorizedError } from "../../domain/shared/errors.js";
import type { PlatformId } from "../../platforms/commerce-platform.js";
import { looksLikeCafe24AdminToken, verifyCafe24AdminToken } from "../../platforms/cafe24/admin-token.js";
import { verifySessionToken } from "./session-token.js";

export interface AdminTokenKinds {
  shopify: { apiKey: string; apiSecret: string } | null;
  cafe24: { clientSecret: string } | null;
  /** Injected for tests; defaults to the wall clock. */
  now?: () => number;
}

/** The shop and platform a bearer token proves, or UnauthorizedError. */
export async function verifyAdminToken(
  token: string,
  kinds: AdminTokenKinds,
): Promise<{ shop: string; platform: PlatformId }> {
  const now = kinds.now;
  if (looksLikeCafe24AdminToken(token)) {
    if (!kinds.cafe24) throw new UnauthorizedError("Cafe24 admin tokens are not accepted: Cafe24 is not configured");
    return { shop: await verifyCafe24AdminToken(token, kinds.cafe24.clientSecret, now), platform: "cafe24" };
  }
  if (!kinds.shopify) throw new UnauthorizedError(cafe24Only);
  const options = { ...kinds.shopify, now: now ? () => new Date(now()) : undefined };
  return { shop: await verifySessionToken(token, options), platform: "shopify" };
}

const cafe24Only = "Only Cafe24 admin tokens are accepted: open Dangol from your Cafe24 admin again";

/** Express middleware: a valid bearer token → res.locals.shop and res.locals.platform; else 401. */
export function adminTokenAuth(kinds: AdminTokenKinds): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get("authorization") ?? "");
    if (!match) return next(new UnauthorizedError(kinds.shopify ? "Missing bearer session token" : cafe24Only));
    verifyAdminToken(match[1], kinds).then(({ shop, platform }) => {
      res.locals.shop = shop;
      res.locals.platform = platform;
      next();
    }, next);
  };
}
