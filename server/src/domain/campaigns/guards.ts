import type { CustomerPrediction } from "../timing/prediction.js";
import type { CampaignConfig, TargetSegment } from "./campaign.js";
import type { CampaignEventFact } from "./decision-input.js";

const DAY = 86_400_000;

/** Null when the customer is in the target segment, else why not. Empty lists mean "any". */
export function targetingMiss(segment: TargetSegment, prediction: CustomerPrediction | null): string | null {
  const constrained = segment.lifecycles.length + segment.purchaseStates.length + segment.rfmGroups.length > 0;
  if (!prediction) return constrained ? "no prediction to match the target segment" : null;
  if (segment.lifecycles.length && !segment.lifecycles.includes(prediction.segment.lifecycle)) {
    return `lifecycle ${prediction.segment.lifecycle} not targeted`;
  }
  if (segment.purchaseStates.length && !segment.purchaseStates.includes(prediction.segment.purchase)) {
    return `purchase state ${prediction.segment.purchase} not targeted`;
  }
  if (segment.rfmGroups.length && !segment.rfmGroups.includes(prediction.rfm.group)) {
    return `RFM group ${prediction.rfm.group} not targeted`;
  }
  return null;
}

/** A dismissal or conversion after the occasion started ends the campaign for that customer. */
export function suppression(
  campaign: string,
  events: CampaignEventFact[],
  occasion: Date,
): "dismissed" | "converted" | null {
  const after = events.filter((e) => e.campaign === campaign && e.occurredAt.getTime() > occasion.getTime());
  if (after.some((e) => e.kind === "conversion")) return "converted";
  if (after.some((e) => e.kind === "dismiss")) return "dismissed";
  return null;
}

/** The shared impression budget: impressions of every campaign in the cap's window count. */
export function budgetExhausted(c: CampaignConfig, events: CampaignEventFact[], now: Date): boolean {
  const since = now.getTime() - c.cap.perDays * DAY;
  const seen = events.filter((e) => e.kind === "impression" && e.occurredAt.getTime() > since).length;
  return seen >= c.cap.maxImpressions;
}
