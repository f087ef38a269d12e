import { Router, type RequestHandler } from "express";
import type { Db } from "../../../db/database.js";
import { createCustomerInsightsService } from "../../../services/customer-insights.service.js";
import { createDashboardService } from "../../../services/dashboard.service.js";
import { createModelBacktestService } from "../../../services/model-backtest.service.js";
import { createSettingsService } from "../../../services/settings.service.js";
import { adminTokenAuth } from "../../auth/admin-token-auth.js";
import { demoShopAuth } from "../../auth/session-token.js";
import { customerRoutes } from "./customers.routes.js";
import { dashboardRoutes } from "./dashboard.routes.js";
import { modelRoutes } from "./model.routes.js";
import { settingsRoutes } from "./settings.routes.js";

export interface AdminAuthOptions {
  /** Shopify credentials; null in demo mode. */
  shopify: { apiKey: string; apiSecret: string } | null;
  /** Cafe24 credentials (its admin tokens are signed with the client secret); null without Cafe24. */
  cafe24?: { clientSecret: string } | null;
  /** The shop every request acts for in demo mode. */
  demoShop: string;
}

/**
 * With any platform's credentials, a bearer token of a configured platform (a Shopify session token, a Cafe24 admin
 * token) scopes each request to its shop; with none, the fixed demo shop. Mount before every /api router.
 */
export function adminAuth(options: AdminAuthOptions): RequestHandler {
  const cafe24 = options.cafe24 ?? null;
  if (!options.shopify && !cafe24) return demoShopAuth(options.demoShop);
  return adminTokenAuth({ shopify: options.shopify, cafe24 });
}

/** /api/dashboard, /api/customers, /api/settings, /api/model/backtest; `auth` runs first, so no route is reachable without a shop. */
export function adminRoutes(deps: {
  db: Db;
  /** Where the dashboard and customer pages read (see create-read-db.ts); defaults to db. */
  readDb?: Db;
  auth: RequestHandler;
  now?: () => Date;
  demo?: boolean;
}): Router {
  const router = Router();
  router.use(deps.auth);
  router.use(dashboardRoutes({ dashboard: createDashboardService(deps) }));
  router.use(customerRoutes({ insights: createCustomerInsightsService({ ...deps, db: deps.readDb ?? deps.db }) }));
  router.use(settingsRoutes({ settings: createSettingsService(deps) }));
  router.use(modelRoutes({ backtest: createModelBacktestService(deps) }));
  return router;
}
