import { useState } from "react";
import { Banner, Page } from "@shopify/polaris";
import type { CampaignDto } from "../../../server/src/contracts/admin-api.js";
import { CampaignList } from "../components/CampaignList.js";
import { PageState } from "../components/PageState.js";
import { useCampaigns, useUpdateCampaign } from "../hooks/use-campaigns.js";
import { useI18n } from "../i18n/i18n.js";
import { errorMessage } from "../i18n/error-text.js";
import { useRouter } from "../routing/router.js";

export function CampaignsPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { data, error, reload } = useCampaigns();
  const { update, saving } = useUpdateCampaign();
  const [saveError, setSaveError] = useState<string | null>(null);
  const toggle = async (c: CampaignDto) => {
    setSaveError(null);
    try {
      await update(c.key, { enabled: !c.enabled });
      reload();
    } catch (err) {
      setSaveError(errorMessage(t, err));
    }
  };
  const missing = (error as { status?: number } | null)?.status === 404;
  return (
    <Page title={t("campaigns.title")} subtitle={t("campaigns.subtitle")}>
      {saveError && (
        <Banner
          tone="critical"
          title={t("common.error", { message: saveError })}
          onDismiss={() => setSaveError(null)}
        />
      )}
      {missing ? (
        <Banner tone="info" title={t("campaigns.unavailable")} />
      ) : !data ? (
        <PageState error={error} onRetry={reload} />
      ) : (
        <CampaignList
          campaigns={data.campaigns}
          saving={saving}
          onToggle={toggle}
          onEdit={(key) => navigate(`/campaigns/${encodeURIComponent(key)}`)}
        />
      )}
    </Page>
  );
}
