// The Cafe24 storefront, as one value for the platform module: the routes at CAFE24_STOREFRONT_PATH (script and
// public decision) and the ScriptTag registration an install runs, both over the same served bytes.
import type { Router } from "express";
import type { Db } from "../../../db/database.js";
import { createCafe24StorefrontService } from "../../../services/cafe24-storefront.service.js";
import type { Cafe24AdminApi } from "../admin-api.js";
import { type BannerAsset, bannerScriptUrl, loadBannerAsset } from "./banner-asset.js";
import { ensureBannerScriptTag, type ScriptTagOutcome } from "./scripttag-install.js";
import { cafe24StorefrontRoutes } from "./storefront-routes.js";

export interface Cafe24StorefrontOptions {
  db: Db;
  api: Pick<Cafe24AdminApi, "get" | "post" | "call">;
  clientId: string;
  /** Our public origin as Cafe24 malls reach it (the ScriptTag's src must be https there). */
  appUrl: string;
  /** Where the routes are mounted (CAFE24_STOREFRONT_PATH). */
  path: string;
  trustedProxyHops?: number;
  asset?: BannerAsset;
}

export interface Cafe24Storefront {
  asset: BannerAsset;
  /** The ScriptTag src registered with Cafe24. */
  scriptUrl: string;
  routes(): Router;
  /** Registers (or keeps) the mall's ScriptTag with the served bytes' integrity. */
  installScriptTag(mallId: string): Promise<ScriptTagOutcome>;
}

export function createCafe24Storefront(options: Cafe24StorefrontOptions): Cafe24Storefront {
  const asset = options.asset ?? loadBannerAsset();
  const scriptUrl = bannerScriptUrl(options.appUrl, options.path, options.clientId);
  return {
    asset,
    scriptUrl,
    routes: () =>
      cafe24StorefrontRoutes({
        decisions: createCafe24StorefrontService({ db: options.db }),
        asset,
        trustedProxyHops: options.trustedProxyHops,
      }),
    installScriptTag: (mallId) =>
      ensureBannerScriptTag(options.api, mallId, { src: scriptUrl, integrity: asset.integrity }),
  };
}

/** The app's public origin from the redirect URI main.ts builds (`${appUrl}/cafe24/oauth/callback`). */
export function appUrlOfRedirectUri(redirectUri: string, callbackPath: string): string {
  return redirectUri.endsWith(callbackPath) ? redirectUri.slice(0, -callbackPath.length) : new URL(redirectUri).origin;
}
