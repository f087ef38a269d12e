import { Router } from "express";
import type { ModelBacktestService } from "../../../services/model-backtest.service.js";
import { shopOf } from "../../auth/session-token.js";

/** GET /api/model/backtest: the last-quarter backtest summary, or null while there is too little history. */
export function modelRoutes(deps: { backtest: ModelBacktestService }): Router {
  const router = Router();
  router.get("/model/backtest", async (_req, res) => {
    res.json(await deps.backtest.summary(shopOf(res)));
  });
  return router;
}
