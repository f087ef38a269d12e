import type {
  CustomerDetailResponse,
  CustomerListQuery,
  CustomerListResponse,
} from "../../../server/src/contracts/admin-api.js";
import { searchFromQuery } from "../pages/customer-filters.js";
import { useApi } from "./use-api.js";

export function useCustomers(query: CustomerListQuery) {
  return useApi<CustomerListResponse>(`/api/customers${searchFromQuery(query)}`);
}

/** One customer with one page of their order timeline (newest first). */
export function useCustomer(customerId: string, ordersPage = 1) {
  return useApi<CustomerDetailResponse>(
    `/api/customers/${encodeURIComponent(customerId)}${ordersPage > 1 ? `?ordersPage=${ordersPage}` : ""}`,
  );
}
