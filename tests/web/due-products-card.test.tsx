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
  { productId: "tea", title: "Tea", dueAt: "2025-12-20T00:00:00.000Z", cycleDays: 30, overdue: true },
  { productId: "soap", title: "Soap", dueAt: "2027-01-05T00:00:00.000Z", cycleDays: 60, overdue: false },
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

  it("reads in Korean", () => {
    renderIn("ko");
    expect(screen.getByText("기한 지남")).toBeTruthy();
    expect(screen.getByText(/POSTAGE · 재구매 주기 없음: 상품이 아님/)).toBeTruthy();
  });
});
