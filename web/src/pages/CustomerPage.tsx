import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useState } from "react";
import { CouponsCard, DueProductsCard, MessagesCard } from "../components/CustomerActivityCards.js";
import { CustomerPredictionCard, CustomerSummaryCard } from "../components/CustomerSummaryCard.js";
import { OrderTimeline } from "../components/OrderTimeline.js";
import { PageState } from "../components/PageState.js";
import { useCustomer } from "../hooks/use-customers.js";
import { useI18n } from "../i18n/i18n.js";
import { useRouter } from "../routing/router.js";

// Summary first (it must fit above the fold on a phone), then the paged timeline beside the model's view.
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [ordersPage, setOrdersPage] = useState(1);
  const { data, error, loading, reload } = useCustomer(customerId, ordersPage);
  const notFound = (error as { status?: number } | null)?.status === 404;
  return (
    <Page
      title={data?.customer.name ?? (notFound ? t("customer.notFound") : t("common.loading"))}
      subtitle={data?.customer.email ?? undefined}
      backAction={{ content: t("nav.customers"), onAction: () => navigate("/customers") }}
    >
      {!data ? (
        <PageState error={error} onRetry={reload} />
      ) : (
        <Layout>
          <Layout.Section>
            <CustomerSummaryCard detail={data} />
          </Layout.Section>
          <Layout.Section>
            <OrderTimeline detail={data} loading={loading} onPage={setOrdersPage} />
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <CustomerPredictionCard detail={data} />
              <DueProductsCard products={data.customer.dueProducts} withoutCycle={data.customer.productsWithoutCycle} />
              <CouponsCard coupons={data.coupons} />
              <MessagesCard messages={data.messages} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      )}
    </Page>
  );
}
