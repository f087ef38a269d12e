import { BlockStack, Card, Text } from "@shopify/polaris";
import type { CohortRow } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber, formatPercent } from "../i18n/format.js";
import { heatColors } from "./heat.js";

// Compact cells so a year of months fits the dashboard's two-thirds column at 1440 px; narrower, the table scrolls
// inside its card with the cohort column held in place.
const cell = {
  padding: "6px 4px",
  textAlign: "right" as const,
  fontSize: "12px",
  borderRadius: "4px",
  minWidth: "36px",
};
const stickyColumn = {
  position: "sticky" as const,
  left: 0,
  zIndex: 1,
  textAlign: "left" as const,
  whiteSpace: "nowrap" as const,
  paddingRight: "4px",
  background: "var(--p-color-bg-surface)",
};
// The current month is still counting: no heat colour (a low share would read as a collapse), a dashed outline.
const partialCell = {
  ...cell,
  background: "transparent",
  color: "rgb(97,97,97)",
  fontStyle: "italic" as const,
  outline: "1px dashed rgb(138,138,138)",
  outlineOffset: "-1px",
};

/**
 * Classic cohort triangle: each row a first-order month, each column months since, shaded by share returning.
 * Each row's last cell is the month still in progress, drawn apart and left out of the shading scale.
 */
export function CohortHeatmap({ cohorts }: { cohorts: CohortRow[] }) {
  const { t, language } = useI18n();
  const months = Math.max(0, ...cohorts.map((c) => c.retention.length));
  // Month offsets after the first order (0 = month 1): each column's identity, so also its key.
  const monthOffsets = Array.from({ length: months }, (_, k) => k);
  // Shade against the best observed cell so month-1 differences stay visible even when shares are small.
  const max = Math.max(0.01, ...cohorts.flatMap((c) => c.retention.filter((_, k) => k + 1 !== c.partialMonth)));
  const anyPartial = cohorts.some((c) => c.partialMonth !== null);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("dashboard.cohorts.title")}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("dashboard.cohorts.help")}
        </Text>
        {cohorts.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("dashboard.cohorts.empty")}
          </Text>
        ) : (
          <div style={{ overflowX: "auto", maxWidth: "100%" }} data-testid="cohort-scroll">
            <table style={{ borderSpacing: "3px" }} data-testid="cohort-grid">
              <thead>
                <tr>
                  <th style={stickyColumn}>
                    <Text as="span" variant="bodySm" tone="subdued">
                      {t("dashboard.cohorts.cohort")}
                    </Text>
                  </th>
                  <th style={{ textAlign: "right" }}>
                    <Text as="span" variant="bodySm" tone="subdued">
                      {t("dashboard.cohorts.size")}
                    </Text>
                  </th>
                  {monthOffsets.map((k) => (
                    <th key={k} style={{ textAlign: "right" }}>
                      <Text as="span" variant="bodySm" tone="subdued">
                        {t("dashboard.cohorts.month", { n: k + 1 })}
                      </Text>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cohorts.map((c) => (
                  <tr key={c.cohort}>
                    <th scope="row" style={stickyColumn}>
                      <Text as="span" variant="bodySm">
                        {c.cohort}
                      </Text>
                    </th>
                    <td style={cell}>{formatNumber(language, c.size)}</td>
                    {monthOffsets.map((k) =>
                      k + 1 === c.partialMonth ? (
                        <td
                          key={k}
                          data-partial=""
                          style={partialCell}
                          aria-label={t("dashboard.cohorts.partialCell", {
                            share: formatPercent(language, c.retention[k]),
                          })}
                          title={t("dashboard.cohorts.partialCell", { share: formatPercent(language, c.retention[k]) })}
                        >
                          {formatPercent(language, c.retention[k])}
                        </td>
                      ) : k < c.retention.length ? (
                        <td key={k} style={{ ...cell, ...heatColors(c.retention[k] / max) }}>
                          {formatPercent(language, c.retention[k])}
                        </td>
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
        {anyPartial && (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("dashboard.cohorts.partialLegend")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
