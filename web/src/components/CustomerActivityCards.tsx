import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { CustomerDetailResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatDateTime, formatPercent } from "../i18n/format.js";
import { campaignName, couponStatusLabel } from "../i18n/labels.js";

type CustomerDetail = CustomerDetailResponse["customer"];

/**
 * A due date inside the horizon of a customer not expected to order within it reads "by their usual cycle … but an
 * order within 90 days is unlikely (23%)", so the card never contradicts the summary's "Not expected within 90 days".
 */
function dueProductKey(p: CustomerDetail["dueProducts"][number]): string {
  if (p.byUsualCycle) return p.overdue ? "customer.dueProductByCycleOverdue" : "customer.dueProductByCycle";
  return p.overdue ? "customer.dueProductOverdue" : "customer.dueProductAt";
}

export function DueProductsCard({
  products,
  withoutCycle = [],
}: {
  products: CustomerDetail["dueProducts"];
  withoutCycle?: CustomerDetail["productsWithoutCycle"];
}) {
  const { t, language } = useI18n();
  if (products.length === 0 && withoutCycle.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("customer.dueProducts")}
        </Text>
        {products.map((p) => (
          <InlineStack key={p.productId} gap="200" blockAlign="center">
            <Text as="p">
              {t(dueProductKey(p), {
                title: p.title,
                date: formatDate(language, p.dueAt),
                days: Math.round(p.cycleDays),
                horizon: p.byUsualCycle?.horizonDays ?? 0,
                chance: formatPercent(language, p.byUsualCycle?.chance ?? null),
              })}
            </Text>
            {p.overdue && <Badge tone="warning">{t("customer.overdue")}</Badge>}
          </InlineStack>
        ))}
        {withoutCycle.map((p) => (
          <Text as="p" tone="subdued" key={p.productId}>
            {t("customer.noCycle", { title: p.title, reason: t(`customer.noCycleReasons.${p.reason}`) })}
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
