import { Badge, BlockStack, Box, IndexTable, InlineStack, Text, useBreakpoints } from "@shopify/polaris";
import type { CustomerListResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatMoney, formatNumber, formatPercent, formatRange } from "../i18n/format.js";
import { pageRange } from "../pages/customer-filters.js";

interface Props {
  data: CustomerListResponse;
  currency: string;
  loading: boolean;
  onOpen(customerId: string): void;
  onPage(page: number): void;
}

const PURCHASE_TONE = { active: "success", at_risk: "warning", inactive: "critical", never: undefined } as const;

type Row = CustomerListResponse["customers"][number];

export function CustomerTable({ data, currency, loading, onOpen, onPage }: Props) {
  const { t, language } = useI18n();
  // Phones: one stacked item per customer instead of seven columns that scroll sideways.
  const condensed = useBreakpoints().smDown;
  const segment = (c: Row) =>
    c.purchase ? (
      <Badge
        tone={PURCHASE_TONE[c.purchase]}
      >{`${t(`lifecycle.${c.lifecycle}`)} · ${t(`purchase.${c.purchase}`)}`}</Badge>
    ) : (
      "—"
    );
  const dueWindow = (c: Row) => (c.dueWindow ? formatRange(language, c.dueWindow.early, c.dueWindow.late) : "—");
  const rfm = (c: Row) => (c.rfmGroup ? t(`rfmGroups.${c.rfmGroup}`) : "—");
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const { from, to } = pageRange(data.page, data.pageSize, data.total, data.customers.length);
  const count = (n: number) => formatNumber(language, n);
  return (
    <IndexTable
      resourceName={{ singular: t("customers.resourceName.singular"), plural: t("customers.resourceName.plural") }}
      itemCount={data.customers.length}
      selectable={false}
      condensed={condensed}
      loading={loading}
      emptyState={
        <div style={{ padding: 24 }}>
          <Text as="p" alignment="center" tone="subdued">
            {t("customers.empty")}
          </Text>
        </div>
      }
      headings={[
        { title: t("customers.columns.customer") },
        { title: t("customers.columns.segment") },
        { title: t("customers.columns.rfm") },
        { title: t("customers.columns.orders"), alignment: "end" },
        { title: t("customers.columns.spent"), alignment: "end" },
        { title: t("customers.columns.lastOrder") },
        { title: t("customers.columns.dueWindow") },
        { title: t("customers.columns.churnRisk"), alignment: "end" },
        { title: t("customers.columns.pAlive"), alignment: "end" },
        { title: t("customers.columns.clv"), alignment: "end" },
      ]}
      pagination={{
        hasPrevious: data.page > 1,
        hasNext: data.page < pages,
        onPrevious: () => onPage(data.page - 1),
        onNext: () => onPage(data.page + 1),
        // "1–50 of 3,088 customers": where this page sits in everything that matches.
        label: t("customers.pagination", { from: count(from), to: count(to), total: count(data.total) }),
      }}
    >
      {data.customers.map((c, index) => (
        <IndexTable.Row id={c.customerId} key={c.customerId} position={index} onClick={() => onOpen(c.customerId)}>
          {condensed ? (
            <Box padding="300" width="100%">
              <BlockStack gap="100">
                <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
                  <BlockStack>
                    <Text as="span" fontWeight="semibold">
                      {c.name}
                    </Text>
                    {c.email && (
                      <Text as="span" variant="bodySm" tone="subdued" breakWord>
                        {c.email}
                      </Text>
                    )}
                  </BlockStack>
                  <Text as="span" numeric>
                    {formatMoney(language, c.clv, currency)}
                  </Text>
                </InlineStack>
                <InlineStack gap="100" wrap>
                  {segment(c)}
                  {c.rfmGroup && <Badge>{rfm(c)}</Badge>}
                </InlineStack>
                <Text as="span" variant="bodySm" tone="subdued">
                  {`${t("customers.columns.orders")} ${c.orderCount} · ${t("customers.columns.spent")} ${formatMoney(language, c.spent, currency)} · ${t("customers.columns.lastOrder")} ${formatDate(language, c.lastOrderAt)}`}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {`${t("customers.columns.dueWindow")} ${dueWindow(c)} · ${t("customers.columns.churnRisk")} ${formatPercent(language, c.churnRisk)}`}
                </Text>
              </BlockStack>
            </Box>
          ) : (
            <>
              <IndexTable.Cell>
                <Text as="span" fontWeight="semibold">
                  {c.name}
                </Text>
                {c.email && (
                  <Text as="p" variant="bodySm" tone="subdued">
                    {c.email}
                  </Text>
                )}
              </IndexTable.Cell>
              <IndexTable.Cell>{segment(c)}</IndexTable.Cell>
              <IndexTable.Cell>{rfm(c)}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {c.orderCount}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {formatMoney(language, c.spent, currency)}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{formatDate(language, c.lastOrderAt)}</IndexTable.Cell>
              <IndexTable.Cell>{dueWindow(c)}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {formatPercent(language, c.churnRisk)}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {formatPercent(language, c.pAlive)}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {formatMoney(language, c.clv, currency)}
                </Text>
              </IndexTable.Cell>
            </>
          )}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
