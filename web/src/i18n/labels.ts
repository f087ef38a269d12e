// Names for values the API sends as keys (RFM groups, campaign keys, statuses), so no raw key reaches the screen.
import { RFM_GROUPS } from "../../../server/src/domain/segments/rfm-groups.js";
import type { Translate } from "./i18n.js";

type RfmKey = keyof typeof RFM_GROUPS;

/** An RFM group by Shopify's key ("AT_RISK") or by the English name stored before keys ("At risk"). */
export function rfmGroupLabel(t: Translate, group: string | null): string {
  if (!group) return "—";
  const key = group in RFM_GROUPS ? group : (Object.keys(RFM_GROUPS) as RfmKey[]).find((k) => RFM_GROUPS[k] === group);
  return key ? t(`rfmGroups.${key}`) : group;
}

/** A translated label for `key` under `section`, or `fallback` (the raw value) when there is none. */
function labelOr(t: Translate, section: string, key: string, fallback = key): string {
  const path = `${section}.${key}`;
  const label = t(path);
  return label === path ? fallback : label;
}

export const campaignName = (t: Translate, key: string) => labelOr(t, "campaigns.names", key);
export const couponStatusLabel = (t: Translate, status: string) => labelOr(t, "customer.couponStatus", status);
export const excludedReasonLabel = (t: Translate, reason: string) => labelOr(t, "customer.excludedReasons", reason);
