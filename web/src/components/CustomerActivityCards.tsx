import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { CustomerDetailResponse } from "../../../server/src/http/contracts.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatDateTime } from "../i18n/format.js";
import { campaignName, couponStatusLabel } from "../i18n/labels.js";

export function DueProductsCard({ products }: { products: CustomerDetailResponse["customer"]["dueProducts"] }) {
  const { t, language } = useI18n();
  if (products.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("customer.dueProducts")}
        </Text>
        {products.map((p) => (
          <Text as="p" key={p.productId}>
            {t("customer.dueProductAt", {
              title: p.title,
              date: formatDate(language, p.dueAt),
              days: Math.round(p.cycleDays),
            })}
          </Text>
        ))}
      </BlockStack>
    </Card>
  );
}

export function MessagesCard({ messages }: { messages: CustomerDetailResponse["messages"] }) {
  const { t, language } = useI18n();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("customer.messages")}
        </Text>
        {messages.length === 0 && (
          <Text as="p" tone="subdued">
            {t("customer.messagesEmpty")}
          </Text>
        )}
        {messages.map((m) => (
          <InlineStack key={`${m.at}-${m.campaign}-${m.kind}`} align="space-between">
            <Text as="span">{`${t(`customer.messageKinds.${m.kind}`)} · ${campaignName(t, m.campaign)}`}</Text>
            <Text as="span" tone="subdued" variant="bodySm">
              {formatDateTime(language, m.at)}
            </Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

const COUPON_TONE: Record<string, "success" | "info" | undefined> = { active: "success", used: "info" };

export function CouponsCard({ coupons }: { coupons: CustomerDetailResponse["coupons"] }) {
  const { t, language } = useI18n();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("customer.coupons")}
        </Text>
        {coupons.length === 0 && (
          <Text as="p" tone="subdued">
            {t("customer.couponsEmpty")}
          </Text>
        )}
        {coupons.map((c) => (
          <InlineStack key={c.code} align="space-between" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              {c.code}
            </Text>
            <InlineStack gap="200" blockAlign="center">
              {c.expiresAt && (
                <Text as="span" variant="bodySm" tone="subdued">
                  {t("customer.couponExpires", { date: formatDate(language, c.expiresAt) })}
                </Text>
              )}
              <Badge tone={COUPON_TONE[c.status]}>{couponStatusLabel(t, c.status)}</Badge>
            </InlineStack>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
