import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { SimpleBarChart } from "@shopify/polaris-viz";
import type { CampaignResultsResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber, formatPercent } from "../i18n/format.js";
import { ChartWithTable } from "./ChartWithTable.js";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="span" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}

/** Funnel counts and conversion rate of the shown group against the holdout, with the lift's 95 % interval. */
export function CampaignResultsCard({ results }: { results: CampaignResultsResponse }) {
  const { t, language } = useI18n();
  const { lift } = results;
  const pp = (x: number) => `${x >= 0 ? "+" : ""}${formatPercent(language, x, 1)}`;
  // Conversions include the holdout and orders after assignment, impressions only banners shown: say so when they clash.
  const explainConversions = results.conversions > results.impressions;
  const rateSeries =
    lift.treatmentRate !== null && lift.holdoutRate !== null
      ? [
          {
            name: t("campaigns.results.rate"),
            data: [
              { key: t("campaigns.results.treatedRate"), value: lift.treatmentRate },
              { key: t("campaigns.results.holdoutRate"), value: lift.holdoutRate },
            ],
          },
        ]
      : null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("campaigns.results.title")}
        </Text>
        <InlineGrid columns={3} gap="300">
          <Stat label={t("campaigns.results.impressions")} value={formatNumber(language, results.impressions)} />
          <Stat label={t("campaigns.results.clicks")} value={formatNumber(language, results.clicks)} />
          <Stat label={t("campaigns.results.conversions")} value={formatNumber(language, results.conversions)} />
        </InlineGrid>
        {explainConversions && (
          <Text as="p" variant="bodySm" tone="subdued">
            {t("campaigns.results.conversionsExplained", {
              holdout: formatNumber(language, results.holdout.conversions),
              days: results.attributionDays,
            })}
          </Text>
        )}
        {rateSeries && (
          <ChartWithTable
            caption={t("campaigns.results.rate")}
            series={rateSeries}
            format={(x) => formatPercent(language, x, 1)}
          >
            <div style={{ height: 200 }}>
              <SimpleBarChart
                theme="Light"
                isAnimated={false}
                showLegend={false}
                // Each bar labelled with its rate, no number axis: in a third of the page its eleven 0–100 %
                // ticks turned vertical and a 0 % bar was a hairline with nothing to read.
                xAxisOptions={{ labelFormatter: (x) => formatPercent(language, Number(x), 1) }}
                data={rateSeries}
              />
            </div>
          </ChartWithTable>
        )}
        <BlockStack gap="100">
          <Text as="span" variant="bodySm" tone="subdued">
            {t("campaigns.results.lift")}
          </Text>
          <Text
            as="p"
            variant="headingSm"
            tone={lift.significant ? (lift.absoluteLift! > 0 ? "success" : "critical") : undefined}
          >
            {lift.absoluteLift !== null && lift.confidenceInterval
              ? t("campaigns.results.liftValue", {
                  lift: pp(lift.absoluteLift),
                  low: pp(lift.confidenceInterval.low),
                  high: pp(lift.confidenceInterval.high),
                })
              : t("campaigns.results.liftUnknown")}
          </Text>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
