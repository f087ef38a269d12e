import { BlockStack, Card, ChoiceList, FormLayout, InlineGrid, Tabs, Text, TextField } from "@shopify/polaris";
import {
  type CampaignDto,
  type CampaignFieldIssue,
  campaignKnobs,
  type Language,
  RFM_GROUP_CHOICES,
  type SettingKnob,
} from "../../../server/src/contracts/admin-api.js";
import { useI18n, type Translate } from "../i18n/i18n.js";
import { NumberField } from "./NumberField.js";

/** What the merchant edits: every knob the decision engine reads (the preset's settings and the schedule). */
export type CampaignDraft = Pick<CampaignDto, "content" | "segment" | "cap" | "holdoutShare" | "priority"> & {
  settings: Partial<Record<SettingKnob, number | string | null>>;
};

interface Props {
  campaignKey: string;
  draft: CampaignDraft;
  onChange(draft: CampaignDraft): void;
  contentLanguage: Language;
  onContentLanguage(language: Language): void;
  /** Fields the server refused (from the live preview or a save). */
  issues: CampaignFieldIssue[];
}

const LANGUAGES: Language[] = ["en", "ko"];
const FIELDS = ["title", "body", "cta"] as const;
const FIELD_LABEL = {
  title: "campaigns.editor.bannerTitle",
  body: "campaigns.editor.bannerBody",
  cta: "campaigns.editor.cta",
};
/** Settings stored as a share (0.25) and edited as a percent (25). */
const SHARES = new Set(["settings.percentOff", "holdoutShare"]);
const NUMBER_KNOBS = [
  "percentOff",
  "couponValidDays",
  "withinDays",
  "leadDays",
  "maxOverdueDays",
  "minDaysAfterFirstOrder",
  "maxDaysAfterFirstOrder",
  "graceDays",
] as const;

/** The inline message for a refused field, in the admin's language; share limits read as percents. */
export function issueText(t: Translate, issue: CampaignFieldIssue): string {
  const scale = (n: number | undefined) => (SHARES.has(issue.field) ? Math.round((n ?? 0) * 100) : (n ?? 0));
  switch (issue.code) {
    case "too_small":
      return t("campaigns.errors.min", { min: scale(issue.minimum) });
    case "not_above":
      return t("campaigns.errors.above", { min: scale(issue.minimum) });
    case "too_big":
      return t("campaigns.errors.max", { max: scale(issue.maximum) });
    case "not_whole":
      return t("campaigns.errors.whole");
    case "invalid_type":
      return t("campaigns.errors.number");
    case "empty":
      return t("campaigns.errors.required");
    case "before_start":
      return t("campaigns.errors.beforeStart");
    case "below_min":
      return t("campaigns.errors.belowMin");
    default:
      if (issue.field === "settings.percentOff") return t("campaigns.errors.wholePercent");
      if (issue.field === "settings.ctaPath") return t("campaigns.errors.path");
      if (issue.field === "settings.startsOn" || issue.field === "settings.endsOn") return t("campaigns.errors.date");
      return t("campaigns.errors.invalid");
  }
}

/** Content per language, the offer and its timing, who sees it and how often, and when it runs. Errors are inline. */
export function CampaignEditor({ campaignKey, draft, onChange, contentLanguage, onContentLanguage, issues }: Props) {
  const { t } = useI18n();
  const errorOf = (field: string) => {
    const issue = issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
    return issue ? issueText(t, issue) : undefined;
  };
  const knobs = campaignKnobs(campaignKey as Parameters<typeof campaignKnobs>[0]);
  const setSetting = (knob: SettingKnob, value: number | string | null) =>
    onChange({ ...draft, settings: { ...draft.settings, [knob]: value } });
  const setContent = (field: (typeof FIELDS)[number], value: string) =>
    onChange({
      ...draft,
      content: { ...draft.content, [field]: { ...draft.content[field], [contentLanguage]: value } },
    });
  const numberKnobs = NUMBER_KNOBS.filter((k) => knobs.includes(k));
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
                error={
                  draft.content[field][contentLanguage].trim() === ""
                    ? t("campaigns.errors.required")
                    : errorOf(`content.${field}.${contentLanguage}`)
                }
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
            {t("campaigns.editor.offer")}
          </Text>
          <FormLayout>
            <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
              {numberKnobs.map((knob) => {
                const share = knob === "percentOff";
                const value = Number(draft.settings[knob] ?? Number.NaN);
                return (
                  <NumberField
                    key={knob}
                    label={t(`campaigns.knobs.${knob}.label`)}
                    helpText={t(`campaigns.knobs.${knob}.help`)}
                    suffix={share ? "%" : t("campaigns.knobs.days")}
                    value={share ? Math.round(value * 100) : value}
                    onChange={(v) => setSetting(knob, share ? v / 100 : v)}
                    error={errorOf(`settings.${knob}`)}
                  />
                );
              })}
            </InlineGrid>
            {knobs.includes("ctaPath") && (
              <TextField
                label={t("campaigns.knobs.ctaPath.label")}
                helpText={t("campaigns.knobs.ctaPath.help")}
                value={String(draft.settings.ctaPath ?? "")}
                onChange={(v) => setSetting("ctaPath", v)}
                error={errorOf("settings.ctaPath")}
                autoComplete="off"
              />
            )}
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("campaigns.editor.targeting")}
          </Text>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            <ChoiceList
              allowMultiple
              title={t("campaigns.lifecycles")}
              choices={(["first", "repeat", "none"] as const).map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))}
              selected={draft.segment.lifecycles}
              onChange={(lifecycles) => onChange({ ...draft, segment: { ...draft.segment, lifecycles } })}
              error={errorOf("segment.lifecycles")}
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
              error={errorOf("segment.purchaseStates")}
            />
            <ChoiceList
              allowMultiple
              title={t("campaigns.rfmGroups")}
              choices={RFM_GROUP_CHOICES.map((g) => ({ value: g.name, label: rfmLabel(t, g) }))}
              selected={draft.segment.rfmGroups}
              onChange={(rfmGroups) => onChange({ ...draft, segment: { ...draft.segment, rfmGroups } })}
              error={errorOf("segment.rfmGroups")}
            />
          </InlineGrid>
          <Text as="p" variant="bodySm" tone="subdued">
            {t("campaigns.editor.anyHelp")}
          </Text>
          <FormLayout>
            <Text as="h3" variant="headingSm">
              {t("campaigns.editor.cap")}
            </Text>
            <FormLayout.Group>
              <NumberField
                label={t("campaigns.maxImpressions")}
                value={draft.cap.maxImpressions}
                onChange={(v) => onChange({ ...draft, cap: { ...draft.cap, maxImpressions: v } })}
                error={errorOf("cap.maxImpressions")}
              />
              <NumberField
                label={t("campaigns.perDays")}
                value={draft.cap.perDays}
                onChange={(v) => onChange({ ...draft, cap: { ...draft.cap, perDays: v } })}
                error={errorOf("cap.perDays")}
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <NumberField
                label={t("campaigns.editor.holdout")}
                helpText={t("campaigns.editor.holdoutHelp")}
                suffix="%"
                value={Math.round(draft.holdoutShare * 100)}
                onChange={(v) => onChange({ ...draft, holdoutShare: v / 100 })}
                error={errorOf("holdoutShare")}
              />
              <NumberField
                label={t("campaigns.editor.priority")}
                helpText={t("campaigns.editor.priorityHelp")}
                value={draft.priority}
                onChange={(priority) => onChange({ ...draft, priority })}
                error={errorOf("priority")}
              />
            </FormLayout.Group>
          </FormLayout>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("campaigns.editor.schedule")}
          </Text>
          <FormLayout>
            <FormLayout.Group>
              {(["startsOn", "endsOn"] as const).map((knob) => (
                <TextField
                  key={knob}
                  type="date"
                  label={t(`campaigns.editor.${knob}`)}
                  value={String(draft.settings[knob] ?? "")}
                  onChange={(v) => setSetting(knob, v === "" ? null : v)}
                  error={errorOf(`settings.${knob}`)}
                  autoComplete="off"
                />
              ))}
            </FormLayout.Group>
            <Text as="p" variant="bodySm" tone="subdued">
              {t("campaigns.editor.scheduleHelp")}
            </Text>
          </FormLayout>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

function rfmLabel(t: Translate, group: { key: string; name: string }): string {
  const key = `rfmGroups.${group.key}`;
  const label = t(key);
  return label === key ? group.name : label;
}

/** What can be checked before the server answers: texts present and every number a number. */
export function draftIsValid(d: CampaignDraft): boolean {
  const texts = FIELDS.flatMap((f) => LANGUAGES.map((l) => d.content[f][l].trim()));
  const numbers = [
    d.cap.maxImpressions,
    d.cap.perDays,
    d.holdoutShare,
    d.priority,
    ...NUMBER_KNOBS.map((k) => d.settings[k]),
  ];
  return texts.every(Boolean) && numbers.every((n) => n === undefined || Number.isFinite(n));
}
