import { Badge, BlockStack, Button, Card, InlineStack, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import type { DueCustomer } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber, formatPercent, formatRange } from "../i18n/format.js";

interface Props {
  customers: DueCustomer[];
  /** Everyone due this week: the customer list's total for the same query. */
  total: number;
  onOpen(customerId: string): void;
  onViewAll(): void;
}

/** Customers whose reorder window opens in the next seven days, with the model's one-line reason. */
export function DueThisWeekList({ customers, total, onOpen, onViewAll }: Props) {
  const { t, language } = useI18n();
  return (
    <Card padding="0">
      <BlockStack>
        <div style={{ padding: "16px 16px 8px" }}>
          <InlineStack align="space-between" blockAlign="center">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("dashboard.due.title")}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                {t("dashboard.due.help")}
              </Text>
            </BlockStack>
            {total > 0 && (
              <Button variant="plain" onClick={onViewAll}>
                {t("dashboard.due.viewAll", { count: formatNumber(language, total) })}
              </Button>
            )}
          </InlineStack>
        </div>
        <ResourceList
          resourceName={{ singular: t("customers.resourceName.singular"), plural: t("customers.resourceName.plural") }}
          items={customers}
          emptyState={
            <div style={{ padding: "16px" }}>
              <Text as="p" tone="subdued">
                {t("dashboard.due.empty")}
              </Text>
            </div>
          }
          renderItem={(c) => (
            <ResourceItem id={c.customerId} onClick={() => onOpen(c.customerId)} accessibilityLabel={c.name}>
              {/* Window and chance under the reason, across the card: beside it, in a third of 1440 px or on a
                  phone, a window with years wrapped to three or four lines ("Due Dec 2, 2026 – / Jan 3, / 2027"). */}
              <BlockStack gap="100">
                <Text as="h3" variant="bodyMd" fontWeight="semibold">
                  {c.name}
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {c.reason[language]}
                </Text>
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone="attention">
                    {t("dashboard.due.window", { range: formatRange(language, c.dueEarly, c.dueLate) })}
                  </Badge>
                  <span style={{ whiteSpace: "nowrap" }}>
                    <Text as="span" variant="bodySm" tone="subdued">
                      {t("customer.pAlive")} {formatPercent(language, c.pAlive)}
                    </Text>
                  </span>
                </InlineStack>
              </BlockStack>
            </ResourceItem>
          )}
        />
      </BlockStack>
    </Card>
  );
}
