import type { RequestListener } from "node:http";
import type { CommercePlatform } from "../platforms/commerce-platform.js";
import type { StorefrontService } from "../services/storefront.service.js";
import { DECISION_HEADERS, rawQueryOf } from "./routes/app-proxy.routes.js";

export const DECISION_PATH = "/apps/dangol/decision";

/**
 * Every storefront page view of a logged-in shopper may ask GET /apps/dangol/decision, and Express's own
 * per-request work costs more than the answer (tests/bench/decision.bench.ts measures both). So a verified GET
 * for exactly this path is answered from node:http, with the same check on the same raw query string, the same
 * service and headers as the Express route. Everything else, including every failure, is handed to Express,
 * whose one error handler picks the status.
 */
export function withDecisionFastPath(
  app: RequestListener,
  deps: { platform: Pick<CommercePlatform, "verifyAppProxy">; storefront: Pick<StorefrontService, "decisionJsonFor"> },
): RequestListener {
  return (req, res) => {
    const url = req.url ?? "";
    const queryAt = url.indexOf("?");
    if (req.method !== "GET" || queryAt === -1 || url.slice(0, queryAt) !== DECISION_PATH) return app(req, res);
    const identity = deps.platform.verifyAppProxy(rawQueryOf(url));
    if (!identity) return app(req, res);
    deps.storefront
      .decisionJsonFor(identity.shop, identity.customerId)
      .then(
        (json) => {
          res.writeHead(200, { ...DECISION_HEADERS, "Content-Length": Buffer.byteLength(json) });
          res.end(json);
        },
        () => app(req, res),
      )
      .catch(() => res.destroy()); // only if writing itself threw: nothing sensible is left to send
  };
}
