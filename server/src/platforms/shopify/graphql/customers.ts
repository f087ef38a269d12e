export const CUSTOMERS_QUERY = `#graphql
  query DangolCustomersSince($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { id email firstName lastName locale createdAt updatedAt }
    }
  }`;

/** The bulk export's inner query: one JSONL line per customer (no nested connection, so no __parentId lines). */
export function bulkCustomersQuery(search: string | null): string {
  const args = search ? `(query: ${JSON.stringify(search)})` : "";
  return `{
    customers${args} {
      edges { node { id email firstName lastName locale createdAt updatedAt } }
    }
  }`;
}
