import { useCallback, useEffect, useState } from "react";
import type {
  CampaignDto,
  CampaignFieldIssue,
  CampaignListResponse,
  CampaignPatch,
  CampaignPreviewResponse,
  CampaignResultsResponse,
  Language,
} from "../../../server/src/contracts/admin-api.js";
import { ApiError, apiFetch } from "../api/client.js";
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

/** The refused fields of a 400 campaign edit, or null for any other error. */
export function fieldIssues(err: unknown): CampaignFieldIssue[] | null {
  return err instanceof ApiError && err.status === 400 && Array.isArray(err.details)
    ? (err.details as CampaignFieldIssue[])
    : null;
}

export interface CampaignPreviewState {
  preview: CampaignPreviewResponse | null;
  /** What the server refused in the draft (empty when it is valid). */
  issues: CampaignFieldIssue[];
  error: Error | null;
}

/**
 * POST /api/campaigns/:key/preview with the unsaved draft, a moment after the last keystroke: the server validates
 * it like a save and renders it with the storefront's own Liquid. An invalid draft keeps the last good preview.
 */
export function useCampaignPreview(key: string, draft: CampaignPatch | null, lang: Language): CampaignPreviewState {
  const [state, setState] = useState<CampaignPreviewState>({ preview: null, issues: [], error: null });
  const body = draft ? JSON.stringify({ draft, lang }) : null;
  useEffect(() => {
    if (body === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<CampaignPreviewResponse>(`/api/campaigns/${encodeURIComponent(key)}/preview`, {
        method: "POST",
        body: JSON.parse(body),
        signal: controller.signal,
      }).then(
        (preview) => setState({ preview, issues: [], error: null }),
        (err: unknown) => {
          if (controller.signal.aborted) return;
          const issues = fieldIssues(err);
          const error = issues ? null : err instanceof Error ? err : new Error(String(err));
          setState((s) => ({ preview: s.preview, issues: issues ?? [], error }));
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, body]);
  return state;
}
