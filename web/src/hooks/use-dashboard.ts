import type { DashboardResponse } from "../../../server/src/contracts/admin-api.js";
import { useApi } from "./use-api.js";

export function useDashboard() {
  return useApi<DashboardResponse>("/api/dashboard");
}
