import { BlockStack, Card, Text } from "@shopify/polaris";
import type { CampaignDto, Language } from "../../../server/src/http/contracts.js";
import { translate, useI18n } from "../i18n/i18n.js";

/** Fills the storefront tokens with sample values so the merchant sees a realistic banner while typing. */
export function fillSample(text: string, sample: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => sample[name] ?? match);
}

/**
 * A live preview of the storefront banner (same layout as the theme extension's banner), rendered from
 * the editor's unsaved content in the chosen storefront language. Each merchant string has dir="auto", which
 * browsers bidi-isolate (as the theme extension does with <bdi>): a stray U+202E cannot reorder what follows it.
 */
export function BannerPreview({
  content,
  language,
  enabled,
}: {
  content: CampaignDto["content"];
  language: Language;
  enabled: boolean;
}) {
  const { t } = useI18n();
  // Sample values in the storefront language being previewed, not the admin's.
  const sample = {
    first_name: translate(language, "campaigns.sampleName"),
    product: translate(language, "campaigns.sampleProduct"),
    days_left: "3",
    code: "DANGOL-7K2Q",
    percent: "10%",
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("campaigns.preview.title")}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {t("campaigns.preview.help")}
        </Text>
        <div
          data-testid="banner-preview"
          lang={language}
          style={{
            border: "1px solid #e3e3e3",
            borderRadius: 12,
            padding: 16,
            background: "#fffaf2",
            opacity: enabled ? 1 : 0.55,
            fontFamily: "Georgia, serif",
          }}
        >
          <div dir="auto" style={{ fontSize: 18, fontWeight: 700, marginBottom: 6 }}>
            {fillSample(content.title[language], sample)}
          </div>
          <div dir="auto" style={{ fontSize: 14, marginBottom: 12 }}>
            {fillSample(content.body[language], sample)}
          </div>
          <span
            dir="auto"
            style={{
              display: "inline-block",
              background: "#1a1a1a",
              color: "#fff",
              borderRadius: 6,
              padding: "8px 14px",
              fontSize: 14,
            }}
          >
            {fillSample(content.cta[language], sample)}
          </span>
        </div>
        {!enabled && (
          <Text as="p" variant="bodySm" tone="subdued">
            {t("campaigns.preview.nothing")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
