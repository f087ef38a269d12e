// metafieldsSet (atomic, max 25 per call) and metafield reads.
import { GraphQLError } from "graphql";
import { gid, gidType, parseGid } from "../ids.js";
import type { MetafieldRecord } from "../records.js";
import { isKnownType, jsonValue, resolveNamespace, validateValue } from "../metafield-values.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

export const METAFIELDS_SET_LIMIT = 25;

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
}

interface SetError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number;
}

const OWNER_TYPES: Record<string, MetafieldRecord["ownerType"]> = {
  Customer: "CUSTOMER",
  Order: "ORDER",
  Product: "PRODUCT",
  Shop: "SHOP",
};

export function findMetafield(
  ctx: GraphqlContext,
  ownerType: MetafieldRecord["ownerType"],
  ownerId: number,
  namespace: string | null,
  key: string,
): MetafieldRecord | null {
  return (
    ctx.store.metafields.get(ctx.store.metafieldKey(ownerType, ownerId, resolveNamespace(namespace, ctx.appId), key)) ??
    null
  );
}

export const metafieldResolvers: ResolverMap = {
  Mutation: {
    metafieldsSet: (_p, args: { metafields: MetafieldsSetInput[] }, ctx) => metafieldsSet(ctx, args.metafields),
  },
  Metafield: {
    id: (m: MetafieldRecord) => gid("Metafield", m.id),
    jsonValue: (m: MetafieldRecord) => jsonValue(m.type, m.value),
  },
};

function metafieldsSet(ctx: GraphqlContext, inputs: MetafieldsSetInput[]) {
  if (inputs.length > METAFIELDS_SET_LIMIT) {
    throw new GraphQLError(
      `The input array size of ${inputs.length} is greater than the maximum allowed of ${METAFIELDS_SET_LIMIT}.`,
      {
        extensions: { code: "MAX_INPUT_SIZE_EXCEEDED", maxInputSize: METAFIELDS_SET_LIMIT, inputSize: inputs.length },
      },
    );
  }
  const userErrors: SetError[] = [];
  const planned = inputs.map((input, index) => plan(ctx, input, index, userErrors));
  if (userErrors.length) return { metafields: [], userErrors };
  // Atomic, like Shopify: nothing is written unless every input is valid.
  const now = Math.floor(ctx.clock.now() / 1000) * 1000;
  const written = planned.map((record) => {
    const key = ctx.store.metafieldKey(record!.ownerType, record!.ownerId, record!.namespace, record!.key);
    const existing = ctx.store.metafields.get(key);
    const saved: MetafieldRecord = existing
      ? { ...existing, type: record!.type, value: record!.value, updatedAt: now }
      : { ...record!, id: ctx.store.nextId("metafield"), createdAt: now, updatedAt: now };
    ctx.store.metafields.set(key, saved);
    return saved;
  });
  ctx.store.version++;
  return { metafields: written, userErrors };
}

function plan(
  ctx: GraphqlContext,
  input: MetafieldsSetInput,
  index: number,
  errors: SetError[],
): Omit<MetafieldRecord, "id" | "createdAt" | "updatedAt"> | null {
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field: ["metafields", String(index), field], code, message, elementIndex: index });
    return null;
  };
  const ownerType = OWNER_TYPES[gidType(input.ownerId) ?? ""];
  const ownerId = ownerType ? parseGid(input.ownerId, gidType(input.ownerId) as "Customer") : null;
  if (!ownerType || ownerId === null)
    return fail("ownerId", "INVALID", "Owner id is not a valid global id for a metafield owner.");
  if (ownerType === "CUSTOMER" && !ctx.store.customers.has(ownerId))
    return fail("ownerId", "INVALID", "Owner does not exist.");
  if (ownerType === "ORDER" && !ctx.store.orders.has(ownerId))
    return fail("ownerId", "INVALID", "Owner does not exist.");
  const namespace = resolveNamespace(input.namespace, ctx.appId);
  if (namespace.length < 3) return fail("namespace", "TOO_SHORT", "Namespace is too short (minimum is 3 characters).");
  if (namespace.length > 255)
    return fail("namespace", "TOO_LONG", "Namespace is too long (maximum is 255 characters).");
  if (input.key.length < 2) return fail("key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
  if (input.key.length > 64) return fail("key", "TOO_LONG", "Key is too long (maximum is 64 characters).");
  if (!/^[a-zA-Z0-9_-]+$/.test(input.key))
    return fail("key", "INVALID", "Key contains one or more invalid characters.");
  const existing = ctx.store.metafields.get(ctx.store.metafieldKey(ownerType, ownerId, namespace, input.key));
  const type = input.type ?? existing?.type;
  if (!type) return fail("type", "BLANK", "Type can't be blank.");
  if (!isKnownType(type)) return fail("type", "INVALID_TYPE", `Type name ${type} is not a valid type.`);
  const problem = validateValue(type, input.value);
  if (problem) return fail("value", "INVALID_VALUE", problem);
  return { ownerType, ownerId, namespace, key: input.key, type, value: input.value };
}
