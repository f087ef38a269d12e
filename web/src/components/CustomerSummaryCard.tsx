import { BlockStack, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import type { CustomerDetailResponse } from "../../../server/src/http/contracts";
import { useI18n } from "../i18n/i18n";
import { formatDate, formatMoney, formatNumber, formatPercent, formatRange } from "../i18n/format";

function Row({ label, value }: { label: string; value: string }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span" tone="subdued">{label}</Text>
      <Text as="span" alignment="end">{value}</Text>
    </InlineStack>
  );
}

/** The model's view of one customer: cycle, due window and why, and the value numbers. */
export function CustomerSummaryCard({ detail }: { detail: CustomerDetailResponse }) {
  const { t, language } = useI18n();
  const c = detail.customer;
  const cycle = c.cycleDays === null ? t("customer.cycleUnknown") : t("customer.cycleValue", { days: Math.round(c.cycleDays), spread: Math.round(c.cycleSpreadDays ?? 0) });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("customer.summary")}</Text>
        <Row label={t("customer.cycle")} value={cycle} />
        <BlockStack gap="100">
          <Row label={t("customer.dueWindow")} value={c.dueWindow ? formatRange(language, c.dueWindow.early, c.dueWindow.late) : "—"} />
          {c.dueWindow && <Text as="p" variant="bodySm" tone="subdued" alignment="end">{t("customer.dueLikely", { date: formatDate(language, c.dueWindow.likely) })}</Text>}
        </BlockStack>
        {c.reason && (
          <BlockStack gap="100">
            <Text as="span" tone="subdued">{t("customer.reason")}</Text>
            <Text as="p" data-testid="due-reason">{c.reason[language]}</Text>
          </BlockStack>
        )}
        <Divider />
        <Row label={t("customer.pAlive")} value={formatPercent(language, c.pAlive)} />
        <Row label={t("customer.churnRisk")} value={formatPercent(language, c.churnRisk)} />
        <Row label={t("customer.clv")} value={formatMoney(language, c.clv, detail.currency)} />
        <Row label={t("customer.orderChance90")} value={c.orderChance90d === null ? "—" : formatPercent(language, c.orderChance90d)} />
        <Row label={t("customer.expected90")} value={c.expectedOrders90d === null ? "—" : formatNumber(language, c.expectedOrders90d, 2)} />
        <Row label={t("customer.aov")} value={formatMoney(language, c.averageOrderValue, detail.currency)} />
        <Row label={t("customer.rfm")} value={c.rfmGroup ?? "—"} />
      </BlockStack>
    </Card>
  );
}
