// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { CustomerDetailResponse, Language } from "../../server/src/contracts/admin-api.js";
import { DueProductsCard } from "../../web/src/components/CustomerActivityCards.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

type Detail = CustomerDetailResponse["customer"];
const products: Detail["dueProducts"] = [
  {
    productId: "tea",
    title: "Tea",
    dueAt: "2025-12-20T00:00:00.000Z",
    cycleDays: 30,
    overdue: true,
    byUsualCycle: null,
  },
  {
    productId: "soap",
    title: "Soap",
    dueAt: "2027-01-05T00:00:00.000Z",
    cycleDays: 60,
    overdue: false,
    byUsualCycle: null,
  },
];
const withoutCycle: Detail["productsWithoutCycle"] = [
  { productId: "POST", title: "POSTAGE", reason: "not_a_product" },
  { productId: "pan", title: "Frying pan", reason: "rarely_rebought" },
];

function renderIn(language: Language) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <DueProductsCard products={products} withoutCycle={withoutCycle} />
      </AppProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("DueProductsCard", () => {
  it("flags an overdue product and says why a product has no cycle (en)", () => {
    renderIn("en");
    expect(screen.getByText(/Tea · was due Dec 20, 2025/)).toBeTruthy();
    expect(screen.getAllByText("Overdue")).toHaveLength(1);
    expect(screen.getByText(/Soap · due Jan 5, 2027/)).toBeTruthy();
    expect(
      screen.getByText("POSTAGE · no restock cycle: not a product (shipping, fee or adjustment line)"),
    ).toBeTruthy();
    expect(screen.getByText("Frying pan · no restock cycle: almost no one buys it again")).toBeTruthy();
  });

  it("says 'by their usual cycle' with the chance when no order is expected within the horizon", () => {
    const unlikely = { horizonDays: 90, chance: 0.23 };
    const qualified: Detail["dueProducts"] = [
      { ...products[0], dueAt: "2027-01-02T00:00:00.000Z", overdue: false, byUsualCycle: unlikely },
      { ...products[1], dueAt: "2026-11-20T00:00:00.000Z", overdue: true, byUsualCycle: unlikely },
    ];
    const view = (language: Language) =>
      render(
        <I18nProvider language={language} setLanguage={() => undefined}>
          <AppProvider i18n={en}>
            <DueProductsCard products={qualified} />
          </AppProvider>
        </I18nProvider>,
      );
    view("en");
    expect(
      screen.getByText(
        "Tea · by their usual cycle, due Jan 2, 2027 (every 30 days), but an order within 90 days is unlikely (23%)",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "Soap · by their usual cycle, was due Nov 20, 2026 (every 60 days), but an order within 90 days is unlikely (23%)",
      ),
    ).toBeTruthy();
    cleanup();
    view("ko");
    expect(
      screen.getByText(
        "Tea · 평소 주기(30일)로는 2027년 1월 2일에 재구매할 시기지만 90일 안에 주문할 가능성은 낮아요(23%)",
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Soap · 평소 주기\(60일\)로는 .+에 재구매 시기가 지났지만 90일 안에/)).toBeTruthy();
  });

  it("reads in Korean", () => {
    renderIn("ko");
    expect(screen.getByText("기한 지남")).toBeTruthy();
    expect(screen.getByText(/POSTAGE · 재구매 주기 없음: 상품이 아님/)).toBeTruthy();
  });
});
