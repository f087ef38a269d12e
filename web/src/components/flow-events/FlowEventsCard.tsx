import { useEffect, useState } from "react";
import { Banner, BlockStack, Card, Text } from "@shopify/polaris";
import type { SettingsResponse } from "../../../../server/src/contracts/admin-api.js";
import { apiFetch } from "../../api/client.js";
import { useSettings } from "../../hooks/use-settings.js";
import { useI18n } from "../../i18n/i18n.js";
import { errorText } from "../../i18n/error-text.js";
import { NumberField } from "../NumberField.js";
import { UnsavedChangesBar } from "../UnsavedChangesBar.js";
import {
  type FlowEventsDraft,
  WARNING_DAYS,
  daysAreValid,
  draftOf,
  isDirty,
  updateOf,
  urlErrorText,
} from "./flow-events-draft.js";
import { WebhookFields } from "./WebhookFields.js";

/**
 * Where Dangol's customer events (reorder window opened, coupon expiring, moved to lapsed) go and how early the
 * coupon one fires. Shopify shops get them as Flow triggers; a Cafe24 mall, which has no Flow, at its signed webhook.
 * Edits wait behind the save bar like the campaign editor's.
 */
export function FlowEventsCard() {
  const { t } = useI18n();
  const loaded = useSettings();
  const [settings, setSettings] = useState<SettingsResponse | null>(null);
  const [draft, setDraft] = useState<FlowEventsDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // NumberField keeps the merchant's text: a discard remounts it with the saved number.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    // Only a full settings answer (a test's stub may carry just the language).
    if (typeof loaded.data?.flowCouponWarningDays !== "number") return;
    setSettings(loaded.data);
    setDraft(draftOf(loaded.data));
  }, [loaded.data]);
  if (!settings || !draft) return null;

  const saved = draftOf(settings);
  const dirty = isDirty(saved, draft);
  const viaWebhook = settings.flowEventsVia === "signed-webhook";
  const edit = (change: Partial<FlowEventsDraft>) => {
    if (change.url !== undefined) setUrlError(null);
    setDraft({ ...draft, ...change });
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const next = await apiFetch<SettingsResponse>("/api/settings", { method: "PUT", body: updateOf(saved, draft) });
      setSettings(next);
      setDraft(draftOf(next));
    } catch (err) {
      const forUrl = urlErrorText(t, err);
      if (forUrl) setUrlError(forUrl);
      else setError(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };
  const discard = () => {
    setDraft(saved);
    setUrlError(null);
    setError(null);
    setGeneration((n) => n + 1);
  };
  const daysOk = daysAreValid(draft.days);
  return (
    <Card>
      <UnsavedChangesBar dirty={dirty} saving={saving} canSave={daysOk} onSave={save} onDiscard={discard} />
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.flowEvents.title")}
        </Text>
        <div data-testid="flow-events-route">
          <Text as="p" tone="subdued">
            {t(viaWebhook ? "settings.flowEvents.viaWebhook" : "settings.flowEvents.viaFlow", { days: saved.days })}
          </Text>
        </div>
        {error && <Banner tone="critical">{error}</Banner>}
        <NumberField
          key={generation}
          label={t("settings.flowEvents.days")}
          value={draft.days}
          onChange={(days) => edit({ days })}
          suffix={t("settings.flowEvents.daysSuffix")}
          helpText={t("settings.flowEvents.daysHelp")}
          error={daysOk ? undefined : t("settings.flowEvents.daysRange", WARNING_DAYS)}
        />
        {viaWebhook && (
          <WebhookFields
            url={draft.url}
            onUrlChange={(url) => edit({ url })}
            urlError={urlError}
            secret={settings.flowWebhook?.secret ?? null}
          />
        )}
      </BlockStack>
    </Card>
  );
}
