import { Banner, Box, Button, Card, SkeletonBodyText, BlockStack } from "@shopify/polaris";
import { useI18n } from "../i18n/i18n.js";
import { errorText } from "../i18n/error-text.js";

/** What a page shows while its data loads or after it failed. */
export function PageState({ error, onRetry }: { error: Error | null; onRetry(): void }) {
  const { t } = useI18n();
  if (error) {
    return (
      <Banner tone="critical" title={errorText(t, error)}>
        <Box paddingBlockStart="200">
          <Button onClick={onRetry}>{t("common.retry")}</Button>
        </Box>
      </Banner>
    );
  }
  return (
    <BlockStack gap="400">
      <Card>
        <SkeletonBodyText lines={3} />
      </Card>
      <Card>
        <SkeletonBodyText lines={6} />
      </Card>
    </BlockStack>
  );
}
