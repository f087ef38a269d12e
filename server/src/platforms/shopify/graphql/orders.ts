// Order fields the repurchase model needs (platform-reference §4.1). Shared by paging and the bulk export.
// Exactly what mappers.ts reads (tests/platforms/shopify/order-query-fields.test.ts): the demo's bulk export
// carries half a million line items, and every field asked for is built, sent and parsed that many times.
export const ORDER_FIELDS = `
  id
  createdAt
  updatedAt
  processedAt
  cancelledAt
  test
  discountCodes
  customer { id }
  totalPriceSet { shopMoney { amount currencyCode } }
  totalRefundedSet { shopMoney { amount } }`;

export const LINE_FIELDS = `
  title
  quantity
  product { id }
  variant { id }
  originalUnitPriceSet { shopMoney { amount } }`;

/** Line items fetched inline per order; longer orders page the rest with ORDER_LINES_QUERY. */
export const INLINE_LINES = 20;

/**
 * Live paging. Requested cost grows with orders × line items and may not exceed 1 000 points, so pages are
 * small (see ORDER_PAGE_SIZE); bulk exports have no such cap and do the heavy lifting.
 */
export const ORDERS_QUERY = `#graphql
  query DangolOrdersSince($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${ORDER_FIELDS}
        lineItems(first: ${INLINE_LINES}) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }
      }
    }
  }`;

export const ORDER_LINES_QUERY = `#graphql
  query DangolOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }
    }
  }`;

/** One point: null when the shop has no order by that id (e.g. another shop's). */
export const ORDER_EXISTS_QUERY = `#graphql
  query DangolOrderExists($id: ID!) { order(id: $id) { id } }`;

export const ORDERS_COUNT_QUERY = `#graphql
  query DangolOrdersCount($query: String) {
    ordersCount(query: $query, limit: null) { count precision }
  }`;

/**
 * The bulk export's inner query: connections as edges/node; line items come back as __parentId lines (Shopify
 * asks only the parent of a nested connection for its id).
 */
export function bulkOrdersQuery(search: string | null): string {
  const args = search ? `(query: ${JSON.stringify(search)})` : "";
  return `{
    orders${args} {
      edges { node {
        ${ORDER_FIELDS}
        lineItems { edges { node { ${LINE_FIELDS} } } }
      } }
    }
  }`;
}
