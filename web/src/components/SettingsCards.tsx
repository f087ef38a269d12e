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
        <Text as="p" data-testid="backtest">
          {backtest
            ? t("settings.backtest", {
                share: formatPercent(language, backtest.insideWindowShare),
                n: formatNumber(language, backtest.reordered),
              })
            : t("settings.backtestNone")}
        </Text>
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
