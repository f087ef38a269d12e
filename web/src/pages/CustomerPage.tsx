import { Layout, Page } from "@shopify/polaris";
import { CouponsCard, DueProductsCard, MessagesCard } from "../components/CustomerActivityCards";
import { CustomerSummaryCard } from "../components/CustomerSummaryCard";
import { OrderTimeline } from "../components/OrderTimeline";
import { PageState } from "../components/PageState";
import { useCustomer } from "../hooks/use-customers";
import { useI18n } from "../i18n/i18n";
import { useRouter } from "../routing/router";

export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { data, error, reload } = useCustomer(customerId);
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
            <OrderTimeline orders={data.orders} />
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <CustomerSummaryCard detail={data} />
            <div style={{ height: 16 }} />
            <DueProductsCard products={data.customer.dueProducts} />
          </Layout.Section>
          <Layout.Section>
            <MessagesCard messages={data.messages} />
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <CouponsCard coupons={data.coupons} />
          </Layout.Section>
        </Layout>
      )}
    </Page>
  );
}
