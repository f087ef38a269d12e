/** metafieldsSet takes at most 25 metafields per call. */
export const METAFIELDS_SET_BATCH = 25;

// Atomic: one bad input and nothing in the call is written. Each userError's field path
// (["metafields", "<index>", "ownerId"]) or elementIndex names the input it is about.
export const METAFIELDS_SET_MUTATION = `#graphql
  mutation DangolSetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id }
      userErrors { field code message elementIndex }
    }
  }`;

// A metafield that doesn't exist comes back as null in deletedMetafields, not as an error.
export const METAFIELDS_DELETE_MUTATION = `#graphql
  mutation DangolDeleteMetafields($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key }
      userErrors { field message }
    }
  }`;
