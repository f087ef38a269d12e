import { FormLayout, Tabs, Text, TextField } from "@shopify/polaris";
import type { Language } from "../../../../server/src/contracts/admin-api.js";
import { FIELDS, LANGUAGES, type SectionProps } from "./draft.js";
import { EditorSection } from "./EditorSection.js";

const FIELD_LABEL = {
  title: "campaigns.editor.bannerTitle",
  body: "campaigns.editor.bannerBody",
  cta: "campaigns.editor.cta",
};

/** The banner's texts, one tab per language; an emptied text is an error before the server is asked. */
export function ContentSection({
  draft,
  onChange,
  errorOf,
  t,
  language,
  onLanguage,
}: SectionProps & { language: Language; onLanguage(language: Language): void }) {
  const setContent = (field: (typeof FIELDS)[number], value: string) =>
    onChange({ ...draft, content: { ...draft.content, [field]: { ...draft.content[field], [language]: value } } });
  return (
    <EditorSection title={t("campaigns.editor.content")}>
      <Tabs
        tabs={LANGUAGES.map((l) => ({
          id: l,
          content: t(l === "en" ? "campaigns.editor.english" : "campaigns.editor.korean"),
        }))}
        selected={LANGUAGES.indexOf(language)}
        onSelect={(i) => onLanguage(LANGUAGES[i])}
      />
      <FormLayout>
        {FIELDS.map((field) => (
          <TextField
            key={`${field}-${language}`}
            label={t(FIELD_LABEL[field])}
            value={draft.content[field][language]}
            onChange={(v) => setContent(field, v)}
            multiline={field === "body" ? 3 : undefined}
            autoComplete="off"
            error={
              draft.content[field][language].trim() === ""
                ? t("campaigns.errors.required")
                : errorOf(`content.${field}.${language}`)
            }
          />
        ))}
        <Text as="p" variant="bodySm" tone="subdued">
          {t("campaigns.tokens")}
        </Text>
      </FormLayout>
    </EditorSection>
  );
}
