import { lazy, type ComponentType } from "react";
import { Layout, SkeletonBodyText, SkeletonDisplayText, SkeletonPage, Card, BlockStack } from "@shopify/polaris";

const RELOADED = "dangol:chunk-reload";

/**
 * A page loaded on first visit to its route (its own chunk). A chunk that fails to load is most often one a
 * redeploy removed while this tab still ran the old index.html: reload once for the new one, then give up.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    try {
      const Page = await load();
      sessionStorage.removeItem(RELOADED);
      return { default: Page };
    } catch (error) {
      if (!sessionStorage.getItem(RELOADED)) {
        sessionStorage.setItem(RELOADED, "1");
        window.location.reload();
      }
      throw error;
    }
  });
}

/** What shows while a page's chunk loads: the page's outline, as Polaris draws a loading page. */
export function PageSkeleton() {
  return (
    <SkeletonPage primaryAction>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <SkeletonDisplayText size="small" />
              <SkeletonBodyText lines={3} />
            </Card>
            <Card>
              <SkeletonBodyText lines={6} />
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </SkeletonPage>
  );
}
