// Defines the segment fields' customer metafields at install, so Shopify's customer segment editor offers them as
// filters (what is confirmed and what is not: domain/segments/segment-metafields.ts). Idempotent: a definition
// that already exists (TAKEN, e.g. a reinstall) is left as it is.
import { SEGMENT_FIELD_DEFINITIONS, SEGMENT_FIELDS_NAMESPACE } from "../../domain/segments/segment-metafields.js";
import { throwOnUserErrors } from "./errors.js";
import { METAFIELD_DEFINITION_CREATE_MUTATION } from "./graphql/metafield-definitions.js";
import type { GraphqlCaller } from "./throttled-graphql.js";

type UserErrors = Array<{ field?: string[] | null; code?: string | null; message: string }>;

export async function defineSegmentMetafields(
  graphql: GraphqlCaller,
  shop: string,
): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const d of SEGMENT_FIELD_DEFINITIONS) {
    const data = await graphql.request<{ metafieldDefinitionCreate: { userErrors: UserErrors } }>(
      shop,
      METAFIELD_DEFINITION_CREATE_MUTATION,
      {
        definition: {
          name: d.name,
          namespace: SEGMENT_FIELDS_NAMESPACE,
          key: d.key,
          ownerType: "CUSTOMER",
          type: d.type,
          capabilities: { adminFilterable: { enabled: true } },
        },
      },
    );
    const errors = data.metafieldDefinitionCreate.userErrors;
    if (errors.length > 0 && errors.every((e) => e.code === "TAKEN")) {
      existing.push(d.key);
      continue;
    }
    throwOnUserErrors(`Defining the ${d.key} customer metafield`, errors);
    created.push(d.key);
  }
  return { created, existing };
}
