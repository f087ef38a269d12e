import { Router } from "express";
import { z } from "zod";
import type { SettingsService } from "../../../services/settings.service.js";
import { shopOf } from "../../auth/session-token.js";

const productKeys = z.array(z.string().trim().min(1).max(255)).max(500);
const settingsUpdate = z
  .strictObject({
    language: z.enum(["en", "ko"]).optional(),
    productOverrides: z
      .strictObject({ nonProduct: productKeys, product: productKeys })
      .refine((o) => !o.nonProduct.some((k) => o.product.includes(k)), {
        message: "a product cannot be both always and never a product",
      })
      .optional(),
    flowWebhookUrl: z.string().trim().max(2048).nullable().optional(),
    flowCouponWarningDays: z.number().int().min(1).max(30).optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: "nothing to update: send language, productOverrides, flowWebhookUrl and/or flowCouponWarningDays",
  });

/** GET/PUT /api/settings: the merchant's admin language, product overrides and Flow event settings. */
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
