export const BULK_RUN_QUERY = `#graphql
  mutation DangolBulkExport($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }`;

/** bulkOperation(id:) exists from API 2026-01; currentBulkOperation is deprecated. */
export const BULK_STATUS_QUERY = `#graphql
  query DangolBulkStatus($id: ID!) {
    bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl }
  }`;
