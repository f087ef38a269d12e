// Cafe24's storefront front door, mounted at CAFE24_STOREFRONT_PATH: GET /banner.js (the ScriptTag's script) and
// GET /decision?mall_id=&shop_no=&member_id= (what it shows). The member id comes from the Front SDK unsigned, so
// the decision is the shop-level public one (services/cafe24-storefront.service.ts): the same for any member id,
// with no coupon, name or order fact; it may be cached publicly for a minute. Nothing here writes anything. Bad
// input (unknown or repeated parameter, malformed id, oversized query, wrong method, unknown mall) is a 4xx.
import { Router, type Request, type Response } from "express";
import { NotFoundError } from "../../../domain/shared/errors.js";
import type { Cafe24StorefrontService } from "../../../services/cafe24-storefront.service.js";
import { clientAddressKey } from "../../../services/client-address.js";
import { createRateLimiter, type RateLimit } from "../../../services/rate-limiter.js";
import { STOREFRONT_RATE_LIMITS } from "../../../services/storefront.service.js";
import { MALL_ID_PATTERN } from "../launch-hmac.js";
import { BANNER_SCRIPT_NAME, type BannerAsset, loadBannerAsset } from "./banner-asset.js";

export interface Cafe24StorefrontRoutesDeps {
  decisions: Pick<Cafe24StorefrontService, "publicDecisionJson">;
  asset?: BannerAsset;
  /** Per client address, like the Shopify storefront's beacons (default: the same limit). */
  rateLimit?: RateLimit;
  /** Our own load balancers in front of the app (0: browsers connect to us, so X-Forwarded-For is ignored). */
  trustedProxyHops?: number;
  now?: () => number;
}

/** Longest query a real script sends is ~80 characters; anything far past it is not ours. */
export const MAX_DECISION_QUERY = 256;
const SHOP_NO = /^[1-9][0-9]{0,3}$/;
/** Cafe24 member ids are at most 20 characters (SNS members look like "1234567890@k"). */
const MEMBER_ID = /^[A-Za-z0-9._@-]{1,20}$/;
const PARAMS = new Set(["mall_id", "shop_no", "member_id"]);

// The script runs on the mall's own origin: both answers are read cross-origin (SRI needs CORS for the script).
const NOSNIFF = { "X-Content-Type-Options": "nosniff" };
const CROSS_ORIGIN = { "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" };

function refuse(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .set({ ...CROSS_ORIGIN, "Cache-Control": "no-store" })
    .json({ error: { code, message } });
}

const rawQueryOf = (req: Request) => {
  const at = req.originalUrl.indexOf("?");
  return at === -1 ? "" : req.originalUrl.slice(at + 1);
};

/** The decision query, read strictly: known keys, each once, well-formed; or the reason it is refused. */
export function parseDecisionQuery(
  raw: string,
): { mallId: string; shopNo: number; memberId: string | null } | { refused: string } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw);
  } catch {
    return { refused: "The query string is malformed." };
  }
  for (const key of new Set(params.keys())) {
    if (!PARAMS.has(key)) return { refused: `Unknown parameter: ${key.slice(0, 32)}` };
    if (params.getAll(key).length > 1) return { refused: `Parameter ${key} is repeated.` };
  }
  const mallId = params.get("mall_id") ?? "";
  if (!MALL_ID_PATTERN.test(mallId)) return { refused: "mall_id is missing or malformed." };
  const shopNo = params.get("shop_no") ?? "1";
  if (!SHOP_NO.test(shopNo)) return { refused: "shop_no must be a shop number such as 1." };
  const memberId = params.get("member_id");
  if (memberId !== null && !MEMBER_ID.test(memberId)) return { refused: "member_id is malformed." };
  return { mallId, shopNo: Number(shopNo), memberId };
}

export function cafe24StorefrontRoutes(deps: Cafe24StorefrontRoutesDeps): Router {
  const asset = deps.asset ?? loadBannerAsset();
  const limiter = createRateLimiter(deps.rateLimit ?? STOREFRONT_RATE_LIMITS.address, deps.now ?? Date.now);
  const hops = deps.trustedProxyHops ?? 0;
  const router = Router();
  const onlyGet = (req: Request, res: Response) => {
    res.set("Allow", "GET, HEAD");
    refuse(res, 405, "MethodNotAllowed", `${req.method.slice(0, 16)} is not allowed here; use GET.`);
  };

  router.get(`/${BANNER_SCRIPT_NAME}`, (_req, res) => {
    res
      .set({
        ...NOSNIFF,
        ...CROSS_ORIGIN,
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "public, max-age=300",
      })
      .send(asset.bytes);
  });
  router.all(`/${BANNER_SCRIPT_NAME}`, onlyGet);

  router.get("/decision", async (req, res) => {
    const raw = rawQueryOf(req);
    if (raw.length > MAX_DECISION_QUERY) return refuse(res, 414, "QueryTooLong", "The query string is too long.");
    const query = parseDecisionQuery(raw);
    if ("refused" in query) return refuse(res, 400, "InvalidInput", query.refused);
    // Browsers reach us directly: only our own balancers' X-Forwarded-For entry is trusted, else the socket peer.
    const address = hops
      ? clientAddressKey(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops - 1)
      : clientAddressKey(undefined, req.socket.remoteAddress);
    if (address) {
      const verdict = limiter.check(address);
      if (!verdict.allowed) {
        res.set("Retry-After", String(verdict.retryAfterSeconds));
        return refuse(res, 429, "RateLimited", "Too many storefront requests; retry later.");
      }
      limiter.take(address);
    }
    let json: string;
    try {
      json = await deps.decisions.publicDecisionJson(query.mallId, query.memberId !== null);
    } catch (error) {
      if (error instanceof NotFoundError)
        return refuse(res, 404, "NotFound", "No Cafe24 mall with this id uses Dangol.");
      throw error;
    }
    res
      .set({
        ...NOSNIFF,
        ...CROSS_ORIGIN,
        "Content-Type": "application/json; charset=utf-8",
        // Public: the answer holds nothing personal and is the same for every member id of the mall.
        "Cache-Control": "public, max-age=60",
      })
      .send(json);
  });
  router.all("/decision", onlyGet);
  router.use((_req, res) => refuse(res, 404, "NotFound", "Unknown storefront path."));
  return router;
}
