import { useEffect, useState } from "react";
import { Banner, BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { ApiError } from "../api/client.js";
import {
  type CampaignDto,
  type CampaignFieldIssue,
  campaignKnobs,
  type Language,
} from "../../../server/src/contracts/admin-api.js";
import { CampaignEditor, draftIsValid, type CampaignDraft } from "../components/CampaignEditor.js";
import { CampaignResultsCard } from "../components/CampaignResultsCard.js";
import { ExperimentResultsCard } from "../components/ExperimentResultsCard.js";
import { VariantsSection } from "../components/campaign-editor/VariantsSection.js";
import { useExperimentActions } from "../hooks/use-experiments.js";
import { UnsavedChangesBar } from "../components/UnsavedChangesBar.js";
import { PageState } from "../components/PageState.js";
import { StorefrontPreview } from "../components/StorefrontPreview.js";
import {
  fieldIssues,
  useCampaign,
  useCampaignPreview,
  useCampaignResults,
  useUpdateCampaign,
} from "../hooks/use-campaigns.js";
import { useI18n } from "../i18n/i18n.js";
import { errorText } from "../i18n/error-text.js";
import { useRouter } from "../routing/router.js";

export function CampaignPage({ campaignKey }: { campaignKey: string }) {
  const { t, language } = useI18n();
  const { navigate } = useRouter();
  const loaded = useCampaign(campaignKey);
  const results = useCampaignResults(campaignKey);
  const { update, saving } = useUpdateCampaign();
  const experiment = useExperimentActions(campaignKey);
  const campaign = loaded.data;
  const [draft, setDraft] = useState<CampaignDraft | null>(null);
  // Discard remounts the editor so its own field text (the holdout percent) is reset too.
  const [editorRevision, setEditorRevision] = useState(0);
  const [contentLanguage, setContentLanguage] = useState<Language>(language);
  const [message, setMessage] = useState<{ tone: "success" | "critical"; text: string } | null>(null);
  // What a save was refused for, until the next edit; the live preview validates every edit as well.
  const [saveIssues, setSaveIssues] = useState<CampaignFieldIssue[]>([]);
  const preview = useCampaignPreview(campaignKey, draft, contentLanguage);
  const issues = preview.issues.length ? preview.issues : saveIssues;
  const edit = (next: CampaignDraft) => {
    setDraft(next);
    setSaveIssues([]);
  };

  const saved = campaign ? savedDraft(campaign) : null;
  useEffect(() => {
    if (campaign && !draft) setDraft(savedDraft(campaign));
  }, [campaign, draft]);
  const dirty = !!draft && !!saved && draftKey(draft) !== draftKey(saved);
  const discard = () => {
    if (saved) setDraft(saved);
    setSaveIssues([]);
    setEditorRevision((n) => n + 1);
  };

  const save = async () => {
    if (!draft) return;
    try {
      await update(campaignKey, draft);
      setMessage({ tone: "success", text: t("campaigns.editor.saved") });
      loaded.reload();
      results.reload();
    } catch (err) {
      setSaveIssues(fieldIssues(err) ?? []);
      setMessage({
        tone: "critical",
        text: errorText(t, err),
      });
    }
  };
  // Variants and the winner save on their own (not part of the draft), then both the campaign and results reload.
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ tone: "success", text: done });
      loaded.reload();
      results.reload();
    } catch (err) {
      setMessage({
        tone: "critical",
        text: errorText(t, err),
      });
    }
  };
  const back = () => navigate("/campaigns");
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return <CampaignNotFound campaignKey={campaignKey} onBack={back} />;
  // The name comes from the loaded campaign, never from the URL: an unknown key would show as a raw i18n key.
  const name = campaign ? t(`campaigns.names.${campaign.key}`) : null;
  return (
    <Page
      title={name ? t("campaigns.editor.title", { name }) : undefined}
      backAction={{ content: t("nav.campaigns"), onAction: back }}
    >
      <UnsavedChangesBar
        dirty={dirty}
        saving={saving === campaignKey}
        canSave={!!draft && draftIsValid(draft) && preview.issues.length === 0}
        onSave={save}
        onDiscard={discard}
      />
      {!campaign || !draft ? (
        <PageState error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <BlockStack gap="400">
          {message && <Banner tone={message.tone} title={message.text} onDismiss={() => setMessage(null)} />}
          <Layout>
            {/* Full width: the per-arm table has seven columns, which the side column could only scroll; first,
                because a running test is what the merchant comes back for. */}
            {results.data?.experiment && (
              <Layout.Section variant="fullWidth">
                <ExperimentResultsCard
                  experiment={results.data.experiment}
                  busy={experiment.busy}
                  onChooseWinner={(variant) =>
                    act(
                      () => experiment.chooseWinner(variant),
                      variant
                        ? t("experiments.winnerChosen", {
                            name: t("experiments.variant", { id: variant.toUpperCase() }),
                          })
                        : t("experiments.reopen"),
                    )
                  }
                />
              </Layout.Section>
            )}
            <Layout.Section>
              <CampaignEditor
                key={editorRevision}
                campaignKey={campaign.key}
                draft={draft}
                issues={issues}
                onChange={edit}
                contentLanguage={contentLanguage}
                onContentLanguage={setContentLanguage}
              />
              <div style={{ marginTop: "var(--p-space-400)" }}>
                <VariantsSection
                  key={`variants-${editorRevision}-${JSON.stringify((campaign as { experiment?: unknown }).experiment ?? null)}`}
                  campaign={campaign}
                  language={contentLanguage}
                  saving={experiment.busy}
                  onSave={(variants) => act(() => experiment.saveVariants({ variants }), t("experiments.editor.saved"))}
                />
              </div>
            </Layout.Section>
            <Layout.Section variant="oneThird">
              <BlockStack gap="400">
                <StorefrontPreview preview={preview.preview} error={preview.error} />
                {results.data && <CampaignResultsCard results={results.data} />}
              </BlockStack>
            </Layout.Section>
          </Layout>
        </BlockStack>
      )}
    </Page>
  );
}

/** The editable part of a campaign as stored, in the draft's key order so the two compare as JSON. */
function savedDraft(campaign: CampaignDto): CampaignDraft {
  const stored = (campaign.settings ?? {}) as CampaignDraft["settings"];
  // Only the knobs this preset reads; an unset link or schedule shows as the engine reads it.
  const settings = Object.fromEntries(
    campaignKnobs(campaign.key as Parameters<typeof campaignKnobs>[0]).map((k) => [
      k,
      stored[k] ?? (k === "ctaPath" ? "/collections/all" : null),
    ]),
  );
  return {
    content: campaign.content,
    segment: campaign.segment,
    cap: campaign.cap,
    holdoutShare: campaign.holdoutShare,
    priority: campaign.priority,
    settings,
  };
}

/** Compares drafts as sets of choices: unticking and ticking a segment again is no change. */
function draftKey(d: CampaignDraft): string {
  const segment = {
    ...d.segment,
    lifecycles: [...d.segment.lifecycles].sort(),
    purchaseStates: [...d.segment.purchaseStates].sort(),
    rfmGroups: [...d.segment.rfmGroups].sort(),
  };
  return JSON.stringify({ ...d, segment });
}

// A simple magnifying glass: EmptyState wants an illustration, and the admin loads nothing from other origins for it.
const NOT_FOUND_IMAGE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 120 120"><circle cx="52" cy="52" r="30" fill="#f1f1f1" stroke="#8a8a8a" stroke-width="6"/><path d="M74 74l26 26" stroke="#8a8a8a" stroke-width="10" stroke-linecap="round"/></svg>',
)}`;

/** /campaigns/<unknown>: says so, with the way back, instead of an editor that never loads. */
function CampaignNotFound({ campaignKey, onBack }: { campaignKey: string; onBack(): void }) {
  const { t } = useI18n();
  return (
    <Page title={t("campaigns.notFound.title")} backAction={{ content: t("nav.campaigns"), onAction: onBack }}>
      <Card>
        <EmptyState action={{ content: t("campaigns.notFound.back"), onAction: onBack }} image={NOT_FOUND_IMAGE}>
          <p>{t("campaigns.notFound.body", { key: campaignKey })}</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
