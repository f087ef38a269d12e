import { BlockStack, Card, Select, Text } from "@shopify/polaris";
import type { BacktestSummary, Language } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatNumber, formatPercent } from "../i18n/format.js";

export function BacktestCard({ backtest }: { backtest: BacktestSummary | null }) {
  const { t, language } = useI18n();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("settings.model")}
        </Text>
        {/* Polaris' Text drops data-* props: the test ids sit on wrappers. */}
        <div data-testid="backtest">
          <Text as="p">
            {backtest
              ? t("settings.backtest", {
                  share: formatPercent(language, backtest.insideWindowShare),
                  n: formatNumber(language, backtest.reordered),
                })
              : t("settings.backtestNone")}
          </Text>
        </div>
        {/* Summaries cached before the width was reported have none: the sentence is left out, not shown as "—". */}
        {backtest && Number.isFinite(backtest.medianWindowDays) && (
          <div data-testid="backtest-width">
            <Text as="p" tone="subdued">
              {t("settings.backtestWidth", {
                width: formatNumber(language, backtest.medianWindowDays),
                horizon: formatNumber(language, backtest.horizonDays),
                shown: formatPercent(language, backtest.windowedShare),
              })}
            </Text>
          </div>
        )}
      </BlockStack>
    </Card>
  );
}

export function LanguageCard({ saving, onChange }: { saving: boolean; onChange(language: Language): void }) {
  const { t, language } = useI18n();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("settings.language")}
        </Text>
        <Select
          label={t("settings.language")}
          labelHidden
          helpText={t("settings.languageHelp")}
          disabled={saving}
          options={[
            { value: "en", label: "English" },
            { value: "ko", label: "한국어" },
          ]}
          value={language}
          onChange={(v) => onChange(v as Language)}
        />
      </BlockStack>
    </Card>
  );
}
