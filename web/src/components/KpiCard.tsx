import { BlockStack, Card, Text } from "@shopify/polaris";

/** One headline number with a one-line explanation underneath. */
export function KpiCard({ title, value, help }: { title: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm" tone="subdued">
          {title}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
      </BlockStack>
    </Card>
  );
}
