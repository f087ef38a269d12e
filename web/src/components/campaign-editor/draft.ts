// The campaign editor's draft and the checks on it that need no server: shared by its sections and the page.
import type {
  CampaignDto,
  CampaignFieldIssue,
  Language,
  SettingKnob,
} from "../../../../server/src/contracts/admin-api.js";
import type { Translate } from "../../i18n/i18n.js";

/** What the merchant edits: every knob the decision engine reads (the preset's settings and the schedule). */
export type CampaignDraft = Pick<CampaignDto, "content" | "segment" | "cap" | "holdoutShare" | "priority"> & {
  settings: Partial<Record<SettingKnob, number | string | null>>;
};

/** What every section of the editor is given. */
export interface SectionProps {
  draft: CampaignDraft;
  onChange(draft: CampaignDraft): void;
  /** The inline error for a field the server refused, in the admin's language. */
  errorOf(field: string): string | undefined;
  t: Translate;
}

export const LANGUAGES: Language[] = ["en", "ko"];
export const FIELDS = ["title", "body", "cta"] as const;
/** Settings stored as a share (0.25) and edited as a percent (25). */
const SHARES = new Set(["settings.percentOff", "holdoutShare"]);
export const NUMBER_KNOBS = [
  "percentOff",
  "couponValidDays",
  "withinDays",
  "leadDays",
  "maxOverdueDays",
  "minDaysAfterFirstOrder",
  "maxDaysAfterFirstOrder",
  "graceDays",
] as const;

/** The inline message for a refused field, in the admin's language; share limits read as percents. */
export function issueText(t: Translate, issue: CampaignFieldIssue): string {
  const scale = (n: number | undefined) => (SHARES.has(issue.field) ? Math.round((n ?? 0) * 100) : (n ?? 0));
  switch (issue.code) {
    case "too_small":
      return t("campaigns.errors.min", { min: scale(issue.minimum) });
    case "not_above":
      return t("campaigns.errors.above", { min: scale(issue.minimum) });
    case "too_big":
      return t("campaigns.errors.max", { max: scale(issue.maximum) });
    case "not_whole":
      return t("campaigns.errors.whole");
    case "invalid_type":
      return t("campaigns.errors.number");
    case "empty":
      return t("campaigns.errors.required");
    case "before_start":
      return t("campaigns.errors.beforeStart");
    case "below_min":
      return t("campaigns.errors.belowMin");
    default:
      if (issue.field === "settings.percentOff") return t("campaigns.errors.wholePercent");
      if (issue.field === "settings.ctaPath") return t("campaigns.errors.path");
      if (issue.field === "settings.startsOn" || issue.field === "settings.endsOn") return t("campaigns.errors.date");
      return t("campaigns.errors.invalid");
  }
}

/** What can be checked before the server answers: texts present and every number a number. */
export function draftIsValid(d: CampaignDraft): boolean {
  const texts = FIELDS.flatMap((f) => LANGUAGES.map((l) => d.content[f][l].trim()));
  const numbers = [
    d.cap.maxImpressions,
    d.cap.perDays,
    d.holdoutShare,
    d.priority,
    ...NUMBER_KNOBS.map((k) => d.settings[k]),
  ];
  return texts.every(Boolean) && numbers.every((n) => n === undefined || Number.isFinite(n));
}
