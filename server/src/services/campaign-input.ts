// zod schemas for merchant edits of a campaign (PATCH /api/campaigns/:key). Strict: unknown keys are errors.
import { z } from "zod";
import { RFM_GROUPS } from "../domain/segments/rfm-groups.js";

const text = z.string().trim().min(1).max(300);
const localized = z.strictObject({ en: text, ko: text });
const days = z.number().int().min(0).max(365);
/** Relative storefront path only: no scheme, no protocol-relative "//host", no whitespace. */
const storefrontPath = z
  .string()
  .max(200)
  .regex(/^\/(?![/\\])[^\s<>"']*$/, "must be a relative storefront path like /collections/all");

export const campaignPatchSchema = z.strictObject({
  enabled: z.boolean().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  /** Below one half: a holdout is a control group, not the majority. */
  holdoutShare: z.number().min(0).max(0.5).optional(),
  cap: z
    .strictObject({ maxImpressions: z.number().int().min(1).max(1000), perDays: z.number().int().min(1).max(365) })
    .optional(),
  segment: z
    .strictObject({
      lifecycles: z.array(z.enum(["first", "repeat", "none"])).max(3),
      purchaseStates: z.array(z.enum(["active", "at_risk", "inactive", "never"])).max(4),
      rfmGroups: z.array(z.enum(Object.values(RFM_GROUPS) as [string, ...string[]])).max(11),
    })
    .optional(),
  content: z.strictObject({ title: localized, body: localized, cta: localized }).partial().optional(),
  settings: z
    .strictObject({
      leadDays: days,
      maxOverdueDays: days,
      withinDays: z.number().int().min(1).max(90),
      minDaysAfterFirstOrder: days,
      maxDaysAfterFirstOrder: days,
      graceDays: days,
      percentOff: z.number().gt(0).max(0.9),
      couponValidDays: z.number().int().min(1).max(90),
      ctaPath: storefrontPath,
    })
    .partial()
    .optional(),
});

export type CampaignPatchInput = z.infer<typeof campaignPatchSchema>;
