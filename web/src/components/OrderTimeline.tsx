import { Badge, BlockStack, Box, Card, InlineStack, Text } from "@shopify/polaris";
import type { OrderSummary } from "../../../server/src/http/contracts";
import { useI18n } from "../i18n/i18n";
import { formatDate, formatMoney } from "../i18n/format";

/** Orders newest first, with what each contained and why the model ignores it if it does. */
export function OrderTimeline({ orders }: { orders: OrderSummary[] }) {
  const { t, language } = useI18n();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("customer.orders")}</Text>
        {orders.length === 0 && <Text as="p" tone="subdued">{t("customer.ordersEmpty")}</Text>}
        <BlockStack gap="0">
          {orders.map((o) => (
            <div key={o.orderId} style={{ borderLeft: "2px solid var(--p-color-border)", paddingLeft: 16, paddingBottom: 16, position: "relative" }}>
              <span style={{ position: "absolute", left: -6, top: 4, width: 10, height: 10, borderRadius: 5, background: o.excludedReason ? "var(--p-color-icon-secondary)" : "var(--p-color-bg-fill-brand)" }} />
              <InlineStack align="space-between" blockAlign="center">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">{o.name ?? o.orderId}</Text>
                  <Text as="span" tone="subdued" variant="bodySm">{formatDate(language, o.processedAt)}</Text>
                  {o.excludedReason && <Badge>{t("customer.excluded", { reason: o.excludedReason })}</Badge>}
                  {o.discountCodes.length > 0 && <Badge tone="info">{t("customer.discount", { codes: o.discountCodes.join(", ") })}</Badge>}
                </InlineStack>
                <Text as="span" numeric>{formatMoney(language, o.totalPrice - o.refundedTotal, o.currency)}</Text>
              </InlineStack>
              <Box paddingBlockStart="100">
                <Text as="p" variant="bodySm" tone="subdued">{o.lines.map((l) => `${l.quantity} × ${l.title}`).join(" · ")}</Text>
              </Box>
            </div>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
