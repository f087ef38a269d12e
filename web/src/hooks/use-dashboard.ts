import type { DashboardResponse } from "../../../server/src/http/contracts";
import { useApi } from "./use-api";

export function useDashboard() {
  return useApi<DashboardResponse>("/api/dashboard");
}
