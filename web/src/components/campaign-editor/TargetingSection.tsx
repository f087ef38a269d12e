import { ChoiceList, FormLayout, InlineGrid, Text } from "@shopify/polaris";
import { RFM_GROUP_CHOICES } from "../../../../server/src/contracts/admin-api.js";
import type { Translate } from "../../i18n/i18n.js";
import { NumberField } from "../NumberField.js";
import type { SectionProps } from "./draft.js";
import { EditorSection } from "./EditorSection.js";

/** Who sees the campaign (lifecycle, purchase state, RFM group: none ticked means any), how often, and its rank. */
export function TargetingSection({ draft, onChange, errorOf, t }: SectionProps) {
  return (
    <EditorSection title={t("campaigns.editor.targeting")}>
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
    </EditorSection>
  );
}

function rfmLabel(t: Translate, group: { key: string; name: string }): string {
  const key = `rfmGroups.${group.key}`;
  const label = t(key);
  return label === key ? group.name : label;
}
