import { useState } from "react";
import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { DeadLetterRetryResponse, SyncStatusResponse } from "../../../server/src/contracts/admin-api.js";
import { apiFetch } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { errorText } from "../i18n/error-text.js";
import { formatDateTime } from "../i18n/format.js";

/** Webhook deliveries that failed every try (the shop's own), each with a "retry"; hidden when there are none. */
export function DeadLetterCard({
  deadLetters,
  onChanged,
}: {
  deadLetters: SyncStatusResponse["deadLetters"];
  onChanged(): void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "critical"; text: string } | null>(null);
  if (deadLetters.total === 0 && !result) return null;

  const retry = async (webhookId: string) => {
    setBusy(webhookId);
    setResult(null);
    try {
      const { outcome } = await apiFetch<DeadLetterRetryResponse>(
        `/api/sync/dead-letters/${encodeURIComponent(webhookId)}/retry`,
        { method: "POST" },
      );
      setResult({
        tone: outcome === "processed" || outcome === "ignored" || outcome === "duplicate" ? "success" : "critical",
        text: t(`settings.deadLetters.outcome.${outcome}`),
      });
    } catch (err) {
      setResult({
        tone: "critical",
        text: errorText(t, err),
      });
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("settings.deadLetters.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("settings.deadLetters.help", { max: deadLetters.maxAttempts })}
        </Text>
        {result && (
          <Banner tone={result.tone} onDismiss={() => setResult(null)}>
            {result.text}
          </Banner>
        )}
        {deadLetters.items.map((d) => (
          <InlineStack key={d.webhookId} align="space-between" blockAlign="center" gap="200" wrap={false}>
            <BlockStack gap="050">
              <Text as="span" fontWeight="semibold">
                {d.topic}
              </Text>
              <Text as="span" variant="bodySm" tone="subdued">
                {t("settings.deadLetters.received", {
                  when: formatDateTime(language, d.receivedAt),
                  attempts: d.attempts,
                })}
              </Text>
              {d.error && (
                <Text as="span" variant="bodySm" tone="critical" breakWord>
                  {d.error}
                </Text>
              )}
            </BlockStack>
            <Button
              onClick={() => void retry(d.webhookId)}
              loading={busy === d.webhookId}
              disabled={busy !== null && busy !== d.webhookId}
              accessibilityLabel={`${t("settings.deadLetters.retry")} ${d.topic}`}
            >
              {t("settings.deadLetters.retry")}
            </Button>
          </InlineStack>
        ))}
        {deadLetters.total > deadLetters.items.length && (
          <Text as="p" variant="bodySm" tone="subdued">
            {t("settings.deadLetters.more", { shown: deadLetters.items.length, total: deadLetters.total })}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
