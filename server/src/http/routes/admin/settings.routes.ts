import { Router } from "express";
import { z } from "zod";
import type { SettingsService } from "../../../services/settings.service.js";
import { shopOf } from "../../auth/session-token.js";

const settingsUpdate = z.strictObject({ language: z.enum(["en", "ko"]) });

/** GET/PUT /api/settings: the merchant's admin language. */
export function settingsRoutes(deps: { settings: SettingsService }): Router {
  const router = Router();
  router.get("/settings", async (_req, res) => {
    res.json(await deps.settings.get(shopOf(res)));
  });
  router.put("/settings", async (req, res) => {
    const update = settingsUpdate.parse(req.body);
    res.json(await deps.settings.update(shopOf(res), update));
  });
  return router;
}
