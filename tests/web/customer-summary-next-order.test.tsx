// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { CustomerDetailResponse, Language, NextOrderDto } from "../../server/src/contracts/admin-api.js";
import { CustomerPredictionCard, CustomerSummaryCard } from "../../web/src/components/CustomerSummaryCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

const THIS_YEAR = new Date().getUTCFullYear();
const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString();

function detail(nextOrder: NextOrderDto | null, chance: number): CustomerDetailResponse {
  return {
    customer: {
      customerId: "c1",
      name: "Jane Kim",
      email: null,
      orderCount: 3,
      lastOrderAt: iso(THIS_YEAR, 1, 10),
      segmentKey: "repeat:core_active",
      lifecycle: "repeat",
      purchase: "active",
      // The own-rhythm window: shown only when no outlook is stored.
      dueWindow: { early: iso(THIS_YEAR, 2, 1), likely: iso(THIS_YEAR, 2, 4), late: iso(THIS_YEAR, 2, 20) },
      pAlive: 0.8,
      churnRisk: 0.2,
      clv: 200,
      rfmGroup: "LOYAL",
      spent: 150,
      cycleDays: 30,
      cycleSpreadDays: 5,
      expectedOrders90d: 1.4,
      orderChance90d: chance,
      nextOrder,
      averageOrderValue: 50,
      reason: { en: "Buys about every 30 days.", ko: "보통 30일쯤마다 구매해요." },
      dueProducts: [],
      productsWithoutCycle: [],
      computedAt: iso(THIS_YEAR, 1, 11),
    },
    currency: "USD",
    totals: { spent: 150, orders: 3, averageOrder: 50, firstOrderAt: null, lastOrderAt: null },
    orders: [],
    ordersPage: { page: 1, pageSize: 10, total: 0 },
    messages: [],
    coupons: [],
  };
}

const WINDOW_THIS_YEAR: NextOrderDto = {
  horizonDays: 90,
  window: { early: iso(THIS_YEAR, 3, 3), likely: iso(THIS_YEAR, 3, 9), late: iso(THIS_YEAR, 4, 17) },
};
const WINDOW_ACROSS_YEARS: NextOrderDto = {
  horizonDays: 90,
  window: { early: iso(THIS_YEAR, 12, 28), likely: iso(THIS_YEAR + 1, 1, 2), late: iso(THIS_YEAR + 1, 1, 9) },
};
const NOT_EXPECTED: NextOrderDto = { horizonDays: 90, window: null };

function renderIn(language: Language, d: CustomerDetailResponse) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <CustomerSummaryCard detail={d} />
        <CustomerPredictionCard detail={d} />
      </AppProvider>
    </I18nProvider>,
  );
  return screen.getByTestId("customer-summary").textContent ?? "";
}

afterEach(cleanup);

describe("the summary card's next order", () => {
  it("en: a window without the year this year, with its most likely day and the chance behind it", () => {
    const text = renderIn("en", detail(WINDOW_THIS_YEAR, 0.72));
    expect(text).toContain("Next order");
    expect(screen.getByTestId("next-order").textContent).toBe(
      "Likely between Mar 3 and Apr 17most likely Mar 9 · 72% chance of an order in 90 days",
    );
    expect(text).not.toContain("Due window"); // the own-rhythm window would be a second, different answer
  });

  it("en: the years when the window crosses into next year", () => {
    renderIn("en", detail(WINDOW_ACROSS_YEARS, 0.6));
    expect(screen.getByTestId("next-order").textContent).toContain(
      `Likely between Dec 28, ${THIS_YEAR} and Jan 9, ${THIS_YEAR + 1}`,
    );
  });

  it("en: not expected, with the same chance the prediction card shows", () => {
    renderIn("en", detail(NOT_EXPECTED, 0.23));
    expect(screen.getByTestId("next-order").textContent).toBe(
      "Not expected within 90 days23% chance of an order in 90 days",
    );
    expect(screen.getByText("Chance of an order in 90 days").nextSibling?.textContent).toBe("23%");
    expect(screen.queryByText(/Likely between/)).toBeNull();
  });

  it("ko: a window and 'not expected' in Korean", () => {
    renderIn("ko", detail(WINDOW_ACROSS_YEARS, 0.6));
    expect(screen.getByText("다음 주문")).toBeTruthy();
    expect(screen.getByTestId("next-order").textContent).toContain(
      `${THIS_YEAR}년 12월 28일~${THIS_YEAR + 1}년 1월 9일 사이일 가능성이 높아요`,
    );
    cleanup();
    renderIn("ko", detail(NOT_EXPECTED, 0.23));
    expect(screen.getByTestId("next-order").textContent).toBe(
      "90일 안에는 주문이 예상되지 않아요90일 안에 주문할 확률 23%",
    );
  });

  it("falls back to the own-rhythm due window for a prediction stored before the outlook", () => {
    const text = renderIn("en", detail(null, 0.4));
    expect(text).toContain("Due window");
    expect(text).toContain("Feb 1 – Feb 20");
    expect(screen.queryByTestId("next-order")).toBeNull();
  });
});
