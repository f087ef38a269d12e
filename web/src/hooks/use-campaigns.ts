import { useCallback, useState } from "react";
import type {
  CampaignDto,
  CampaignListResponse,
  CampaignPatch,
  CampaignResultsResponse,
} from "../../../server/src/http/contracts.js";
import { apiFetch } from "../api/client.js";
import { useApi } from "./use-api.js";

export function useCampaigns() {
  return useApi<CampaignListResponse>("/api/campaigns");
}

/** GET /api/campaigns/:key: one campaign; an ApiError with status 404 when the key names none. */
export function useCampaign(key: string) {
  return useApi<CampaignDto>(`/api/campaigns/${encodeURIComponent(key)}`);
}

export function useCampaignResults(key: string) {
  return useApi<CampaignResultsResponse>(`/api/campaigns/${encodeURIComponent(key)}/results`);
}

/** PATCH /api/campaigns/:key; returns the saved campaign. */
export function useUpdateCampaign() {
  const [saving, setSaving] = useState<string | null>(null);
  const update = useCallback(async (key: string, patch: CampaignPatch) => {
    setSaving(key);
    try {
      return await apiFetch<CampaignDto>(`/api/campaigns/${encodeURIComponent(key)}`, { method: "PATCH", body: patch });
    } finally {
      setSaving(null);
    }
  }, []);
  return { update, saving };
}
