/** metafieldsSet takes at most 25 metafields per call. */
export const METAFIELDS_SET_BATCH = 25;

export const METAFIELDS_SET_MUTATION = `#graphql
  mutation DangolSetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id }
      userErrors { field code message }
    }
  }`;
