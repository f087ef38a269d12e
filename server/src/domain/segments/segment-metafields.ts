// The Dangol fields a merchant can segment customers on in Shopify's own customer segment editor (issue 14):
// the customer's segment, when their next order is due and when their Dangol coupon expires.
//
// What Shopify documents (checked 2026-12-02):
// - metafieldDefinitionCreate(definition: {name, namespace, key, ownerType: CUSTOMER, type, capabilities}) answers
//   userErrors with code TAKEN when the definition exists
//   (https://shopify.dev/docs/api/admin-graphql/latest/objects/metafielddefinitioncreateusererror).
// - The app-reserved namespace "$app:dangol" keeps the values the app's own (only the app writes them).
// - capabilities.adminFilterable.enabled (MetafieldCapabilityCreateInput,
//   https://shopify.dev/docs/api/admin-graphql/latest/input-objects/MetafieldCapabilityCreateInput) marks a
//   definition for filtering in the admin. The segment editor's page says any customer metafield *definition* of a
//   date/time, number, text or true/false type can be a filter
//   (https://help.shopify.com/en/manual/customers/customer-segmentation/reference-guide/metafield-segments);
//   that it also needs adminFilterable is NOT confirmed: we enable it anyway, and the simulator assumes it.
// - The filter's code is built from the namespace and key; its exact spelling for an app namespace is NOT confirmed
//   (the simulator accepts "metafields.<namespace>.<key>" with the namespace as written or resolved).
// - Text: = and !=; dates: = < <= > >= and BETWEEN; IS NULL / IS NOT NULL (same help page).
// - metafieldsSet takes at most 25 metafields a call; metafieldsDelete clears one (no error when it is absent)
//   (https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsDelete).
import type { CustomerPrediction } from "../timing/prediction.js";

export type SegmentFieldType = "single_line_text_field" | "date";

export interface SegmentFieldDefinition {
  key: "segment" | "due_date" | "coupon_expiry";
  name: string;
  type: SegmentFieldType;
}

export const SEGMENT_FIELDS_NAMESPACE = "$app:dangol";

export const SEGMENT_FIELD_DEFINITIONS: readonly SegmentFieldDefinition[] = [
  { key: "segment", name: "Dangol segment", type: "single_line_text_field" },
  { key: "due_date", name: "Dangol next order due", type: "date" },
  { key: "coupon_expiry", name: "Dangol coupon expiry", type: "date" },
];

/** Each field's value, or null when it no longer applies (the metafield is then cleared). */
export type SegmentFieldValues = Record<SegmentFieldDefinition["key"], string | null>;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * segment: the prediction's segment key ("repeat:core_active"); due_date: the start of the next-order due window;
 * coupon_expiry: the soonest expiry among the customer's active coupons.
 */
export function segmentFieldValues(
  prediction: CustomerPrediction | null,
  activeCouponExpiries: Date[],
): SegmentFieldValues {
  const soonest = activeCouponExpiries.reduce<Date | null>((a, b) => (a && a <= b ? a : b), null);
  return {
    segment: prediction?.segment.key ?? null,
    due_date: prediction?.dueWindow ? day(prediction.dueWindow.early) : null,
    coupon_expiry: soonest ? day(soonest) : null,
  };
}
