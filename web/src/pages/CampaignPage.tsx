import { useEffect, useState } from "react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import type { Language } from "../../../server/src/http/contracts";
import { BannerPreview } from "../components/BannerPreview";
import { CampaignEditor, draftIsValid, type CampaignDraft } from "../components/CampaignEditor";
import { CampaignResultsCard } from "../components/CampaignResultsCard";
import { PageState } from "../components/PageState";
import { useCampaignResults, useCampaigns, useUpdateCampaign } from "../hooks/use-campaigns";
import { useI18n } from "../i18n/i18n";
import { useRouter } from "../routing/router";

export function CampaignPage({ campaignKey }: { campaignKey: string }) {
  const { t, language } = useI18n();
  const { navigate } = useRouter();
  const campaigns = useCampaigns();
  const results = useCampaignResults(campaignKey);
  const { update, saving } = useUpdateCampaign();
  const campaign = campaigns.data?.campaigns.find((c) => c.key === campaignKey) ?? null;
  const [draft, setDraft] = useState<CampaignDraft | null>(null);
  const [contentLanguage, setContentLanguage] = useState<Language>(language);
  const [message, setMessage] = useState<{ tone: "success" | "critical"; text: string } | null>(null);

  useEffect(() => {
    if (campaign && !draft) setDraft({ content: campaign.content, segment: campaign.segment, cap: campaign.cap, holdoutShare: campaign.holdoutShare });
  }, [campaign, draft]);

  const save = async () => {
    if (!draft) return;
    try {
      await update(campaignKey, draft);
      setMessage({ tone: "success", text: t("campaigns.editor.saved") });
      campaigns.reload();
      results.reload();
    } catch (err) {
      setMessage({ tone: "critical", text: t("common.error", { message: err instanceof Error ? err.message : String(err) }) });
    }
  };
  const name = t(`campaigns.names.${campaignKey}`);
  return (
    <Page
      title={t("campaigns.editor.title", { name })}
      backAction={{ content: t("nav.campaigns"), onAction: () => navigate("/campaigns") }}
      primaryAction={{ content: t("common.save"), onAction: save, loading: saving === campaignKey, disabled: !draft || !draftIsValid(draft) }}
    >
      {!campaign || !draft ? (
        <PageState error={campaigns.error} onRetry={campaigns.reload} />
      ) : (
        <BlockStack gap="400">
          {message && <Banner tone={message.tone} title={message.text} onDismiss={() => setMessage(null)} />}
          <Layout>
            <Layout.Section>
              <CampaignEditor draft={draft} onChange={setDraft} contentLanguage={contentLanguage} onContentLanguage={setContentLanguage} />
            </Layout.Section>
            <Layout.Section variant="oneThird">
              <BlockStack gap="400">
                <BannerPreview content={draft.content} language={contentLanguage} enabled={campaign.enabled} />
                {results.data && <CampaignResultsCard results={results.data} />}
              </BlockStack>
            </Layout.Section>
          </Layout>
        </BlockStack>
      )}
    </Page>
  );
}
