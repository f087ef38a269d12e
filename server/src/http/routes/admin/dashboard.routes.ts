import { Router } from "express";
import type { DashboardService } from "../../../services/dashboard.service.js";
import { shopOf } from "../../auth/session-token.js";

/** GET /api/dashboard */
export function dashboardRoutes(deps: { dashboard: DashboardService }): Router {
  const router = Router();
  router.get("/dashboard", async (_req, res) => {
    res.json(await deps.dashboard.get(shopOf(res)));
  });
  return router;
}
