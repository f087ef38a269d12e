import { Router } from "express";
import { z } from "zod";
import { CUSTOMER_SORTS } from "../../contracts.js";
import type { CustomerInsightsService } from "../../../services/customer-insights.service.js";
import { shopOf } from "../../auth/session-token.js";

const listQuery = z.strictObject({
  segment: z.string().trim().min(1).max(120).optional(),
  lifecycle: z.enum(["first", "repeat", "none"]).optional(),
  purchase: z.enum(["active", "at_risk", "inactive", "never"]).optional(),
  visit: z.enum(["active", "at_risk", "inactive", "unknown"]).optional(),
  due: z.enum(["this_week", "overdue"]).optional(),
  sort: z.enum(CUSTOMER_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

const detailQuery = z.strictObject({
  ordersPage: z.coerce.number().int().min(1).max(100_000).optional(),
});

const customerId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w:.-]+$/, "customer id has unexpected characters");

/** GET /api/customers (filtered, sorted, paged) and GET /api/customers/:id?ordersPage=n */
export function customerRoutes(deps: { insights: CustomerInsightsService }): Router {
  const router = Router();
  router.get("/customers", async (req, res) => {
    const query = listQuery.parse(req.query);
    res.json(await deps.insights.list(shopOf(res), { ...query, q: query.q || undefined }));
  });
  router.get("/customers/:id", async (req, res) => {
    const { ordersPage } = detailQuery.parse(req.query);
    res.json(await deps.insights.get(shopOf(res), customerId.parse(req.params.id), ordersPage));
  });
  return router;
}
