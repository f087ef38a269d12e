// The Flow event settings as the merchant edits them: the webhook URL as typed (empty: none) and the lead days.
import type { Translate } from "../../i18n/i18n.js";
import type { SettingsResponse, SettingsUpdate } from "../../../../server/src/contracts/admin-api.js";

export interface FlowEventsDraft {
  url: string;
  days: number;
}

/** The server's range for the "coupon expires in N days" lead (settings.routes.ts). */
export const WARNING_DAYS = { min: 1, max: 30 };

export const draftOf = (s: SettingsResponse): FlowEventsDraft => ({
  url: s.flowWebhook?.url ?? "",
  days: s.flowCouponWarningDays,
});

export const daysAreValid = (days: number) =>
  Number.isInteger(days) && days >= WARNING_DAYS.min && days <= WARNING_DAYS.max;

/** Only what changed, so saving the days never touches the URL (nor its secret); an emptied URL removes the webhook. */
export function updateOf(saved: FlowEventsDraft, draft: FlowEventsDraft): SettingsUpdate {
  const update: SettingsUpdate = {};
  if (draft.url.trim() !== saved.url) update.flowWebhookUrl = draft.url.trim() || null;
  if (draft.days !== saved.days) update.flowCouponWarningDays = draft.days;
  return update;
}

export const isDirty = (saved: FlowEventsDraft, draft: FlowEventsDraft) =>
  Object.keys(updateOf(saved, draft)).length > 0;

/**
 * A refused URL, for the field itself: the server words its refusals in English ("flowWebhookUrl must be an https
 * URL"), so the known ones are translated and any other is shown as the server said it. Null: not about the URL.
 */
export function urlErrorText(t: Translate, err: unknown): string | null {
  const message = err instanceof Error ? err.message : String(err);
  if (!message.includes("flowWebhookUrl")) return null;
  if (message.includes("https")) return t("settings.flowEvents.urlHttps");
  if (message.includes("not a URL")) return t("settings.flowEvents.urlInvalid");
  return message;
}
