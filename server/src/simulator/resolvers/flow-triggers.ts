// flowTriggerReceive(handle:, payload:) as Shopify answers it (https://shopify.dev/docs/api/admin-graphql/latest/
// mutations/flowTriggerReceive, trigger reference https://shopify.dev/docs/apps/build/flow/triggers/reference):
// userErrors for a handle the app has no trigger extension for, or a payload of 50 KB or more; otherwise the call
// starts the shop's workflows, which the simulator records per shop (flowTriggerCalls).
// Not confirmed in the docs: the exact user error messages, and whether Shopify checks the payload's keys against
// the trigger's fields (the simulator does: a missing or undeclared key is refused, so a drifted payload shows).
import { FLOW_PAYLOAD_LIMIT_BYTES, FLOW_TRIGGERS } from "../../domain/flow/flow-triggers.js";
import type { ShopStore } from "../store.js";
import type { ResolverMap } from "./context.js";

/** Added to the admin schema beside ADMIN_SCHEMA_SDL (resolvers/index.ts). */
export const FLOW_TRIGGER_SDL = `
type FlowTriggerReceivePayload { userErrors: [UserError!]! }
extend type Mutation { flowTriggerReceive(handle: String, payload: JSON, body: String): FlowTriggerReceivePayload }
`;

export interface FlowTriggerCall {
  handle: string;
  payload: Record<string, unknown>;
}

const calls = new WeakMap<ShopStore, FlowTriggerCall[]>();

/** The triggers a shop received, oldest first. */
export function flowTriggerCalls(store: ShopStore): FlowTriggerCall[] {
  const list = calls.get(store) ?? [];
  calls.set(store, list);
  return list;
}

const refused = (field: string, message: string) => ({ userErrors: [{ field: [field], message }] });

function payloadProblem(handle: string, payload: Record<string, unknown>): string | null {
  const trigger = FLOW_TRIGGERS.find((t) => t.handle === handle);
  if (!trigger) return null;
  const keys = trigger.fields.map((f) => f.key);
  for (const key of Object.keys(payload)) if (!keys.includes(key)) return `${key} is not a field of ${handle}`;
  for (const field of trigger.fields) {
    const value = payload[field.key];
    if (value === undefined || value === null) return `${field.key} is required`;
    if (field.type !== "single_line_text_field" && !Number.isInteger(value)) return `${field.key} must be an integer`;
    if (field.type === "single_line_text_field" && typeof value !== "string") return `${field.key} must be a string`;
  }
  return null;
}

export const flowTriggerResolvers: ResolverMap = {
  Mutation: {
    flowTriggerReceive: (_, args: { handle?: string | null; payload?: unknown }, ctx) => {
      const handle = args.handle ?? "";
      if (!FLOW_TRIGGERS.some((t) => t.handle === handle))
        return refused("handle", `Could not find trigger with handle '${handle}'`);
      const payload = typeof args.payload === "string" ? safeParse(args.payload) : args.payload;
      if (!payload || typeof payload !== "object" || Array.isArray(payload))
        return refused("payload", "Payload must be a JSON object");
      if (Buffer.byteLength(JSON.stringify(payload)) >= FLOW_PAYLOAD_LIMIT_BYTES)
        return refused("payload", "Payload is too large: it must be under 50 KB");
      const problem = payloadProblem(handle, payload as Record<string, unknown>);
      if (problem) return refused("payload", problem);
      flowTriggerCalls(ctx.store).push({ handle, payload: payload as Record<string, unknown> });
      return { userErrors: [] };
    },
  },
};

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
