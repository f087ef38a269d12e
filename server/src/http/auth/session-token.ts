// Admin API authentication. Embedded: App Bridge sends a session token (a one-minute HS256 JWT signed with
// the app secret) as "Authorization: Bearer"; we verify it and scope the request to the shop named in `dest`.
// Claims: https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens
import type { RequestHandler } from "express";
import { errors as joseErrors, jwtVerify } from "jose";
import { UnauthorizedError } from "../../domain/shared/errors.js";

export interface SessionTokenOptions {
  apiKey: string;
  apiSecret: string;
  /** Injected for tests; defaults to the wall clock. */
  now?: () => Date;
}

/** Same leeway as shopify-api's decodeSessionToken: clocks between Shopify and us drift a little. */
const CLOCK_TOLERANCE_SECONDS = 10;
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Verifies the token and returns the shop domain it was issued for; throws UnauthorizedError otherwise. */
export async function verifySessionToken(token: string, options: SessionTokenOptions): Promise<string> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(options.apiSecret), {
      algorithms: ["HS256"],
      audience: options.apiKey,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.now?.(),
      requiredClaims: ["exp", "nbf", "dest"],
    }));
  } catch (err) {
    throw new UnauthorizedError(
      err instanceof joseErrors.JOSEError ? `Invalid session token (${err.code})` : "Invalid session token",
    );
  }
  const shop = hostOf(payload.dest);
  if (!shop || !SHOP_DOMAIN.test(shop)) throw new UnauthorizedError("Session token has no valid shop in dest");
  // iss is "https://{shop}/admin"; a token whose issuer names another shop is not trusted either.
  if (payload.iss !== undefined && hostOf(payload.iss) !== shop)
    throw new UnauthorizedError("Session token iss and dest disagree");
  return shop;
}

function hostOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" ? u.hostname : null;
  } catch {
    return null;
  }
}

/** Express middleware: a valid bearer session token → res.locals.shop; anything else → 401 via the error handler. */
export function sessionTokenAuth(options: SessionTokenOptions): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer (\S+)$/.exec(req.get("authorization") ?? "");
    if (!match) return next(new UnauthorizedError("Missing bearer session token"));
    verifySessionToken(match[1], options).then((shop) => {
      res.locals.shop = shop;
      next();
    }, next);
  };
}

/** Demo mode (no Shopify credentials): every admin request acts for the one local demo shop. */
export function demoShopAuth(shop: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.shop = shop;
    next();
  };
}

/** The shop the authentication middleware put on the request; throws if a route was mounted without it. */
export function shopOf(res: { locals: Record<string, unknown> }): string {
  const shop = res.locals.shop;
  if (typeof shop !== "string" || !shop) throw new UnauthorizedError("No authenticated shop");
  return shop;
}
