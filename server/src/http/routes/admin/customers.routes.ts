import { Router } from "express";
import { z } from "zod";
import {
  CHURN_RISK_BAND_KEYS,
  CUSTOMER_DUE_WINDOWS,
  CUSTOMER_SORTS,
  type CustomerListQuery,
  RFM_GROUP_KEYS,
} from "../../../contracts/admin-api.js";
import { ValidationError } from "../../../domain/shared/errors.js";
import type { CustomerInsightsService } from "../../../services/customer-insights.service.js";
import { shopOf } from "../../auth/session-token.js";

const listQuery = z.strictObject({
  segment: z.string().trim().min(1).max(120).optional(),
  lifecycle: z.enum(["first", "repeat", "none"]).optional(),
  purchase: z.enum(["active", "at_risk", "inactive", "never"]).optional(),
  visit: z.enum(["active", "at_risk", "inactive", "unknown"]).optional(),
  // Several groups as one comma-separated value (rfm=CHAMPIONS,LOYAL) or as repeated parameters.
  rfm: z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      [v]
        .flat()
        .flatMap((s) => s.split(","))
        .map((s) => s.trim()),
    )
    .pipe(z.array(z.enum(RFM_GROUP_KEYS)).min(1).max(RFM_GROUP_KEYS.length))
    .optional(),
  churn: z.enum(CHURN_RISK_BAND_KEYS).optional(),
  due: z.enum(CUSTOMER_DUE_WINDOWS).optional(),
  sort: z.enum(CUSTOMER_SORTS).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** 400 naming each bad parameter and what it accepts, e.g. "rfm: Invalid option: expected one of …". */
function parseListQuery(raw: unknown): CustomerListQuery {
  const parsed = listQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw new ValidationError(`Invalid customer list query: ${problems.join("; ")}`, parsed.error.issues);
}

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
    const query = parseListQuery(req.query);
    res.json(await deps.insights.list(shopOf(res), { ...query, q: query.q || undefined }));
  });
  router.get("/customers/:id", async (req, res) => {
    const { ordersPage } = detailQuery.parse(req.query);
    res.json(await deps.insights.get(shopOf(res), customerId.parse(req.params.id), ordersPage));
  });
  return router;
}
