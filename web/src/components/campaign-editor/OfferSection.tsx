import { FormLayout, InlineGrid, TextField } from "@shopify/polaris";
import type { SettingKnob } from "../../../../server/src/contracts/admin-api.js";
import { NumberField } from "../NumberField.js";
import { NUMBER_KNOBS, type SectionProps } from "./draft.js";
import { EditorSection } from "./EditorSection.js";

/** The preset's own knobs (discount, validity, timing, link); a share is edited as a percent. */
export function OfferSection({ draft, onChange, errorOf, t, knobs }: SectionProps & { knobs: readonly SettingKnob[] }) {
  const setSetting = (knob: SettingKnob, value: number | string) =>
    onChange({ ...draft, settings: { ...draft.settings, [knob]: value } });
  return (
    <EditorSection title={t("campaigns.editor.offer")}>
      <FormLayout>
        <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
          {NUMBER_KNOBS.filter((k) => knobs.includes(k)).map((knob) => {
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
    </EditorSection>
  );
}
