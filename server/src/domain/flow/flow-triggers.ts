// The three Flow triggers of extensions/dangol-flow-triggers/*/shopify.extension.toml (tests/extension/
// flow-triggers-toml.test.ts checks they agree). What Shopify documents
// (https://shopify.dev/docs/apps/build/flow/triggers/reference, checked 2026-12-02): a trigger extension is
// [[extensions]] type = "flow_trigger" with name, handle (≤ 30 characters, letters, digits and hyphens) and
// description, and [[settings.fields]] defining the payload; a customer_reference field travels as the payload key
// "customer_id" (the numeric customer id), a custom field under its `key`. flowTriggerReceive(handle:, payload:)
// answers userErrors (https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive); the payload
// must stay under 50 KB (FLOW_PAYLOAD_LIMIT_BYTES).

export type FlowEventKind = "reorder_window_opened" | "coupon_expiring" | "customer_lapsed";
export type FlowFieldType = "customer_reference" | "single_line_text_field" | "number_integer";

export interface FlowTriggerField {
  type: FlowFieldType;
  /** The payload key: "customer_id" for the customer reference, else the field's declared key. */
  key: string;
}

export interface FlowTriggerDefinition {
  kind: FlowEventKind;
  handle: string;
  fields: readonly FlowTriggerField[];
}

const text = (key: string): FlowTriggerField => ({ type: "single_line_text_field", key });
const integer = (key: string): FlowTriggerField => ({ type: "number_integer", key });

/** Every trigger's payload starts with the customer it is about. */
function trigger(kind: FlowEventKind, handle: string, ...fields: FlowTriggerField[]): FlowTriggerDefinition {
  return { kind, handle, fields: [{ type: "customer_reference", key: "customer_id" }, ...fields] };
}

export const FLOW_TRIGGERS: readonly FlowTriggerDefinition[] = [
  trigger("reorder_window_opened", "dangol-reorder-window-opened", text("Due window opens"), text("Due window closes")),
  trigger("coupon_expiring", "dangol-coupon-expiring", text("Coupon code"), integer("Days left")),
  trigger("customer_lapsed", "dangol-customer-lapsed", text("Segment"), integer("Days since last order")),
];

/** flowTriggerReceive refuses a payload of 50 KB or more. */
export const FLOW_PAYLOAD_LIMIT_BYTES = 50 * 1024;

export function flowTrigger(kind: FlowEventKind): FlowTriggerDefinition {
  const found = FLOW_TRIGGERS.find((t) => t.kind === kind);
  if (!found) throw new Error(`unknown Flow event ${kind}`);
  return found;
}
