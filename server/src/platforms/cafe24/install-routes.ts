// Cafe24 install: GET /launch (the App URL Cafe24 opens, signed with the app-launch HMAC) sends an installed mall
// to the admin and a new one to Cafe24's consent screen with a single-use `state` bound to the mall; GET
// /oauth/callback (the redirect URI) spends the state, trades the one-minute code for the mall's tokens, records
// the shop as a Cafe24 one and starts its backfill. Every refused request is a 4xx that stores nothing: the state
// is spent only by a callback that presents it live, and tokens and the shop row only after Cafe24 took the code.
import { Router, type Request, type Response } from "express";
import type { Db } from "../../db/database.js";
import { findShop } from "../../db/repositories/shop.repository.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { createInstallService } from "../../services/install.service.js";
import type { PlatformWiring } from "../platform-module.js";
import type { Cafe24Module } from "./index.js";
import { CAFE24_ADMIN_TOKEN_PARAM, signCafe24AdminToken } from "./admin-token.js";
import { createCafe24LaunchVerifier, LAUNCH_WINDOW_SECONDS, MALL_ID_PATTERN } from "./launch-hmac.js";
import { Cafe24GrantRefused } from "./oauth-client.js";
import { issueCafe24State, spendCafe24State, STATE_REFUSAL_MESSAGES } from "./oauth-state.js";

export interface Cafe24InstallRoutesDeps {
  db: Db;
  module: Pick<Cafe24Module, "oauth" | "tokens">;
  /** Signs the launch query (the app's client secret). */
  clientSecret: string;
  wiring: PlatformWiring;
  /** Where an installed mall's merchant lands. Default: the admin at "/" for the mall. */
  adminUrl?: (mallId: string) => string;
  launchWindowSeconds?: number;
  now?: () => number;
  /** Run once the callback installed the mall (registers the storefront ScriptTag); a failure is logged only. */
  afterInstall?: (mallId: string) => Promise<unknown>;
}

const rawQueryOf = (url: string) => (url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

// Fixed texts: what Cafe24 or the network said (HTTP status, OAuth error, fetch error) goes to the log only, and
// the callback's `error` parameter, which anyone can put in a link, is never echoed.
const DENIED_MESSAGE = "Cafe24 did not grant access to the mall: open the app again to retry.";
const UNAVAILABLE_MESSAGE = "Cafe24 could not complete the install just now: open the app again in a minute.";
/** The OAuth error code for the log, cut to a short token so a crafted value cannot forge log lines. */
const loggableCode = (value: string | null) => (value ?? "").replace(/[^A-Za-z0-9_.-]/g, "?").slice(0, 64);

/** The callback's params, each at most once (a repeated one is refused rather than picked from). */
function singleParams(req: Request): URLSearchParams | null {
  const params = new URLSearchParams(rawQueryOf(req.originalUrl));
  for (const key of new Set(params.keys())) if (params.getAll(key).length > 1) return null;
  return params;
}

export function cafe24InstallRoutes(deps: Cafe24InstallRoutesDeps): Router {
  const now = deps.now ?? Date.now;
  const adminUrl = deps.adminUrl ?? ((mallId) => `/?shop=${encodeURIComponent(mallId)}`);
  const verifyLaunch = createCafe24LaunchVerifier(
    deps.clientSecret,
    now,
    deps.launchWindowSeconds ?? LAUNCH_WINDOW_SECONDS,
  );
  const install = createInstallService({
    db: deps.db,
    platform: "cafe24",
    exchangeToken: (mallId, code) => deps.module.tokens.install(mallId, code),
    hasOfflineSession: (mallId) => deps.module.tokens.isInstalled(mallId),
    backfill: deps.wiring.backfill,
    shopSynced: deps.wiring.shopSynced,
    log: deps.wiring.log,
    now: () => new Date(now()),
  });
  const isInstalled = async (mallId: string) => {
    const shop = await findShop(deps.db, mallId);
    return Boolean(shop && !shop.uninstalled_at && (await deps.module.tokens.isInstalled(mallId)));
  };

  // A verified launch, or a callback spending a state only a verified launch issued, proved the merchant: their
  // admin credential for this mall only, in the fragment, which browsers never send (no server log or Referer
  // sees it). The page moves it to sessionStorage.
  const redirectToAdmin = async (res: Response, mallId: string) => {
    const token = await signCafe24AdminToken(mallId, deps.clientSecret, { now: now() });
    res.set("Cache-Control", "no-store").set("Referrer-Policy", "no-referrer");
    res.redirect(302, `${adminUrl(mallId)}#${CAFE24_ADMIN_TOKEN_PARAM}=${token}`);
  };

  const router = Router();
  router.get("/launch", async (req, res) => {
    const launch = verifyLaunch(rawQueryOf(req.originalUrl));
    if (!launch) {
      refuse(res, 401, "Unauthorized", "The app-launch signature is missing, forged or stale: open the app again.");
      return;
    }
    if (await isInstalled(launch.mallId)) {
      await redirectToAdmin(res, launch.mallId);
      return;
    }
    const state = await issueCafe24State(deps.db, launch.mallId, new Date(now()));
    res.redirect(302, deps.module.oauth.authorizeUrl(launch.mallId, state));
  });

  router.get("/oauth/callback", async (req, res) => {
    const params = singleParams(req);
    if (!params) {
      refuse(res, 400, "InvalidInput", "A callback parameter is repeated.");
      return;
    }
    const state = params.get("state") ?? "";
    const code = params.get("code") ?? "";
    const namedMall = params.get("mall_id") ?? undefined;
    if (params.has("error")) {
      deps.wiring.log(`cafe24 install: authorization not granted (error=${loggableCode(params.get("error"))})`);
      refuse(res, 400, "InvalidInput", DENIED_MESSAGE);
      return;
    }
    if (!/^[A-Za-z0-9._~-]{1,512}$/.test(code) || (namedMall !== undefined && !MALL_ID_PATTERN.test(namedMall))) {
      refuse(res, 400, "InvalidInput", "The authorization code is missing or malformed.");
      return;
    }
    const spent = await spendCafe24State(deps.db, state, new Date(now()), namedMall);
    if ("refused" in spent) {
      refuse(res, 400, "InvalidInput", STATE_REFUSAL_MESSAGES[spent.refused]);
      return;
    }
    try {
      await install.ensureInstalled(spent.mallId, code);
    } catch (error) {
      if (error instanceof Cafe24GrantRefused) {
        refuse(
          res,
          400,
          "InvalidInput",
          "Cafe24 refused the authorization code (it is valid for 1 minute and once): open the app again.",
        );
        return;
      }
      if (!(error instanceof PlatformError)) throw error;
      deps.wiring.log(`cafe24 install of ${spent.mallId} failed: ${error.message}`);
      refuse(res, 503, "PlatformUnavailable", UNAVAILABLE_MESSAGE);
      return;
    }
    // The install stands without the storefront script: a failed registration is logged, and is retried by the
    // next install (it is idempotent: the same src is kept, never duplicated).
    await deps.afterInstall?.(spent.mallId).catch((error: unknown) => {
      deps.wiring.log(`cafe24 install of ${spent.mallId}: ScriptTag not registered: ${(error as Error).message}`);
    });
    await redirectToAdmin(res, spent.mallId);
  });
  return router;
}
