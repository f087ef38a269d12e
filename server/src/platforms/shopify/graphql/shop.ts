/** The cheapest authenticated call: it succeeds exactly while Shopify accepts our token for the shop. */
export const ACCESS_CHECK_QUERY = `#graphql
  query DangolAccessCheck { shop { id } }`;
