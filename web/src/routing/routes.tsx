import { Suspense } from "react";
import { lazyPage, PageSkeleton } from "./lazy-page.js";
import { matchPath } from "./router.js";

// One chunk per page, so a visit downloads the shell and the page it opens; chart pages also bring polaris-viz.
const charted = async <T,>(page: Promise<T>) => Promise.all([import("./with-viz.js"), page]);
const DashboardPage = lazyPage(async () => {
  const [{ withViz }, m] = await charted(import("../pages/DashboardPage.js"));
  return withViz(m.DashboardPage);
});
const CampaignPage = lazyPage(async () => {
  const [{ withViz }, m] = await charted(import("../pages/CampaignPage.js"));
  return withViz(m.CampaignPage);
});
const CustomersPage = lazyPage(async () => (await import("../pages/CustomersPage.js")).CustomersPage);
const CustomerPage = lazyPage(async () => (await import("../pages/CustomerPage.js")).CustomerPage);
const CampaignsPage = lazyPage(async () => (await import("../pages/CampaignsPage.js")).CampaignsPage);
const SettingsPage = lazyPage(async () => (await import("../pages/SettingsPage.js")).SettingsPage);

export const NAV_ITEMS = [
  { path: "/", label: "nav.dashboard" },
  { path: "/customers", label: "nav.customers" },
  { path: "/campaigns", label: "nav.campaigns" },
  { path: "/settings", label: "nav.settings" },
] as const;

/** The page for a path; unknown paths show the dashboard (the server serves index.html for them). */
export function routeElement(path: string) {
  return <Suspense fallback={<PageSkeleton />}>{pageFor(path)}</Suspense>;
}

function pageFor(path: string) {
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
