// Cafe24 as one PlatformModule for main.ts: the adapter, its webhook intake (403 on a bad key, as Cafe24 asks),
// its install routes under /cafe24 (app launch, OAuth callback) and the eraser that drops its tokens with the mall.
// Cafe24's storefront has no signed identity (verifyAppProxy is null), so `storefront.identify` never names one;
// its ScriptTag storefront (storefront/) answers shop-level content only and is registered after each install.
import type { Router } from "express";
import type { WebhookIngestService } from "../../services/webhook-ingest.service.js";
import type { PlatformModule } from "../platform-module.js";
import type { Cafe24Platform } from "./cafe24-platform.js";
import { type Cafe24Module, type Cafe24ModuleOptions, createCafe24Module } from "./index.js";
import { cafe24InstallRoutes } from "./install-routes.js";
import { appUrlOfRedirectUri, type Cafe24Storefront, createCafe24Storefront } from "./storefront/index.js";
import { CAFE24_WEBHOOK_PATH, cafe24Eraser, cafe24WebhookRoutes } from "./webhook-intake.js";

/** App URL `${CAFE24_ROUTES_PATH}/launch`, redirect URI `${CAFE24_ROUTES_PATH}/oauth/callback`. */
export const CAFE24_ROUTES_PATH = "/cafe24";
export const CAFE24_STOREFRONT_PATH = "/cafe24/storefront";

export interface Cafe24PlatformModule extends PlatformModule {
  readonly id: "cafe24";
  readonly adapter: Cafe24Platform;
  readonly cafe24: Cafe24Module;
  /** Its webhook route: mount it at webhookPath instead of the shared one (which answers 401, not 403). */
  webhookRoutes(ingest: Pick<WebhookIngestService, "ingest">): Router;
  /** Pass to the privacy service's erasers: an erased mall loses its tokens and install states too. */
  readonly eraser: typeof cafe24Eraser;
  /** The ScriptTag storefront: its routes are in rawMounts at CAFE24_STOREFRONT_PATH; installs register the tag. */
  readonly storefrontScript: Cafe24Storefront;
}

export function createCafe24PlatformModule(
  options: Cafe24ModuleOptions & {
    adminUrl?: (mallId: string) => string;
    launchWindowSeconds?: number;
    /** Our public origin for the ScriptTag src; default: the redirect URI's, without /cafe24/oauth/callback. */
    appUrl?: string;
    trustedProxyHops?: number;
  },
): Cafe24PlatformModule {
  const cafe24 = createCafe24Module(options);
  const storefrontScript = createCafe24Storefront({
    db: options.db,
    api: cafe24.api,
    clientId: options.app.clientId,
    appUrl: options.appUrl ?? appUrlOfRedirectUri(options.app.redirectUri, `${CAFE24_ROUTES_PATH}/oauth/callback`),
    path: CAFE24_STOREFRONT_PATH,
    trustedProxyHops: options.trustedProxyHops,
  });
  return {
    id: "cafe24",
    adapter: cafe24.platform,
    capabilities: cafe24.platform.capabilities,
    cafe24,
    webhookPath: CAFE24_WEBHOOK_PATH,
    webhookRoutes: (ingest) => cafe24WebhookRoutes({ ingest, apiKey: options.webhookApiKey }),
    eraser: cafe24Eraser,
    erasers: [cafe24Eraser],
    storefrontScript,
    storefront: { path: CAFE24_STOREFRONT_PATH, identify: (rawQuery) => cafe24.platform.verifyAppProxy(rawQuery) },
    rawMounts: (wiring) => [
      { path: CAFE24_STOREFRONT_PATH, handler: storefrontScript.routes() },
      {
        path: CAFE24_ROUTES_PATH,
        handler: cafe24InstallRoutes({
          db: options.db,
          module: cafe24,
          clientSecret: options.app.clientSecret,
          wiring,
          adminUrl: options.adminUrl,
          launchWindowSeconds: options.launchWindowSeconds,
          now: options.now,
          afterInstall: (mallId) => storefrontScript.installScriptTag(mallId),
        }),
      },
    ],
  };
}
