import { useState } from "react";
import { Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import type { Language } from "../../../server/src/contracts/admin-api.js";
import { BacktestCard, LanguageCard } from "../components/SettingsCards.js";
import { DeadLetterCard } from "../components/DeadLetterCard.js";
import { FlowEventsCard } from "../components/flow-events/FlowEventsCard.js";
import { ProductOverridesCard } from "../components/ProductOverridesCard.js";
import { SyncStatusCard } from "../components/SyncStatusCard.js";
import { useBacktest, useSaveLanguage, useSyncStatus } from "../hooks/use-settings.js";
import { useI18n } from "../i18n/i18n.js";
import { errorMessage } from "../i18n/error-text.js";

export function SettingsPage() {
  const { t, setLanguage } = useI18n();
  const sync = useSyncStatus();
  const backtest = useBacktest();
  const { save, saving } = useSaveLanguage();
  const [error, setError] = useState<string | null>(null);
  const changeLanguage = async (language: Language) => {
    setError(null);
    try {
      setLanguage(await save(language));
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };
  return (
    <Page title={t("settings.title")}>
      <BlockStack gap="400">
        {error && <Banner tone="critical" title={t("common.error", { message: error })} />}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {sync.data ? (
                <SyncStatusCard status={sync.data} />
              ) : (
                <Card>
                  <Text as="p" tone="subdued">
                    {sync.error ? t("settings.unavailable") : t("common.loading")}
                  </Text>
                </Card>
              )}
              {sync.data && <DeadLetterCard deadLetters={sync.data.deadLetters} onChanged={sync.reload} />}
              <BacktestCard backtest={backtest.data} />
              <FlowEventsCard />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <LanguageCard saving={saving} onChange={changeLanguage} />
              <ProductOverridesCard />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
