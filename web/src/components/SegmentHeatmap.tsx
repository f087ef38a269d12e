import { useState } from "react";
import { BlockStack, Button, ButtonGroup, Card, InlineStack, Text } from "@shopify/polaris";
import type { SegmentCell } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatDate, formatNumber } from "../i18n/format.js";
import { heatColors } from "./heat.js";
import { buildGrid, PURCHASE_ROWS, type LifecycleFilter } from "./segment-grid.js";

interface Props {
  cells: SegmentCell[];
  comparedTo: string | null;
  onSelect(filter: { purchase: string; visit: string; lifecycle: LifecycleFilter }): void;
}

const cellStyle = {
  padding: "12px",
  borderRadius: "8px",
  border: 0,
  width: "100%",
  minHeight: "64px",
  cursor: "pointer",
  textAlign: "left" as const,
};

/** The visit × purchase grid: darker cells hold more customers; the small line is the change since last week. */
export function SegmentHeatmap({ cells, comparedTo, onSelect }: Props) {
  const { t, language } = useI18n();
  const [lifecycle, setLifecycle] = useState<LifecycleFilter>("all");
  const grid = buildGrid(cells, lifecycle);
  const filters: LifecycleFilter[] = ["all", "first", "repeat", "none"];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            {t("dashboard.grid.title")}
          </Text>
          <ButtonGroup variant="segmented">
            {filters.map((f) => (
              <Button key={f} pressed={lifecycle === f} onClick={() => setLifecycle(f)} size="slim">
                {f === "all" ? t("common.all") : t(`lifecycle.${f}`)}
              </Button>
            ))}
          </ButtonGroup>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {comparedTo
            ? t("dashboard.grid.help", { date: formatDate(language, comparedTo) })
            : t("dashboard.grid.helpNoSnapshot")}
        </Text>
        <table style={{ width: "100%", borderSpacing: "6px" }} data-testid="segment-grid">
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left" }}>
                <Text as="span" variant="bodySm" tone="subdued">
                  {t("dashboard.grid.purchases")} ↓ · {t("dashboard.grid.visits")} →
                </Text>
              </th>
              {grid.columns.map((v) => (
                <th key={v} scope="col" style={{ textAlign: "left" }}>
                  <Text as="span" variant="bodySm" fontWeight="semibold">
                    {t(`visit.${v}`)}
                  </Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PURCHASE_ROWS.map((p) => (
              <tr key={p}>
                <th scope="row" style={{ textAlign: "left", whiteSpace: "nowrap" }}>
                  <Text as="span" variant="bodySm" fontWeight="semibold">
                    {t(`purchase.${p}`)}
                  </Text>
                </th>
                {grid.columns.map((v) => {
                  const cell = grid.at(p, v);
                  const delta = cell.previous === null ? null : cell.count - cell.previous;
                  const count = formatNumber(language, cell.count);
                  const movement =
                    delta === null
                      ? null
                      : t("dashboard.grid.sinceLastWeek", {
                          delta: `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(language, Math.abs(delta))}`,
                        });
                  const title = t("dashboard.grid.cellLabel", {
                    purchase: t(`purchase.${p}`),
                    visit: t(`visit.${v}`),
                    count,
                  });
                  // The spoken name starts with the cell's place and then reads its visible text word for word
                  // (WCAG 2.5.3 Label in Name: a voice user says what they see).
                  const label = `${t(`purchase.${p}`)} · ${t(`visit.${v}`)}: ${count}${movement ? ` ${movement}` : ""}`;
                  return (
                    <td key={v}>
                      <button
                        type="button"
                        aria-label={label}
                        title={title}
                        style={{ ...cellStyle, ...heatColors(cell.count / grid.max) }}
                        onClick={() => onSelect({ purchase: p, visit: v, lifecycle })}
                      >
                        <div style={{ fontSize: "18px", fontWeight: 650 }}>{count}</div>
                        {movement && <div style={{ fontSize: "12px" }}>{movement}</div>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </BlockStack>
    </Card>
  );
}
