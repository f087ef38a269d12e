import { Router, type RequestHandler } from "express";
import type { Db } from "../../../db/database.js";
import { createCustomerInsightsService } from "../../../services/customer-insights.service.js";
import { createDashboardService } from "../../../services/dashboard.service.js";
import { createModelBacktestService } from "../../../services/model-backtest.service.js";
import { createSettingsService } from "../../../services/settings.service.js";
import { demoShopAuth, sessionTokenAuth } from "../../auth/session-token.js";
import { customerRoutes } from "./customers.routes.js";
import { dashboardRoutes } from "./dashboard.routes.js";
import { modelRoutes } from "./model.routes.js";
import { settingsRoutes } from "./settings.routes.js";

export interface AdminAuthOptions {
  /** Shopify credentials; null in demo mode. */
  shopify: { apiKey: string; apiSecret: string } | null;
  /** The shop every request acts for in demo mode. */
  demoShop: string;
}

/** Session-token auth when Shopify credentials exist, the fixed demo shop otherwise. Mount before every /api router. */
export function adminAuth(options: AdminAuthOptions): RequestHandler {
  return options.shopify ? sessionTokenAuth(options.shopify) : demoShopAuth(options.demoShop);
}

/** /api/dashboard, /api/customers, /api/settings, /api/model/backtest; `auth` runs first, so no route is reachable without a shop. */
export function adminRoutes(deps: { db: Db; auth: RequestHandler; now?: () => Date }): Router {
  const router = Router();
  router.use(deps.auth);
  router.use(dashboardRoutes({ dashboard: createDashboardService(deps) }));
  router.use(customerRoutes({ insights: createCustomerInsightsService(deps) }));
  router.use(settingsRoutes({ settings: createSettingsService(deps) }));
  router.use(modelRoutes({ backtest: createModelBacktestService(deps) }));
  return router;
}
