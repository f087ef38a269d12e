// metafieldDefinitionCreate (one definition per owner type, namespace and key: TAKEN) and metafieldsDelete.
import { gid, gidType, parseGid } from "../ids.js";
import type { MetafieldDefinitionRecord } from "../records.js";
import { isKnownType, resolveNamespace } from "../metafield-values.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

interface DefinitionInput {
  name: string;
  namespace?: string | null;
  key: string;
  ownerType: MetafieldDefinitionRecord["ownerType"];
  type: string;
  capabilities?: {
    adminFilterable?: { enabled: boolean } | null;
    smartCollectionCondition?: { enabled: boolean } | null;
  } | null;
}

/** The types the customer segment editor can filter on (date and time, number, text, true or false). */
export const ADMIN_FILTERABLE_TYPES = new Set([
  "single_line_text_field",
  "date",
  "date_time",
  "number_integer",
  "number_decimal",
  "boolean",
]);

const refused = (field: string[], code: string, message: string) => ({
  createdDefinition: null,
  userErrors: [{ field, code, message }],
});

const definitionOf = (d: MetafieldDefinitionRecord) => ({
  id: gid("MetafieldDefinition", d.id),
  name: d.name,
  namespace: d.namespace,
  key: d.key,
  ownerType: d.ownerType,
  type: { name: d.type },
  capabilities: { adminFilterable: { enabled: d.adminFilterable } },
});

function create(ctx: GraphqlContext, input: DefinitionInput) {
  const namespace = resolveNamespace(input.namespace, ctx.appId);
  if (namespace.length < 3)
    return refused(["definition", "namespace"], "TOO_SHORT", "Namespace is too short (minimum is 3 characters).");
  if (!/^[a-zA-Z0-9_-]{2,64}$/.test(input.key))
    return refused(["definition", "key"], "INVALID", "Key contains one or more invalid characters.");
  if (!isKnownType(input.type))
    return refused(["definition", "type"], "INCLUSION", `Type name ${input.type} is not a valid type.`);
  const filterable = input.capabilities?.adminFilterable?.enabled === true;
  if (filterable && !ADMIN_FILTERABLE_TYPES.has(input.type))
    return refused(
      ["definition", "capabilities"],
      "INVALID_CAPABILITY",
      "The capability admin_filterable is not valid for this definition.",
    );
  // Smart collections are made of products: the condition capability means nothing on a customer.
  if (input.capabilities?.smartCollectionCondition?.enabled && input.ownerType !== "PRODUCT")
    return refused(
      ["definition", "capabilities"],
      "INVALID_CAPABILITY",
      "The capability smart_collection_condition is not valid for this definition.",
    );
  const key = ctx.store.metafieldDefinitionKey(input.ownerType, namespace, input.key);
  if (ctx.store.metafieldDefinitions.has(key))
    return refused(
      ["definition", "key"],
      "TAKEN",
      "Key is in use for CUSTOMER metafields on the 'namespace' namespace.",
    );
  const record: MetafieldDefinitionRecord = {
    id: ctx.store.nextId("metafieldDefinition"),
    name: input.name,
    ownerType: input.ownerType,
    namespace,
    key: input.key,
    type: input.type,
    adminFilterable: filterable,
  };
  ctx.store.metafieldDefinitions.set(key, record);
  ctx.store.version++;
  return { createdDefinition: definitionOf(record), userErrors: [] };
}

interface Identifier {
  ownerId: string;
  namespace: string;
  key: string;
}

function deleteMetafields(ctx: GraphqlContext, inputs: Identifier[]) {
  const deleted = inputs.map((input) => {
    const type = gidType(input.ownerId);
    const ownerId = type === "Customer" ? parseGid(input.ownerId, "Customer") : null;
    if (ownerId === null) return null;
    const key = ctx.store.metafieldKey("CUSTOMER", ownerId, resolveNamespace(input.namespace, ctx.appId), input.key);
    return ctx.store.metafields.delete(key) ? input : null;
  });
  if (deleted.some(Boolean)) ctx.store.version++;
  return { deletedMetafields: deleted, userErrors: [] };
}

export const metafieldDefinitionResolvers: ResolverMap = {
  Mutation: {
    metafieldDefinitionCreate: (_p, args: { definition: DefinitionInput }, ctx) => create(ctx, args.definition),
    metafieldsDelete: (_p, args: { metafields: Identifier[] }, ctx) => deleteMetafields(ctx, args.metafields),
  },
};
