import { BlockStack, Card, Text } from "@shopify/polaris";
import type { EarningsResponse } from "../../../server/src/contracts/experiments-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatNumber } from "../i18n/format.js";

/** "Dangol earned ₩X this month (95 % interval …)": incremental revenue against the campaigns' holdouts. */
export function EarningsCard({ earnings, currency }: { earnings: EarningsResponse; currency: string }) {
  const { t, language } = useI18n();
  const money = (x: number) => formatMoney(language, x, currency);
  const inc = earnings.incremental;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("experiments.earnings.title")}
        </Text>
        {inc ? (
          <>
            <Text as="p" variant="headingLg">
              {t("experiments.earnings.earned", { amount: money(inc.estimate) })}
            </Text>
            <Text as="p" variant="bodySm">
              {t("experiments.earnings.interval", { low: money(inc.low), high: money(inc.high) })}
            </Text>
            {inc.low <= 0 && (
              <Text as="p" variant="bodySm" tone="caution">
                {t("experiments.earnings.notProven")}
              </Text>
            )}
          </>
        ) : (
          <Text as="p" variant="bodySm">
            {t("experiments.earnings.tooLittle", { holdout: formatNumber(language, earnings.holdoutCustomers) })}
          </Text>
        )}
        <Text as="p" variant="bodySm" tone="subdued">
          {t("experiments.earnings.attributed", {
            amount: money(earnings.attributedRevenue),
            customers: formatNumber(language, earnings.treatedCustomers),
          })}
        </Text>
      </BlockStack>
    </Card>
  );
}
