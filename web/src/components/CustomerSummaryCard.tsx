import { Badge, BlockStack, Box, Card, Divider, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { CustomerDetailResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatDays, formatMoney, formatNumber, formatPercent, formatRange } from "../i18n/format.js";
import { rfmGroupLabel } from "../i18n/labels.js";

function Row({ label, value }: { label: string; value: string }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span" alignment="end">
        {value}
      </Text>
    </InlineStack>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      {children}
    </BlockStack>
  );
}

const PURCHASE_TONE: Record<string, "success" | "warning" | "critical" | undefined> = {
  active: "success",
  at_risk: "warning",
  inactive: "critical",
};

const headline = (text: string) => (
  <Text as="p" variant="headingMd" numeric>
    {text}
  </Text>
);
const note = (text: string) => (
  <Text as="p" variant="bodySm" tone="subdued">
    {text}
  </Text>
);

/**
 * The next order within the horizon, stated as the model's one story (issue 12): a window only when an order is
 * more likely than not, else "not expected", with the chance that decided it (the same figure the prediction card
 * shows), so the statement and the figures cannot disagree.
 */
function NextOrder({ detail }: { detail: CustomerDetailResponse }) {
  const { t, language } = useI18n();
  const { nextOrder, orderChance90d } = detail.customer;
  if (!nextOrder) return null;
  const days = nextOrder.horizonDays;
  const chance =
    orderChance90d === null
      ? null
      : t("customer.nextOrderChance", { chance: formatPercent(language, orderChance90d), days });
  const w = nextOrder.window;
  if (!w)
    return (
      <Figure label={t("customer.nextOrder")}>
        <div data-testid="next-order">
          {headline(t("customer.nextOrderNotExpected", { days }))}
          {chance && note(chance)}
        </div>
      </Figure>
    );
  const [from, to, likely] = formatDays(language, [w.early, w.late, w.likely]);
  return (
    <Figure label={t("customer.nextOrder")}>
      <div data-testid="next-order">
        {headline(t("customer.nextOrderBetween", { from, to }))}
        {note([t("customer.dueLikely", { date: likely }), chance].filter(Boolean).join(" · "))}
      </div>
    </Figure>
  );
}

/** Predictions stored before the next-order outlook: the due window by the customer's own rhythm, as before. */
function DueWindow({ detail }: { detail: CustomerDetailResponse }) {
  const { t, language } = useI18n();
  const w = detail.customer.dueWindow;
  return (
    <Figure label={t("customer.dueWindow")}>
      {headline(w ? formatRange(language, w.early, w.late) : "—")}
      {w && note(t("customer.dueLikely", { date: formatDate(language, w.likely) }))}
    </Figure>
  );
}

/** What a merchant asks first about a customer: what they spent, how often, since when, where they stand and when they are due. */
export function CustomerSummaryCard({ detail }: { detail: CustomerDetailResponse }) {
  const { t, language } = useI18n();
  const { customer: c, totals, currency } = detail;
  const value = headline;
  return (
    <Card>
      <div data-testid="customer-summary">
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("customer.summary")}
          </Text>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
            <Figure label={t("customer.totalSpent")}>{value(formatMoney(language, totals.spent, currency))}</Figure>
            <Figure label={t("customer.orderCount")}>{value(formatNumber(language, totals.orders))}</Figure>
            <Figure label={t("customer.averageOrder")}>
              {value(formatMoney(language, totals.averageOrder, currency))}
            </Figure>
            <Figure label={t("customer.segment")}>
              <Box>
                {c.purchase ? (
                  <Badge
                    tone={PURCHASE_TONE[c.purchase]}
                  >{`${t(`lifecycle.${c.lifecycle}`)} · ${t(`purchase.${c.purchase}`)}`}</Badge>
                ) : (
                  value("—")
                )}
              </Box>
            </Figure>
            <Figure label={t("customer.firstOrder")}>{value(formatDate(language, totals.firstOrderAt))}</Figure>
            <Figure label={t("customer.lastOrder")}>{value(formatDate(language, totals.lastOrderAt))}</Figure>
            {/* Two cells wide: a window with its years ("Dec 28, 2026 – Jan 9, 2027") stays on one line on a phone. */}
            <div style={{ gridColumn: "span 2" }}>
              {c.nextOrder ? <NextOrder detail={detail} /> : <DueWindow detail={detail} />}
            </div>
          </InlineGrid>
        </BlockStack>
      </div>
    </Card>
  );
}

/** The model's view of one customer: cycle, why the window is where it is, and the value numbers. */
export function CustomerPredictionCard({ detail }: { detail: CustomerDetailResponse }) {
  const { t, language } = useI18n();
  const c = detail.customer;
  const cycle =
    c.cycleDays === null
      ? t("customer.cycleUnknown")
      : t("customer.cycleValue", { days: Math.round(c.cycleDays), spread: Math.round(c.cycleSpreadDays ?? 0) });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("customer.prediction")}
        </Text>
        <Row label={t("customer.cycle")} value={cycle} />
        {c.reason && (
          <BlockStack gap="100">
            <Text as="span" tone="subdued">
              {t("customer.reason")}
            </Text>
            <Text as="p" data-testid="due-reason">
              {c.reason[language]}
            </Text>
          </BlockStack>
        )}
        <Divider />
        <Row label={t("customer.pAlive")} value={formatPercent(language, c.pAlive)} />
        <Row label={t("customer.churnRisk")} value={formatPercent(language, c.churnRisk)} />
        <Row label={t("customer.clv")} value={formatMoney(language, c.clv, detail.currency)} />
        <Row
          label={t("customer.orderChance90")}
          value={c.orderChance90d === null ? "—" : formatPercent(language, c.orderChance90d)}
        />
        <Row
          label={t("customer.expected90")}
          value={c.expectedOrders90d === null ? "—" : formatNumber(language, c.expectedOrders90d, 2)}
        />
        <Row label={t("customer.rfm")} value={rfmGroupLabel(t, c.rfmGroup)} />
      </BlockStack>
    </Card>
  );
}
