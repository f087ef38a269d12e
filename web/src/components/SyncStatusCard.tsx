import { Badge, BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { SyncStatusResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDateTime, formatNumber } from "../i18n/format.js";

const TONE = {
  idle: undefined,
  backfilling: "attention",
  syncing: "info",
  done: "success",
  failed: "critical",
} as const;

/**
 * Backfill progress while it runs, then the first recompute's (the dashboard fills when it ends), then the freshness
 * of the data (last webhook, last sync).
 */
export function SyncStatusCard({ status }: { status: SyncStatusResponse }) {
  const { t, language } = useI18n();
  const p = status.progress;
  // Floored, as the status API's percent: "100%" only once every order is in.
  const percent = p?.total ? Math.min(100, Math.floor((p.done / p.total) * 100)) : null;
  const predictionFailed = status.predicting?.failed;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("settings.sync")}
          </Text>
          <Badge tone={predictionFailed ? "critical" : status.predicting ? "info" : TONE[status.state]}>
            {t(
              predictionFailed
                ? "settings.state.predictionFailed"
                : status.predicting
                  ? "settings.state.predicting"
                  : `settings.state.${status.state}`,
            )}
          </Badge>
        </InlineStack>
        {p && (
          <BlockStack gap="100">
            <ProgressBar progress={percent ?? 5} tone="primary" animated={status.state === "backfilling"} />
            <Text as="p" variant="bodySm" tone="subdued">
              {p.total
                ? t("settings.progress", {
                    done: formatNumber(language, p.done),
                    total: formatNumber(language, p.total),
                    percent: formatNumber(language, percent ?? 0),
                  })
                : t("settings.progressUnknown", { done: formatNumber(language, p.done) })}
            </Text>
          </BlockStack>
        )}
        {status.predicting && (
          <div data-testid="predicting">
            <BlockStack gap="100">
              <ProgressBar
                progress={predictedPercent(status.predicting)}
                tone={predictionFailed ? "critical" : "primary"}
                animated={!predictionFailed}
              />
              <Text as="p" variant="bodySm" tone="subdued">
                {t("settings.predicting", {
                  done: formatNumber(language, status.predicting.done),
                  total: formatNumber(language, status.predicting.total),
                  percent: formatNumber(language, predictedPercent(status.predicting)),
                })}
              </Text>
              {predictionFailed && (
                <div data-testid="prediction-failed">
                  <Text as="p" tone="critical">
                    {t("settings.predictionFailed", { reason: predictionFailed })}
                  </Text>
                </div>
              )}
            </BlockStack>
          </div>
        )}
        {status.error && (
          <Text as="p" tone="critical">
            {status.error}
          </Text>
        )}
        <InlineStack align="space-between">
          <Text as="span" tone="subdued">
            {t("settings.lastWebhook")}
          </Text>
          <Text as="span" data-testid="last-webhook">
            {status.lastWebhookAt ? formatDateTime(language, status.lastWebhookAt) : t("settings.never")}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span" tone="subdued">
            {t("settings.lastSync")}
          </Text>
          <Text as="span">
            {status.lastSyncedAt ? formatDateTime(language, status.lastSyncedAt) : t("settings.never")}
          </Text>
        </InlineStack>
        {status.unpublishedCustomers > 0 && (
          <div data-testid="unpublished-customers">
            <Text as="p" tone="caution">
              {t("settings.unpublished", { count: formatNumber(language, status.unpublishedCustomers) })}
            </Text>
          </div>
        )}
        <Text as="p" variant="bodySm" tone="subdued">
          {t("settings.counts", {
            orders: formatNumber(language, status.orders),
            customers: formatNumber(language, status.customers),
          })}
        </Text>
      </BlockStack>
    </Card>
  );
}

/** Whole percent of the customers predicted (a recompute that outgrew its count still reads at most 100). */
const predictedPercent = ({ done, total }: { done: number; total: number }) =>
  total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
