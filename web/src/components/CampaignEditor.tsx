import { BlockStack } from "@shopify/polaris";
import { type CampaignFieldIssue, campaignKnobs, type Language } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { ContentSection } from "./campaign-editor/ContentSection.js";
import { type CampaignDraft, issueText } from "./campaign-editor/draft.js";
import { OfferSection } from "./campaign-editor/OfferSection.js";
import { ScheduleSection } from "./campaign-editor/ScheduleSection.js";
import { TargetingSection } from "./campaign-editor/TargetingSection.js";

export { type CampaignDraft, draftIsValid, issueText } from "./campaign-editor/draft.js";

interface Props {
  campaignKey: string;
  draft: CampaignDraft;
  onChange(draft: CampaignDraft): void;
  contentLanguage: Language;
  onContentLanguage(language: Language): void;
  /** Fields the server refused (from the live preview or a save). */
  issues: CampaignFieldIssue[];
}

/** Content per language, the offer and its timing, who sees it and how often, and when it runs. Errors are inline. */
export function CampaignEditor({ campaignKey, draft, onChange, contentLanguage, onContentLanguage, issues }: Props) {
  const { t } = useI18n();
  const errorOf = (field: string) => {
    const issue = issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
    return issue ? issueText(t, issue) : undefined;
  };
  const section = { draft, onChange, errorOf, t };
  const knobs = campaignKnobs(campaignKey as Parameters<typeof campaignKnobs>[0]);
  return (
    <BlockStack gap="400">
      <ContentSection {...section} language={contentLanguage} onLanguage={onContentLanguage} />
      <OfferSection {...section} knobs={knobs} />
      <TargetingSection {...section} />
      <ScheduleSection {...section} />
    </BlockStack>
  );
}
