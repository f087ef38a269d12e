import { useCallback, useState } from "react";
import type { CampaignDto } from "../../../server/src/contracts/admin-api.js";
import type { EarningsResponse, VariantsRequest } from "../../../server/src/contracts/experiments-api.js";
import { apiFetch } from "../api/client.js";
import { useApi } from "./use-api.js";

/** GET /api/campaigns-earnings: the dashboard card. */
export function useEarnings() {
  return useApi<EarningsResponse>("/api/campaigns-earnings");
}

/** PUT variants and POST winner; each answers the saved campaign. */
export function useExperimentActions(key: string) {
  const [busy, setBusy] = useState(false);
  const path = `/api/campaigns/${encodeURIComponent(key)}`;
  const run = useCallback(async <T>(work: () => Promise<T>) => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  }, []);
  return {
    busy,
    saveVariants: (body: VariantsRequest) =>
      run(() => apiFetch<CampaignDto>(`${path}/variants`, { method: "PUT", body })),
    chooseWinner: (variant: string | null) =>
      run(() => apiFetch<CampaignDto>(`${path}/winner`, { method: "POST", body: { variant } })),
  };
}
