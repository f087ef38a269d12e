import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type {
  ArmComparison,
  ExperimentResults,
  MetricDifference,
} from "../../../server/src/contracts/experiments-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatNumber, formatPercent } from "../i18n/format.js";
import { ArmTable } from "./ArmTable.js";

export interface ExperimentResultsCardProps {
  experiment: ExperimentResults;
  /** "Make this the winner" (null reopens the test); absent = read-only. */
  onChooseWinner?: (variant: string | null) => void;
  busy?: boolean;
}

/** Per-arm figures and every comparison with its always-valid 95 % interval, or why there is too little data. */
export function ExperimentResultsCard({ experiment, onChooseWinner, busy }: ExperimentResultsCardProps) {
  const { t, language } = useI18n();
  const armName = (arm: string) =>
    arm === "holdout" ? t("experiments.holdout") : t("experiments.variant", { id: arm.toUpperCase() });
  const signed = (x: number, f: (v: number) => string) => `${x >= 0 ? "+" : "−"}${f(Math.abs(x))}`;
  const pp = (x: number) => signed(x, (v) => formatPercent(language, v, 1));
  const money = (x: number) => formatMoney(language, x, experiment.currency);
  const won = (x: number) => signed(x, money);
  const interval = (m: MetricDifference, f: (x: number) => string) =>
    t("experiments.interval", { estimate: f(m.estimate), low: f(m.low), high: f(m.high) });
  const rows = experiment.arms.map((a) => [
    armName(a.arm),
    formatNumber(language, a.assigned),
    formatNumber(language, a.impressions),
    formatNumber(language, a.clicks),
    formatNumber(language, a.orders),
    money(a.revenue),
    a.assigned ? formatPercent(language, a.converters / a.assigned, 1) : "—",
  ]);
  const variants = experiment.arms.filter((a) => a.arm !== "holdout").map((a) => a.arm);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            {t("experiments.title")}
          </Text>
          {experiment.winner && (
            <Badge tone="success">{t("experiments.winnerChosen", { name: armName(experiment.winner) })}</Badge>
          )}
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {t("experiments.attribution", { days: experiment.attributionDays })}
        </Text>
        <ArmTable
          headings={[
            t("experiments.arm"),
            t("experiments.assigned"),
            t("experiments.impressions"),
            t("experiments.clicks"),
            t("experiments.orders"),
            t("experiments.revenue"),
            t("experiments.rate"),
          ]}
          rows={rows}
        />
        {experiment.analysis.comparisons.map((c) => (
          <Comparison key={`${c.treatment}-${c.control}`} c={c} name={armName} pp={pp} won={won} interval={interval} />
        ))}
        {experiment.analysis.winner && !experiment.winner && (
          <Text as="p" tone="success">
            {t("experiments.proven", { name: armName(experiment.analysis.winner) })}
          </Text>
        )}
        <Text as="p" variant="bodySm" tone="subdued">
          {t("experiments.method")}
        </Text>
        {onChooseWinner && variants.length > 1 && (
          <InlineStack gap="200" wrap>
            {experiment.winner ? (
              <Button onClick={() => onChooseWinner(null)} disabled={busy}>
                {t("experiments.reopen")}
              </Button>
            ) : (
              variants.map((v) => (
                <Button key={v} onClick={() => onChooseWinner(v)} disabled={busy}>
                  {t("experiments.makeWinner", { name: armName(v) })}
                </Button>
              ))
            )}
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

function Comparison(props: {
  c: ArmComparison;
  name: (arm: string) => string;
  pp: (x: number) => string;
  won: (x: number) => string;
  interval: (m: MetricDifference, f: (x: number) => string) => string;
}) {
  const { t, language } = useI18n();
  const { c, name, pp, won, interval } = props;
  const title = t("experiments.versus", { treatment: name(c.treatment), control: name(c.control) });
  const badge =
    c.status === "settled" ? (
      <Badge
        tone={c.conversion?.settled === "worse" || c.revenuePerCustomer?.settled === "worse" ? "critical" : "success"}
      >
        {t("experiments.settled")}
      </Badge>
    ) : c.status === "undecided" ? (
      <Badge>{t("experiments.undecided")}</Badge>
    ) : (
      <Badge tone="attention">{t("experiments.tooLittle")}</Badge>
    );
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        {badge}
      </InlineStack>
      {c.smallSample ? (
        <Text as="p" variant="bodySm" tone="subdued">
          {t("experiments.smallSample", {
            min: formatNumber(language, c.smallSample.minAssignedPerArm),
            minConverters: formatNumber(language, c.smallSample.minConverters),
            treatment: formatNumber(language, c.smallSample.treatmentAssigned),
            control: formatNumber(language, c.smallSample.controlAssigned),
            converters: formatNumber(language, c.smallSample.converters),
          })}
        </Text>
      ) : (
        <>
          <Text as="p" variant="bodySm">
            {t("experiments.conversionDiff", { value: interval(c.conversion!, pp) })}
          </Text>
          <Text as="p" variant="bodySm">
            {t("experiments.revenueDiff", { value: interval(c.revenuePerCustomer!, won) })}
          </Text>
          {c.incrementalRevenue && (
            <Text as="p" variant="bodySm">
              {t("experiments.incremental", {
                value: interval({ ...c.incrementalRevenue, settled: null }, won),
              })}
            </Text>
          )}
        </>
      )}
    </BlockStack>
  );
}
