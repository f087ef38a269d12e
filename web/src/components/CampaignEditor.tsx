import { useState } from "react";
import { BlockStack, Card, ChoiceList, FormLayout, InlineGrid, Tabs, Text, TextField } from "@shopify/polaris";
import type { CampaignDto, Language } from "../../../server/src/http/contracts.js";
import { useI18n } from "../i18n/i18n.js";

export type CampaignDraft = Pick<CampaignDto, "content" | "segment" | "cap" | "holdoutShare">;

interface Props {
  draft: CampaignDraft;
  onChange(draft: CampaignDraft): void;
  contentLanguage: Language;
  onContentLanguage(language: Language): void;
}

const LANGUAGES: Language[] = ["en", "ko"];
const FIELDS = ["title", "body", "cta"] as const;
const FIELD_LABEL = {
  title: "campaigns.editor.bannerTitle",
  body: "campaigns.editor.bannerBody",
  cta: "campaigns.editor.cta",
};

/** Content per language, who sees it, how often, and how many are held out. Validation messages are inline. */
export function CampaignEditor({ draft, onChange, contentLanguage, onContentLanguage }: Props) {
  const { t } = useI18n();
  const [holdoutText, setHoldoutText] = useState(String(Math.round(draft.holdoutShare * 100)));
  const holdout = Number(holdoutText);
  const holdoutError = !/^\d{1,2}$/.test(holdoutText) || holdout < 0 || holdout > 50 ? "0–50" : undefined;
  const setContent = (field: (typeof FIELDS)[number], value: string) =>
    onChange({
      ...draft,
      content: { ...draft.content, [field]: { ...draft.content[field], [contentLanguage]: value } },
    });
  const setCap = (field: "maxImpressions" | "perDays", value: string) =>
    onChange({ ...draft, cap: { ...draft.cap, [field]: Number(value) } });
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("campaigns.editor.content")}
          </Text>
          <Tabs
            tabs={LANGUAGES.map((l) => ({
              id: l,
              content: t(l === "en" ? "campaigns.editor.english" : "campaigns.editor.korean"),
            }))}
            selected={LANGUAGES.indexOf(contentLanguage)}
            onSelect={(i) => onContentLanguage(LANGUAGES[i])}
          />
          <FormLayout>
            {FIELDS.map((field) => (
              <TextField
                key={`${field}-${contentLanguage}`}
                label={t(FIELD_LABEL[field])}
                value={draft.content[field][contentLanguage]}
                onChange={(v) => setContent(field, v)}
                multiline={field === "body" ? 3 : undefined}
                autoComplete="off"
                error={draft.content[field][contentLanguage].trim() === "" ? t("campaigns.editor.invalid") : undefined}
              />
            ))}
            <Text as="p" variant="bodySm" tone="subdued">
              {t("campaigns.tokens")}
            </Text>
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("campaigns.editor.targeting")}
          </Text>
          <InlineGrid columns={2} gap="400">
            <ChoiceList
              allowMultiple
              title={t("campaigns.lifecycles")}
              choices={(["first", "repeat", "none"] as const).map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))}
              selected={draft.segment.lifecycles}
              onChange={(lifecycles) => onChange({ ...draft, segment: { ...draft.segment, lifecycles } })}
            />
            <ChoiceList
              allowMultiple
              title={t("campaigns.purchaseStates")}
              choices={(["active", "at_risk", "inactive", "never"] as const).map((p) => ({
                value: p,
                label: t(`purchase.${p}`),
              }))}
              selected={draft.segment.purchaseStates}
              onChange={(purchaseStates) => onChange({ ...draft, segment: { ...draft.segment, purchaseStates } })}
            />
          </InlineGrid>
          <FormLayout>
            <Text as="h3" variant="headingSm">
              {t("campaigns.editor.cap")}
            </Text>
            <FormLayout.Group>
              <TextField
                label={t("campaigns.maxImpressions")}
                type="number"
                min={1}
                value={String(draft.cap.maxImpressions)}
                onChange={(v) => setCap("maxImpressions", v)}
                autoComplete="off"
              />
              <TextField
                label={t("campaigns.perDays")}
                type="number"
                min={1}
                value={String(draft.cap.perDays)}
                onChange={(v) => setCap("perDays", v)}
                autoComplete="off"
              />
            </FormLayout.Group>
            <TextField
              label={t("campaigns.editor.holdout")}
              helpText={t("campaigns.editor.holdoutHelp")}
              type="number"
              suffix="%"
              value={holdoutText}
              error={holdoutError}
              onChange={(v) => {
                setHoldoutText(v);
                if (/^\d{1,2}$/.test(v) && Number(v) <= 50) onChange({ ...draft, holdoutShare: Number(v) / 100 });
              }}
              autoComplete="off"
            />
          </FormLayout>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

export function draftIsValid(d: CampaignDraft): boolean {
  const texts = FIELDS.flatMap((f) => LANGUAGES.map((l) => d.content[f][l].trim()));
  return (
    texts.every(Boolean) && d.cap.maxImpressions >= 1 && d.cap.perDays >= 1 && d.holdoutShare >= 0 && d.holdoutShare < 1
  );
}
