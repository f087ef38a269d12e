// Merchant edits of a campaign (PATCH /api/campaigns/:key, and the editor's unsaved draft for its preview).
// Strict: unknown keys are errors. Every refusal names its field, so the editor can show it beside that field.
import { z } from "zod";
import type { CampaignConfig } from "../domain/campaigns/campaign.js";
import { knobsOf } from "../domain/campaigns/knobs.js";
import { utcDayStart } from "../domain/campaigns/schedule.js";
import { RFM_GROUPS } from "../domain/segments/rfm-groups.js";
import { ValidationError } from "../domain/shared/errors.js";

const text = z.string().trim().min(1).max(300);
const localized = z.strictObject({ en: text, ko: text });
const days = z.number().int().min(0).max(365);
/** Relative storefront path only: no scheme, no protocol-relative "//host", no whitespace. */
const storefrontPath = z
  .string()
  .max(200)
  .regex(/^\/(?![/\\])[^\s<>"']*$/, "must be a relative storefront path like /collections/all");
/** Shopify issues the percentage as given, while the banner prints {percent} rounded: whole percents keep them equal. */
const wholePercentShare = z
  .number()
  .gt(0)
  .max(0.9)
  .refine((share) => Math.abs(share * 100 - Math.round(share * 100)) < 1e-9, "must be a whole percent (0.01 steps)");
const day = z
  .string()
  .refine((d) => utcDayStart(d) !== null, "must be a calendar day YYYY-MM-DD")
  .nullable();

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
      percentOff: wholePercentShare,
      couponValidDays: z.number().int().min(1).max(90),
      ctaPath: storefrontPath,
      startsOn: day,
      endsOn: day,
    })
    .partial()
    .optional(),
});

export type CampaignPatchInput = z.infer<typeof campaignPatchSchema>;

/** One refused field: `field` is its dotted path ("settings.percentOff"), `code` what the editor translates. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  minimum?: number;
  maximum?: number;
}

function fieldIssues(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const field = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({
        field: field ? `${field}.${k}` : k,
        code: "unknown_field",
        message: "unknown field",
      }));
    }
    if (issue.code === "too_small") {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return [{ field, code: "empty", message: "must not be empty" }];
      return issue.inclusive
        ? [{ field, code: "too_small", minimum, message: `must be at least ${minimum}` }]
        : [{ field, code: "not_above", minimum, message: `must be above ${minimum}` }];
    }
    if (issue.code === "too_big") {
      const maximum = Number(issue.maximum);
      const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " choices" : "";
      return [{ field, code: "too_big", maximum, message: `must be at most ${maximum}${unit}` }];
    }
    if (issue.code === "invalid_type") {
      const expected = issue.expected === "int" ? "a whole number" : `a ${issue.expected}`;
      return [{ field, code: issue.expected === "int" ? "not_whole" : "invalid_type", message: `must be ${expected}` }];
    }
    return [{ field, code: issue.code === "invalid_value" ? "invalid_choice" : "invalid", message: issue.message }];
  });
}

/** Rules between fields, checked on the merged result (a patch may change one side only). */
function crossFieldIssues(next: CampaignConfig): FieldIssue[] {
  const s = next.settings;
  const out: FieldIssue[] = [];
  if ((s.minDaysAfterFirstOrder ?? 0) > (s.maxDaysAfterFirstOrder ?? 3)) {
    out.push({
      field: "settings.maxDaysAfterFirstOrder",
      code: "below_min",
      message: "must not be less than minDaysAfterFirstOrder",
    });
  }
  if (s.startsOn && s.endsOn && s.endsOn < s.startsOn) {
    out.push({ field: "settings.endsOn", code: "before_start", message: "must not be before startsOn" });
  }
  return out;
}

function refuse(issues: FieldIssue[]): never {
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new ValidationError(`Invalid campaign change: ${summary}`, issues);
}

/**
 * Validates a merchant edit and returns the campaign it would make, without storing anything: the caller saves
 * it whole or not at all. Throws ValidationError whose details are FieldIssue[].
 */
export function applyCampaignPatch(current: CampaignConfig, rawPatch: unknown): CampaignConfig {
  const parsed = campaignPatchSchema.safeParse(rawPatch);
  if (!parsed.success) refuse(fieldIssues(parsed.error.issues));
  const patch = parsed.data;
  const knobs: readonly string[] = knobsOf(current.key);
  const foreign = Object.keys(patch.settings ?? {}).filter((k) => !knobs.includes(k));
  if (foreign.length) {
    refuse(
      foreign.map((k) => ({
        field: `settings.${k}`,
        code: "not_applicable",
        message: `is not used by ${current.key}`,
      })),
    );
  }
  const next: CampaignConfig = {
    ...current,
    ...(patch.enabled !== undefined && { enabled: patch.enabled }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.holdoutShare !== undefined && { holdoutShare: patch.holdoutShare }),
    ...(patch.cap && { cap: patch.cap }),
    ...(patch.segment && { segment: patch.segment }),
    content: { ...current.content, ...patch.content },
    settings: { ...current.settings, ...patch.settings },
  };
  const crossed = crossFieldIssues(next);
  if (crossed.length) refuse(crossed);
  return next;
}
