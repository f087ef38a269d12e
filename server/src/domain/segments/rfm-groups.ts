/**
 * Shopify's 11 RFM groups (Admin GraphQL enum CustomerRfmGroup), with display names.
 * Shopify documents each group only in words ("very recent purchases, many orders, the most spend"); the score
 * mapping below is ours: recency score R against FM = the rounded mean of the frequency and monetary scores.
 */
export const RFM_GROUPS = {
  CHAMPIONS: "Champions",
  LOYAL: "Loyal",
  ACTIVE: "Active",
  NEW: "New",
  PROMISING: "Promising",
  NEEDS_ATTENTION: "Needs attention",
  AT_RISK: "At risk",
  ALMOST_LOST: "Almost lost",
  PREVIOUSLY_LOYAL: "Previously loyal",
  DORMANT: "Dormant",
  PROSPECTS: "Prospects",
} as const;

export type RfmGroupName = (typeof RFM_GROUPS)[keyof typeof RFM_GROUPS];

export function rfmGroup(r: number, f: number, m: number, orders: number): RfmGroupName {
  if (orders === 0) return RFM_GROUPS.PROSPECTS;
  const fm = Math.round((f + m) / 2);
  if (r === 5) return fm >= 4 ? RFM_GROUPS.CHAMPIONS : fm === 3 ? RFM_GROUPS.ACTIVE : RFM_GROUPS.NEW;
  if (r === 4) return fm >= 4 ? RFM_GROUPS.LOYAL : fm === 3 ? RFM_GROUPS.ACTIVE : RFM_GROUPS.PROMISING;
  if (r === 3) return fm >= 4 ? RFM_GROUPS.LOYAL : RFM_GROUPS.NEEDS_ATTENTION;
  if (fm === 5) return RFM_GROUPS.PREVIOUSLY_LOYAL;
  if (fm >= 3) return RFM_GROUPS.AT_RISK;
  return r === 2 ? RFM_GROUPS.ALMOST_LOST : RFM_GROUPS.DORMANT;
}

/** Shopify's enum value for a group ("CHAMPIONS"), as the admin API and URLs spell it. */
export type RfmGroupKey = keyof typeof RFM_GROUPS;
export const RFM_GROUP_KEYS = Object.keys(RFM_GROUPS) as RfmGroupKey[];

export function rfmGroupKey(name: string): RfmGroupKey | null {
  return RFM_GROUP_KEYS.find((key) => RFM_GROUPS[key] === name) ?? null;
}
