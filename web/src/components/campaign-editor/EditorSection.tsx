import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/** One card of the campaign editor: its heading, then its fields. */
export function EditorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}
