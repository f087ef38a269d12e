import { BlockStack, Card, Text } from "@shopify/polaris";
import { SimpleBarChart } from "@shopify/polaris-viz";
import type { SegmentCell } from "../../../server/src/contracts/admin-api.js";
import { formatNumber } from "../i18n/format.js";
import { useI18n } from "../i18n/i18n.js";
import { ChartWithTable } from "./ChartWithTable.js";
import { PURCHASE_ROWS } from "./segment-grid.js";

// polaris-viz's first two series colours, named so the legend drawn beside the chart matches its bars.
const COLORS = { first: "#13ACF0", repeat: "#6A42E9" } as const;

/** First-time vs repeat buyers in each purchase state, as grouped bars. */
export function CustomerMixChart({ cells }: { cells: SegmentCell[] }) {
  const { t, language } = useI18n();
  const lifecycles = ["first", "repeat"] as const;
  const data = lifecycles.map((lifecycle) => ({
    name: t(`lifecycle.${lifecycle}`),
    color: COLORS[lifecycle],
    data: PURCHASE_ROWS.filter((p) => p !== "never").map((purchase) => ({
      key: t(`purchase.${purchase}`),
      value: cells.filter((c) => c.lifecycle === lifecycle && c.purchase === purchase).reduce((s, c) => s + c.count, 0),
    })),
  }));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("dashboard.mix.title")}
        </Text>
        {/* Horizontal bars put each state's name above its bars, across the card: polaris-viz truncated a Korean name
            under a narrow vertical bar ("주…" at 1,040–1,200 px) because it estimates every Hangul glyph as a "W". */}
        <ChartWithTable
          caption={t("dashboard.mix.title")}
          series={data}
          format={(n) => formatNumber(language, n)}
          legend
        >
          <div style={{ height: 270 }}>
            {/* Each bar labelled with its count instead of a number axis, whose labels turned vertical at 1,120 px. */}
            <SimpleBarChart
              data={data}
              theme="Light"
              isAnimated={false}
              showLegend={false}
              xAxisOptions={{ labelFormatter: (n) => formatNumber(language, Number(n)) }}
            />
          </div>
        </ChartWithTable>
      </BlockStack>
    </Card>
  );
}
