import { CampaignPage } from "../pages/CampaignPage";
import { CampaignsPage } from "../pages/CampaignsPage";
import { CustomerPage } from "../pages/CustomerPage";
import { CustomersPage } from "../pages/CustomersPage";
import { DashboardPage } from "../pages/DashboardPage";
import { SettingsPage } from "../pages/SettingsPage";
import { matchPath } from "./router";

export const NAV_ITEMS = [
  { path: "/", label: "nav.dashboard" },
  { path: "/customers", label: "nav.customers" },
  { path: "/campaigns", label: "nav.campaigns" },
  { path: "/settings", label: "nav.settings" },
] as const;

/** The page for a path; unknown paths show the dashboard (the server serves index.html for them). */
export function routeElement(path: string) {
  let params = matchPath("/customers/:id", path);
  if (params) return <CustomerPage key={params.id} customerId={params.id} />;
  params = matchPath("/campaigns/:key", path);
  if (params) return <CampaignPage key={params.key} campaignKey={params.key} />;
  if (matchPath("/customers", path)) return <CustomersPage />;
  if (matchPath("/campaigns", path)) return <CampaignsPage />;
  if (matchPath("/settings", path)) return <SettingsPage />;
  return <DashboardPage />;
}

/** Which nav item a path belongs to. */
export function activeNav(path: string): string {
  return NAV_ITEMS.filter((i) => i.path !== "/" && path.startsWith(i.path))[0]?.path ?? "/";
}
