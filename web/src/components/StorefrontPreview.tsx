import { useCallback, useRef, useState } from "react";
import { BlockStack, Card, SkeletonBodyText, Text } from "@shopify/polaris";
import type { CampaignPreviewResponse } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { errorText } from "../i18n/error-text.js";

/**
 * The campaign as a shopper would see it: HTML the server rendered with the theme extension's own Liquid (the one
 * renderer, as on /preview and the storefront) from the unsaved draft. Sandboxed: no script in it runs and it
 * cannot reach the admin; same-origin only so the frame can be sized to its content.
 */
export function StorefrontPreview({
  preview,
  error = null,
}: {
  preview: CampaignPreviewResponse | null;
  /** Why the preview could not be rendered (not a refused field: those show on the field). */
  error?: Error | null;
}) {
  const { t } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(160);
  const fit = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (!doc?.body) return;
    // The notice bar is position: fixed, so it adds nothing to the body's height: make room for it too.
    const fixed = [...doc.querySelectorAll<HTMLElement>(".dangol-notice")].map((el) => el.offsetHeight + 16);
    setHeight(Math.max(doc.documentElement.scrollHeight, ...fixed, 48));
  }, []);
  const empty = preview && !preview.banner && !preview.notice;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("campaigns.preview.title")}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {t("campaigns.preview.help")}
        </Text>
        {/* Never a blank card: a placeholder until the first rendering arrives, or why it could not be made. */}
        {!preview && !error && <SkeletonBodyText lines={5} />}
        {!preview && error && (
          <Text as="p" tone="critical">
            {errorText(t, error)}
          </Text>
        )}
        {preview && (
          <iframe
            ref={frame}
            data-testid="storefront-preview"
            title={t("campaigns.preview.title")}
            sandbox="allow-same-origin"
            srcDoc={preview.html}
            onLoad={fit}
            style={{
              // The measured height is the content's: the border goes outside it, so nothing is cut off.
              boxSizing: "content-box",
              width: "calc(100% - 2px)",
              height,
              pointerEvents: "none",
              border: "1px solid #e3e3e3",
              borderRadius: 8,
              background: "#fff",
            }}
          />
        )}
        {empty && (
          <Text as="p" variant="bodySm" tone="subdued">
            {t("campaigns.preview.nothing")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
