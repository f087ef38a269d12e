import { FormLayout, Text, TextField } from "@shopify/polaris";
import type { SectionProps } from "./draft.js";
import { EditorSection } from "./EditorSection.js";

/** The first and last day the campaign runs; an emptied date means no limit. */
export function ScheduleSection({ draft, onChange, errorOf, t }: SectionProps) {
  return (
    <EditorSection title={t("campaigns.editor.schedule")}>
      <FormLayout>
        <FormLayout.Group>
          {(["startsOn", "endsOn"] as const).map((knob) => (
            <TextField
              key={knob}
              type="date"
              label={t(`campaigns.editor.${knob}`)}
              value={String(draft.settings[knob] ?? "")}
              onChange={(v) => onChange({ ...draft, settings: { ...draft.settings, [knob]: v === "" ? null : v } })}
              error={errorOf(`settings.${knob}`)}
              autoComplete="off"
            />
          ))}
        </FormLayout.Group>
        <Text as="p" variant="bodySm" tone="subdued">
          {t("campaigns.editor.scheduleHelp")}
        </Text>
      </FormLayout>
    </EditorSection>
  );
}
