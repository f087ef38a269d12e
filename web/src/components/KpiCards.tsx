import { InlineGrid } from "@shopify/polaris";
import type { DashboardKpis } from "../../../server/src/contracts/admin-api.js";
import { useI18n } from "../i18n/i18n.js";
import { formatMoney, formatNumber, formatPercent } from "../i18n/format.js";
import { KpiCard } from "./KpiCard.js";

export function KpiCards({ kpis }: { kpis: DashboardKpis }) {
  const { t, language } = useI18n();
  const repeat = Math.round(kpis.repeatPurchaseRate * kpis.customers);
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400">
      <KpiCard
        title={t("dashboard.kpi.repeatRate")}
        value={formatPercent(language, kpis.repeatPurchaseRate, 1)}
        help={t("dashboard.kpi.repeatRateHelp", {
          repeat: formatNumber(language, repeat),
          customers: formatNumber(language, kpis.customers),
        })}
      />
      <KpiCard
        title={t("dashboard.kpi.retention")}
        value={formatPercent(language, kpis.retention90d, 1)}
        help={t("dashboard.kpi.retentionHelp")}
      />
      <KpiCard
        title={t("dashboard.kpi.clv")}
        value={formatMoney(language, kpis.averageClv, kpis.currency)}
        help={t("dashboard.kpi.clvHelp", { total: formatMoney(language, kpis.totalClv, kpis.currency) })}
      />
      <KpiCard
        title={t("dashboard.kpi.churn")}
        value={formatPercent(language, kpis.churnShare, 1)}
        help={t("dashboard.kpi.churnHelp")}
      />
    </InlineGrid>
  );
}
