import type { CustomerDetailResponse, CustomerListQuery, CustomerListResponse } from "../../../server/src/http/contracts";
import { queryString } from "../api/client";
import { useApi } from "./use-api";

export function useCustomers(query: CustomerListQuery) {
  return useApi<CustomerListResponse>(`/api/customers${queryString({ ...query })}`);
}

export function useCustomer(customerId: string) {
  return useApi<CustomerDetailResponse>(`/api/customers/${encodeURIComponent(customerId)}`);
}
