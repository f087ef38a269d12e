// The merchant's Flow event settings inside shops.settings: flowWebhook = { url, secret } (Cafe24's stand-in for
// Flow) and flowCouponWarningDays. The secret is made here when a URL is first set and kept when the URL changes,
// so a receiver keeps verifying; removing the URL removes it.
import { randomBytes } from "node:crypto";
import { ValidationError } from "../../domain/shared/errors.js";
import { flowWebhookTargetOf, webhookUrlProblem } from "../../domain/flow/webhook-url.js";

export const DEFAULT_COUPON_WARNING_DAYS = 3;

export function flowSettingsUpdate(
  stored: Record<string, unknown>,
  update: { flowWebhookUrl?: string | null; flowCouponWarningDays?: number },
  demo: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (update.flowCouponWarningDays !== undefined) out.flowCouponWarningDays = update.flowCouponWarningDays;
  if (update.flowWebhookUrl === null) out.flowWebhook = null;
  else if (update.flowWebhookUrl !== undefined) {
    const problem = webhookUrlProblem(update.flowWebhookUrl, demo);
    if (problem) throw new ValidationError(`flowWebhookUrl ${problem}`);
    const secret = flowWebhookTargetOf(stored)?.secret ?? randomBytes(32).toString("hex");
    out.flowWebhook = { url: update.flowWebhookUrl, secret };
  }
  return out;
}

export function flowSettingsView(settings: Record<string, unknown>) {
  const days = Number(settings.flowCouponWarningDays);
  return {
    flowWebhook: flowWebhookTargetOf(settings),
    flowCouponWarningDays: Number.isInteger(days) && days >= 1 ? days : DEFAULT_COUPON_WARNING_DAYS,
  };
}
