import { useState } from "react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useI18n } from "../../i18n/i18n.js";

interface Props {
  url: string;
  onUrlChange(url: string): void;
  /** The server's refusal of the last saved URL, shown under the field. */
  urlError: string | null;
  /** Made by the server when a URL is first saved; null before. */
  secret: string | null;
}

/** A Cafe24 mall's webhook: the URL, the signing secret (hidden until asked) and how a receiver checks a request. */
export function WebhookFields({ url, onUrlChange, urlError, secret }: Props) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <BlockStack gap="300">
      <TextField
        label={t("settings.flowEvents.url")}
        type="url"
        value={url}
        onChange={onUrlChange}
        placeholder="https://"
        helpText={t("settings.flowEvents.urlHelp")}
        error={urlError ?? undefined}
        autoComplete="off"
      />
      {secret ? (
        <BlockStack gap="200">
          <InlineStack gap="200" align="space-between" blockAlign="center" wrap={false}>
            <Text as="h3" variant="headingSm">
              {t("settings.flowEvents.secret")}
            </Text>
            <Button variant="plain" onClick={() => setShown(!shown)}>
              {t(shown ? "settings.flowEvents.hideSecret" : "settings.flowEvents.showSecret")}
            </Button>
          </InlineStack>
          <div data-testid="flow-webhook-secret">
            <Text as="p" breakWord>
              {shown ? secret : "•".repeat(24)}
            </Text>
          </div>
          <Text as="p" tone="subdued">
            {t("settings.flowEvents.verify")}
          </Text>
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          {t("settings.flowEvents.secretAfterSave")}
        </Text>
      )}
    </BlockStack>
  );
}
