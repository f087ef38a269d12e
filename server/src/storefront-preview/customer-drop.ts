import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";

/** The customer fields the preview knows (structurally a PlatformCustomer from customer.repository). */
export interface PreviewCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/** The slice of Shopify's Liquid `customer` object the extension reads. */
export interface LiquidCustomer {
  id: string;
  first_name: string;
  last_name: string;
  name: string;
  email: string;
  metafields: Record<string, Record<string, { value: unknown; type: string }>>;
}

/**
 * Builds `customer` as a theme sees it, with the published decision at
 * customer.metafields["$app:dangol"].decision.value (a json metafield's value is the parsed object).
 */
export function customerDrop(customer: PreviewCustomer, decision: StorefrontDecision | null): LiquidCustomer {
  const first = customer.firstName ?? "";
  const last = customer.lastName ?? "";
  return {
    id: customer.id,
    first_name: first,
    last_name: last,
    name: [first, last].filter(Boolean).join(" "),
    email: customer.email ?? "",
    metafields: { "$app:dangol": decision ? { decision: { value: decision, type: "json" } } : {} },
  };
}
