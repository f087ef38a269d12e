import { useCallback, useEffect, useState } from "react";
import type {
  BacktestSummary,
  Language,
  SettingsResponse,
  SyncStatusResponse,
} from "../../../server/src/contracts/admin-api.js";
import { apiFetch } from "../api/client.js";
import { useApi } from "./use-api.js";

export function useSettings() {
  return useApi<SettingsResponse>("/api/settings");
}

/** PUT /api/settings; resolves to the saved language. */
export function useSaveLanguage() {
  const [saving, setSaving] = useState(false);
  const save = useCallback(async (language: Language) => {
    setSaving(true);
    try {
      return (await apiFetch<SettingsResponse>("/api/settings", { method: "PUT", body: { language } })).language;
    } finally {
      setSaving(false);
    }
  }, []);
  return { save, saving };
}

/** Polls the sync status quickly while a backfill runs, slowly otherwise. */
export function useSyncStatus() {
  const [fast, setFast] = useState(true);
  const state = useApi<SyncStatusResponse>("/api/sync/status", { pollMs: fast ? 2000 : 15000 });
  const running = state.data?.state === "backfilling" || state.data?.state === "syncing";
  useEffect(() => {
    if (state.data) setFast(running);
  }, [state.data, running]);
  return state;
}

export function useBacktest() {
  return useApi<BacktestSummary | null>("/api/model/backtest");
}
