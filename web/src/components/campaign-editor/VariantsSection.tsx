import { useState } from "react";
import { BlockStack, Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import type { CampaignDto, Language } from "../../../../server/src/contracts/admin-api.js";
import { VARIANT_IDS, type VariantsRequest } from "../../../../server/src/contracts/experiments-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { FIELDS } from "./draft.js";
import { EditorSection } from "./EditorSection.js";

type Row = VariantsRequest["variants"][number];
const FIELD_LABEL = {
  title: "campaigns.editor.bannerTitle",
  body: "campaigns.editor.bannerBody",
  cta: "campaigns.editor.cta",
};

/**
 * A/B/n rows beside the campaign's own content (variant A): each extra variant has its own title, message, button
 * and image, edited in the editor's content language. Saved on their own (PUT …/variants), not with the draft.
 */
export function VariantsSection(props: {
  campaign: CampaignDto & { experiment?: { variants: Row[] } };
  language: Language;
  saving: boolean;
  onSave(variants: Row[]): void;
}) {
  const { t } = useI18n();
  const { campaign, language } = props;
  const [rows, setRows] = useState<Row[]>(campaign.experiment?.variants ?? []);
  const free = VARIANT_IDS.find((id) => !rows.some((r) => r.id === id));
  const set = (i: number, row: Row) => setRows(rows.map((r, j) => (j === i ? row : r)));
  return (
    <EditorSection title={t("experiments.editor.title")}>
      <Text as="p" variant="bodySm" tone="subdued">
        {t("experiments.editor.help")}
      </Text>
      {rows.map((row, i) => (
        <BlockStack key={row.id} gap="200">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {t("experiments.variant", { id: row.id.toUpperCase() })}
            </Text>
            <Button variant="plain" tone="critical" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t("experiments.editor.remove")}
            </Button>
          </InlineStack>
          <FormLayout>
            {FIELDS.map((field) => (
              <TextField
                key={`${row.id}-${field}-${language}`}
                label={t(FIELD_LABEL[field])}
                value={row.content[field][language]}
                multiline={field === "body" ? 2 : undefined}
                autoComplete="off"
                error={row.content[field][language].trim() === "" ? t("campaigns.errors.required") : undefined}
                onChange={(v) =>
                  set(i, { ...row, content: { ...row.content, [field]: { ...row.content[field], [language]: v } } })
                }
              />
            ))}
            <TextField
              label={t("experiments.editor.image")}
              helpText={t("experiments.editor.imageHelp")}
              value={row.imageUrl ?? ""}
              type="url"
              autoComplete="off"
              error={
                row.imageUrl && !/^https:\/\/\S+$/.test(row.imageUrl) ? t("experiments.editor.imageError") : undefined
              }
              onChange={(v) => set(i, { ...row, imageUrl: v.trim() === "" ? null : v })}
            />
          </FormLayout>
        </BlockStack>
      ))}
      <InlineStack gap="200">
        {free && (
          // A new variant starts as a copy of A (both languages), so it is valid before the merchant edits it.
          <Button onClick={() => setRows([...rows, { id: free, content: campaign.content, imageUrl: null }])}>
            {t("experiments.editor.add", { id: free.toUpperCase() })}
          </Button>
        )}
        <Button variant="primary" loading={props.saving} onClick={() => props.onSave(rows)}>
          {t("experiments.editor.save")}
        </Button>
      </InlineStack>
    </EditorSection>
  );
}
