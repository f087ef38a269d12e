// The Cafe24 platform module: everything the app needs from Cafe24, wired from one call. The registry gets
// `platform` (a CommercePlatform); install routes use `oauth.authorizeUrl` and `tokens.install(mallId, code)`.
import type { Db } from "../../db/database.js";
import { Cafe24AccessTokens, type Cafe24AccessTokensOptions } from "./access-tokens.js";
import { Cafe24AdminApi } from "./admin-api.js";
import { CallBudget, type CallBudgetOptions } from "./call-budget.js";
import { Cafe24Platform } from "./cafe24-platform.js";
import { type BaseUrlFor, type Cafe24AppCredentials, Cafe24OAuthClient, cafe24BaseUrl } from "./oauth-client.js";

export interface Cafe24ModuleOptions {
  db: Db;
  app: Cafe24AppCredentials;
  /** The key Cafe24 sends in `x-api-key` with webhooks (Developer Center). */
  webhookApiKey: string;
  /** Default `https://{mall_id}.cafe24api.com`; the simulator's `baseUrlFor` in demo mode and tests. */
  baseUrlFor?: BaseUrlFor;
  apiVersion?: string;
  historyStart?: (mallId: string) => Date;
  rescanDays?: number;
  budget?: CallBudgetOptions;
  tokens?: Cafe24AccessTokensOptions;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface Cafe24Module {
  platform: Cafe24Platform;
  oauth: Cafe24OAuthClient;
  tokens: Cafe24AccessTokens;
  api: Cafe24AdminApi;
  budget: CallBudget;
}

export function createCafe24Module(options: Cafe24ModuleOptions): Cafe24Module {
  const baseUrlFor = options.baseUrlFor ?? cafe24BaseUrl;
  const oauth = new Cafe24OAuthClient(options.app, baseUrlFor, options.fetch);
  const tokens = new Cafe24AccessTokens(options.db, oauth, { now: options.now, ...options.tokens });
  const budget = new CallBudget(options.budget);
  const api = new Cafe24AdminApi({ baseUrlFor, tokens, budget, apiVersion: options.apiVersion, fetch: options.fetch });
  const platform = new Cafe24Platform({
    api,
    isInstalled: (mallId) => tokens.isInstalled(mallId),
    webhookApiKey: options.webhookApiKey,
    historyStart: options.historyStart,
    rescanDays: options.rescanDays,
    now: options.now,
  });
  return { platform, oauth, tokens, api, budget };
}

export { Cafe24Platform, CAFE24_CAPABILITIES } from "./cafe24-platform.js";
export { Cafe24AccessTokens } from "./access-tokens.js";
export { Cafe24OAuthClient, Cafe24GrantRefused, cafe24BaseUrl, type Cafe24AppCredentials } from "./oauth-client.js";
export { CallBudget } from "./call-budget.js";
export { backfillCafe24Customers, backfillCafe24Orders, type CursorStore } from "./backfill.js";
export { verifyCafe24Webhook, orderIdOfCafe24Webhook, cafe24WebhookEvent } from "./webhook-verifier.js";
export { orderFromCafe24, customerFromCafe24 } from "./mappers.js";
export { createCafe24LaunchVerifier, signCafe24LaunchQuery, LAUNCH_WINDOW_SECONDS } from "./launch-hmac.js";
export { cafe24InstallRoutes, type Cafe24InstallRoutesDeps } from "./install-routes.js";
export { CAFE24_WEBHOOK_PATH, cafe24Eraser, cafe24WebhookRoutes } from "./webhook-intake.js";
