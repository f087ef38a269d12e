// Customer metafields through metafieldsSet. Shopify's call is atomic, so one customer it refuses (deleted:
// "Owner does not exist.") would sink the other 24: the refused inputs are dropped and the rest sent again.
import type {
  CustomerMetafield,
  CustomerMetafieldRef,
  MetafieldRejection,
  MetafieldWriteResult,
} from "../commerce-platform.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { METAFIELDS_DELETE_MUTATION, METAFIELDS_SET_BATCH, METAFIELDS_SET_MUTATION } from "./graphql/metafields.js";
import { toGid } from "./mappers.js";
import type { GraphqlCaller } from "./throttled-graphql.js";

interface SetUserError {
  field?: string[] | null;
  code?: string | null;
  message: string;
  elementIndex?: number | null;
}

const WHAT = "Setting customer metafields";
// Owner errors that say nothing about the customer's existence (they would apply to every input alike).
const NOT_ABOUT_THE_OWNER = new Set(["APP_NOT_AUTHORIZED", "DISALLOWED_OWNER_TYPE"]);

export async function setCustomerMetafields(
  graphql: GraphqlCaller,
  shop: string,
  metafields: CustomerMetafield[],
  clear: CustomerMetafieldRef[] = [],
): Promise<MetafieldWriteResult> {
  const rejected: MetafieldRejection[] = [];
  for (let i = 0; i < metafields.length; i += METAFIELDS_SET_BATCH) {
    let pending = metafields.slice(i, i + METAFIELDS_SET_BATCH);
    // Each round either writes everything pending or removes at least one refused input, so it ends.
    while (pending.length > 0) {
      const data = await graphql.request<{ metafieldsSet: { userErrors: SetUserError[] } }>(
        shop,
        METAFIELDS_SET_MUTATION,
        { metafields: pending.map(toInput) },
      );
      const refused = refusedInputs(data.metafieldsSet.userErrors, pending);
      if (refused.size === 0) break;
      rejected.push(...refused.values());
      pending = pending.filter((_, index) => !refused.has(index));
    }
  }
  await deleteCustomerMetafields(graphql, shop, clear);
  return { rejected };
}

/** Values that no longer apply: one metafieldsDelete per 25 (the same size as a set call). */
async function deleteCustomerMetafields(graphql: GraphqlCaller, shop: string, refs: CustomerMetafieldRef[]) {
  for (let i = 0; i < refs.length; i += METAFIELDS_SET_BATCH) {
    const batch = refs.slice(i, i + METAFIELDS_SET_BATCH);
    const data = await graphql.request<{ metafieldsDelete: { userErrors: SetUserError[] } }>(
      shop,
      METAFIELDS_DELETE_MUTATION,
      {
        metafields: batch.map((m) => ({
          ownerId: toGid("Customer", m.customerId),
          namespace: m.namespace,
          key: m.key,
        })),
      },
    );
    const errors = data.metafieldsDelete.userErrors;
    if (errors.length)
      throw new PlatformError(`Clearing customer metafields: ${errors.map((u) => u.message).join("; ")}`, false);
  }
}

function toInput(m: CustomerMetafield) {
  return { ownerId: toGid("Customer", m.customerId), namespace: m.namespace, key: m.key, type: m.type, value: m.value };
}

/** The inputs the userErrors point at; throws when one points at none (a problem with the call as a whole). */
function refusedInputs(userErrors: SetUserError[], sent: CustomerMetafield[]): Map<number, MetafieldRejection> {
  const refused = new Map<number, MetafieldRejection>();
  for (const e of userErrors) {
    const index = e.field?.[0] === "metafields" && /^\d+$/.test(e.field[1] ?? "") ? Number(e.field[1]) : e.elementIndex;
    if (index === null || index === undefined || !sent[index]) {
      throw new PlatformError(`${WHAT}: ${userErrors.map((u) => u.message).join("; ")}`, false, undefined, userErrors);
    }
    if (refused.has(index)) continue;
    const aboutOwner = e.field?.[2] === "ownerId" && !NOT_ABOUT_THE_OWNER.has(e.code ?? "");
    refused.set(index, {
      customerId: sent[index].customerId,
      reason: aboutOwner ? "unknown_customer" : "invalid",
      message: e.message,
    });
  }
  return refused;
}
