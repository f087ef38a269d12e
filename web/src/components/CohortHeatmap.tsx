import { BlockStack, Card, Text } from "@shopify/polaris";
import type { CohortRow } from "../../../server/src/http/contracts";
import { useI18n } from "../i18n/i18n";
import { formatNumber, formatPercent } from "../i18n/format";
import { heatColors } from "./heat";

const cell = { padding: "6px 8px", textAlign: "right" as const, fontSize: "12px", borderRadius: "4px", minWidth: "44px" };

/** Classic cohort triangle: each row a first-order month, each column months since, shaded by share returning. */
export function CohortHeatmap({ cohorts }: { cohorts: CohortRow[] }) {
  const { t, language } = useI18n();
  const months = Math.max(0, ...cohorts.map((c) => c.retention.length));
  // Shade against the best observed cell so month-1 differences stay visible even when shares are small.
  const max = Math.max(0.01, ...cohorts.flatMap((c) => c.retention));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("dashboard.cohorts.title")}</Text>
        <Text as="p" tone="subdued" variant="bodySm">{t("dashboard.cohorts.help")}</Text>
        {cohorts.length === 0 ? (
          <Text as="p" tone="subdued">{t("dashboard.cohorts.empty")}</Text>
        ) : (
          <div style={{ overflowX: "auto" }}>
            <table style={{ borderSpacing: "3px" }} data-testid="cohort-grid">
              <thead>
                <tr>
                  <th style={{ textAlign: "left" }}><Text as="span" variant="bodySm" tone="subdued">{t("dashboard.cohorts.cohort")}</Text></th>
                  <th style={{ textAlign: "right" }}><Text as="span" variant="bodySm" tone="subdued">{t("dashboard.cohorts.size")}</Text></th>
                  {Array.from({ length: months }, (_, k) => (
                    <th key={k} style={{ textAlign: "right" }}><Text as="span" variant="bodySm" tone="subdued">{t("dashboard.cohorts.month", { n: k + 1 })}</Text></th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.cohort}>
                    <th scope="row" style={{ textAlign: "left", whiteSpace: "nowrap" }}><Text as="span" variant="bodySm">{c.cohort}</Text></th>
                    <td style={cell}>{formatNumber(language, c.size)}</td>
                    {Array.from({ length: months }, (_, k) =>
                      k < c.retention.length ? (
                        <td key={k} style={{ ...cell, ...heatColors(c.retention[k] / max) }}>{formatPercent(language, c.retention[k])}</td>
                      ) : (
                        <td key={k} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </BlockStack>
    </Card>
  );
}
