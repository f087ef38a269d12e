import type { DashboardResponse } from "../../../server/src/http/contracts.js";
import { useApi } from "./use-api.js";

export function useDashboard() {
  return useApi<DashboardResponse>("/api/dashboard");
}
