import { Router } from "express";
import type { Db, DbKind } from "../../db/database.js";
import { pingDatabase } from "../../db/repositories/health.repository.js";

/** GET /healthz: 200 { ok: true, db } when the database answers, 503 otherwise. */
export function healthRoutes(deps: { db: Db; dbKind: DbKind }): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    try {
      await pingDatabase(deps.db);
      res.json({ ok: true, db: deps.dbKind });
    } catch {
      res.status(503).json({ ok: false, db: deps.dbKind });
    }
  });
  return router;
}
