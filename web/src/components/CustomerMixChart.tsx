import { BlockStack, Card, Text } from "@shopify/polaris";
import { BarChart } from "@shopify/polaris-viz";
import type { SegmentCell } from "../../../server/src/http/contracts.js";
import { useI18n } from "../i18n/i18n.js";
import { PURCHASE_ROWS } from "./segment-grid.js";

/** First-time vs repeat buyers in each purchase state, as grouped bars. */
export function CustomerMixChart({ cells }: { cells: SegmentCell[] }) {
  const { t } = useI18n();
  const lifecycles: SegmentCell["lifecycle"][] = ["first", "repeat"];
  const data = lifecycles.map((lifecycle) => ({
    name: t(`lifecycle.${lifecycle}`),
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
        <div style={{ height: 300 }}>
          <BarChart data={data} theme="Light" isAnimated={false} direction="horizontal" />
        </div>
      </BlockStack>
    </Card>
  );
}
