// Starts the shop's Shopify Flow workflows for one Dangol event: flowTriggerReceive(handle:, payload:)
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive). The payload carries the trigger's
// fields by key; the customer_reference field is "customer_id", the numeric customer id
// (https://shopify.dev/docs/apps/build/flow/triggers/reference). Under 50 KB, or Shopify answers a userError.
import type { FlowEvent } from "../../domain/flow/flow-events.js";
import { FLOW_PAYLOAD_LIMIT_BYTES, flowTrigger } from "../../domain/flow/flow-triggers.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { throwOnUserErrors } from "./errors.js";
import type { GraphqlCaller } from "./throttled-graphql.js";

export const FLOW_TRIGGER_RECEIVE_MUTATION = `#graphql
  mutation DangolFlowTrigger($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) { userErrors { field message } }
  }`;

export function flowTriggerPayload(event: FlowEvent): Record<string, unknown> {
  const customerId = Number(event.customerId.replace(/^gid:\/\/shopify\/Customer\//, ""));
  if (!Number.isSafeInteger(customerId))
    throw new PlatformError(`Flow trigger: bad customer id ${event.customerId}`, false);
  return { customer_id: customerId, ...event.fields };
}

export async function sendFlowTrigger(graphql: GraphqlCaller, shop: string, event: FlowEvent): Promise<void> {
  const payload = flowTriggerPayload(event);
  // Refused here rather than spending a call Shopify would refuse.
  if (Buffer.byteLength(JSON.stringify(payload)) >= FLOW_PAYLOAD_LIMIT_BYTES)
    throw new PlatformError(`Flow trigger ${event.kind}: payload over 50 KB`, false);
  const answer = await graphql.request<{
    flowTriggerReceive: { userErrors: Array<{ field?: string[]; message: string }> };
  }>(shop, FLOW_TRIGGER_RECEIVE_MUTATION, { handle: flowTrigger(event.kind).handle, payload });
  throwOnUserErrors(`Flow trigger ${event.kind}`, answer.flowTriggerReceive.userErrors);
}
