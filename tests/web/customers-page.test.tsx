// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { CustomerListResponse, CustomerRow, Language } from "../../server/src/contracts/admin-api.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";
import { CustomersPage } from "../../web/src/pages/CustomersPage.js";
import { RouterProvider } from "../../web/src/routing/router.js";

const row = (i: number): CustomerRow => ({
  customerId: `c${i}`,
  name: `Customer ${i}`,
  email: null,
  orderCount: 3,
  lastOrderAt: "2026-10-01T00:00:00.000Z",
  segmentKey: "repeat:active",
  lifecycle: "repeat",
  purchase: "active",
  dueWindow: null,
  pAlive: 0.5,
  churnRisk: 0.95,
  clv: 120,
  rfmGroup: "CHAMPIONS",
  spent: 300,
});

/** The API as the page sees it: page `page` of 3,088 matches, 50 a page; every request path is kept. */
const requested: string[] = [];
function stubApi() {
  requested.length = 0;
  vi.stubGlobal("fetch", async (path: string) => {
    requested.push(path);
    const page = Number(new URL(path, "http://x").searchParams.get("page") ?? 1);
    const body: CustomerListResponse = {
      customers: Array.from({ length: page === 62 ? 38 : 50 }, (_, i) => row((page - 1) * 50 + i)),
      page,
      pageSize: 50,
      total: 3088,
      currency: "USD",
    };
    return new Response(JSON.stringify(body), { status: 200 });
  });
}

function renderAt(url: string, language: Language = "en") {
  window.history.replaceState(null, "", url);
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <RouterProvider>
          <CustomersPage />
        </RouterProvider>
      </AppProvider>
    </I18nProvider>,
  );
}

/** A pill's own "Clear" button (every pill's is named "Clear"): the one in the pill's smallest enclosing box. */
function clearButtonOf(pill: string): HTMLElement {
  let box = screen.getByRole("button", { name: pill }).parentElement;
  while (box && within(box).queryAllByRole("button", { name: "Clear" }).length === 0) box = box.parentElement;
  if (!box) throw new Error(`no Clear button near ${pill}`);
  return within(box).getByRole("button", { name: "Clear" });
}

beforeEach(stubApi);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("customers page", () => {
  it("asks the API for the URL's RFM groups and churn-risk sort, shows them as pills and says 1–50 of 3,088", async () => {
    renderAt("/customers?rfm=CHAMPIONS,LOYAL&churn=high&sort=churn_risk");
    await screen.findByText("1–50 of 3,088 customers");
    expect(requested.at(-1)).toBe("/api/customers?rfm=CHAMPIONS%2CLOYAL&churn=high&sort=churn_risk");
    expect(screen.getByText("RFM group: Champions, Loyal")).toBeTruthy();
    expect(screen.getByText("Churn risk: High (90% or more)")).toBeTruthy();
    expect(screen.getAllByText("Champions").length).toBeGreaterThan(0); // the rows' RFM group column
  });

  it("removes a pill from the URL and the request, and back brings it back", async () => {
    renderAt("/customers?rfm=CHAMPIONS&due=open");
    await screen.findByText("RFM group: Champions");
    fireEvent.click(clearButtonOf("RFM group: Champions"));
    await waitFor(() => expect(window.location.search).toBe("?due=open"));
    await waitFor(() => expect(requested.at(-1)).toBe("/api/customers?due=open"));
    expect(screen.queryByText("RFM group: Champions")).toBeNull();
    act(() => {
      window.history.back();
    });
    await waitFor(() => expect(window.location.search).toBe("?rfm=CHAMPIONS&due=open"));
    await screen.findByText("RFM group: Champions");
    expect(requested.at(-1)).toBe("/api/customers?rfm=CHAMPIONS&due=open");
  });

  it("pages on with the filters kept, and numbers the last page's rows", async () => {
    renderAt("/customers?churn=high&page=62");
    await screen.findByText("3,051–3,088 of 3,088 customers");
    expect(requested.at(-1)).toBe("/api/customers?churn=high&page=62");
  });

  it("names a segment key from the URL by its states, and shows an unknown one as typed", async () => {
    renderAt("/customers?segment=repeat:purchase_at_risk_visit_active");
    await screen.findByText("Segment: Repeat buyers · Late · Visiting");
    expect(requested.at(-1)).toBe("/api/customers?segment=repeat%3Apurchase_at_risk_visit_active");
    fireEvent.click(clearButtonOf("Segment: Repeat buyers · Late · Visiting"));
    await waitFor(() => expect(requested.at(-1)).toBe("/api/customers"));
    cleanup();
    renderAt("/customers?segment=first:inactive");
    await screen.findByText("Segment: First-time buyers · Lapsed"); // the key does not tell the visit state
    cleanup();
    renderAt("/customers?segment=vip:gold");
    await screen.findByText("Segment: vip:gold");
  });

  it("reads in Korean", async () => {
    renderAt("/customers?rfm=DORMANT", "ko");
    await screen.findByText("고객 3,088명 중 1–50");
    expect(screen.getByText("RFM 그룹: 휴면 고객")).toBeTruthy();
    cleanup();
    renderAt("/customers?segment=repeat:core_active", "ko");
    await screen.findByText(/재구매 고객 · 주기대로 구매 · 방문 중$/);
  });
});
