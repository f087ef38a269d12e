import { Badge, BlockStack, Box, Button, Card, Collapsible, InlineStack, Pagination, Text } from "@shopify/polaris";
import { useState } from "react";
import type { CustomerDetailResponse, OrderSummary } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatMoney, formatNumber } from "../i18n/format.js";
import { excludedReasonLabel } from "../i18n/labels.js";

/** One order: what, when and how much at a glance; its lines only when asked for. */
function TimelineOrder({ order: o }: { order: OrderSummary }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const linesId = `order-lines-${o.orderId}`;
  const units = o.lines.reduce((sum, l) => sum + l.quantity, 0);
  const count = (n: number, one: string, many: string) => t(n === 1 ? one : many, { count: formatNumber(language, n) });
  const contents = `${count(o.lines.length, "customer.productsOne", "customer.productsMany")} · ${count(units, "customer.unitsOne", "customer.unitsMany")}`;
  return (
    <div
      data-testid="timeline-order"
      style={{
        borderLeft: "2px solid var(--p-color-border)",
        paddingLeft: 16,
        paddingBottom: 12,
        position: "relative",
      }}
    >
      <span
        style={{
          position: "absolute",
          left: -6,
          top: 4,
          width: 10,
          height: 10,
          borderRadius: 5,
          background: o.excludedReason ? "var(--p-color-icon-secondary)" : "var(--p-color-bg-fill-brand)",
        }}
      />
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" fontWeight="semibold">
            {o.name ?? o.orderId}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {formatDate(language, o.processedAt)}
          </Text>
          {o.excludedReason && (
            <Badge>{t("customer.excluded", { reason: excludedReasonLabel(t, o.excludedReason) })}</Badge>
          )}
          {o.discountCodes.length > 0 && (
            <Badge tone="info">{t("customer.discount", { codes: o.discountCodes.join(", ") })}</Badge>
          )}
        </InlineStack>
        <Text as="span" numeric>
          {formatMoney(language, o.totalPrice - o.refundedTotal, o.currency)}
        </Text>
      </InlineStack>
      {o.lines.length > 0 && (
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" variant="bodySm" tone="subdued">
            {contents}
          </Text>
          <Button
            variant="plain"
            disclosure={open ? "up" : "down"}
            ariaExpanded={open}
            ariaControls={linesId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? "customer.hideItems" : "customer.showItems")}
          </Button>
        </InlineStack>
      )}
      <Collapsible id={linesId} open={open}>
        <Box paddingBlockStart="100">
          <BlockStack gap="050">
            {o.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never reorder, and two may share a title
              <InlineStack key={i} align="space-between" gap="200" wrap={false}>
                <Text as="span" variant="bodySm">{`${formatNumber(language, l.quantity)} × ${l.title}`}</Text>
                <Text as="span" variant="bodySm" tone="subdued" numeric>
                  {formatMoney(language, l.price * l.quantity, o.currency)}
                </Text>
              </InlineStack>
            ))}
          </BlockStack>
        </Box>
      </Collapsible>
    </div>
  );
}

/** Orders newest first, a page at a time, each collapsed to one line until opened. */
export function OrderTimeline({
  detail,
  loading,
  onPage,
}: {
  detail: CustomerDetailResponse;
  loading: boolean;
  onPage(page: number): void;
}) {
  const { t, language } = useI18n();
  const { orders, ordersPage } = detail;
  const from = (ordersPage.page - 1) * ordersPage.pageSize + 1;
  const to = from + orders.length - 1;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("customer.orders")}
        </Text>
        {ordersPage.total === 0 && (
          <Text as="p" tone="subdued">
            {t("customer.ordersEmpty")}
          </Text>
        )}
        <div style={{ opacity: loading ? 0.5 : 1 }} aria-busy={loading}>
          {orders.map((o) => (
            <TimelineOrder key={o.orderId} order={o} />
          ))}
        </div>
        {ordersPage.total > ordersPage.pageSize && (
          <InlineStack align="center">
            <Pagination
              hasPrevious={ordersPage.page > 1 && !loading}
              hasNext={to < ordersPage.total && !loading}
              onPrevious={() => onPage(ordersPage.page - 1)}
              onNext={() => onPage(ordersPage.page + 1)}
              label={t("customer.ordersRange", {
                from: formatNumber(language, from),
                to: formatNumber(language, to),
                total: formatNumber(language, ordersPage.total),
              })}
            />
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}
