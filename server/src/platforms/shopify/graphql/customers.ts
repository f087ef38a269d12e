export const CUSTOMERS_QUERY = `#graphql
  query DangolCustomersSince($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes { id email firstName lastName locale createdAt updatedAt }
    }
  }`;
