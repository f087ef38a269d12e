import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { CohortHeatmap } from "../components/CohortHeatmap.js";
import { CustomerMixChart } from "../components/CustomerMixChart.js";
import { DueThisWeekList } from "../components/DueThisWeekList.js";
import { KpiCards } from "../components/KpiCards.js";
import { EarningsCard } from "../components/EarningsCard.js";
import { useEarnings } from "../hooks/use-experiments.js";
import { PageState } from "../components/PageState.js";
import { SegmentHeatmap } from "../components/SegmentHeatmap.js";
import { useDashboard } from "../hooks/use-dashboard.js";
import { useI18n } from "../i18n/i18n.js";
import { useRouter } from "../routing/router.js";
import { queryString } from "../api/client.js";
import { DUE_THIS_WEEK_QUERY } from "../../../server/src/contracts/admin-api.js";

export function DashboardPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { data, error, reload } = useDashboard();
  const earnings = useEarnings();
  return (
    <Page title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      {!data ? (
        <PageState error={error} onRetry={reload} />
      ) : (
        <BlockStack gap="400">
          {data.computedAt === null && <Banner tone="info" title={t("common.noPredictions")} />}
          <KpiCards kpis={data.kpis} />
          <Layout>
            <Layout.Section>
              <SegmentHeatmap
                cells={data.segments}
                comparedTo={data.segmentsComparedTo}
                onSelect={({ purchase, visit, lifecycle }) =>
                  navigate(
                    `/customers${queryString({ purchase, visit: visit === "unknown" ? undefined : visit, lifecycle: lifecycle === "all" ? undefined : lifecycle })}`,
                  )
                }
              />
            </Layout.Section>
            <Layout.Section variant="oneThird">
              <BlockStack gap="400">
                {earnings.data && <EarningsCard earnings={earnings.data} currency={data.kpis.currency} />}
                <CustomerMixChart cells={data.segments} />
              </BlockStack>
            </Layout.Section>
          </Layout>
          <Layout>
            <Layout.Section>
              <CohortHeatmap cohorts={data.cohorts} />
            </Layout.Section>
            <Layout.Section variant="oneThird">
              <DueThisWeekList
                customers={data.dueThisWeek}
                total={data.dueThisWeekTotal}
                onOpen={(id) => navigate(`/customers/${encodeURIComponent(id)}`)}
                onViewAll={() => navigate(`/customers${queryString(DUE_THIS_WEEK_QUERY)}`)}
              />
            </Layout.Section>
          </Layout>
        </BlockStack>
      )}
    </Page>
  );
}
