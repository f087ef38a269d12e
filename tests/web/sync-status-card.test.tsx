// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { Language, SyncStatusResponse } from "../../server/src/contracts/admin-api.js";
import { SyncStatusCard } from "../../web/src/components/SyncStatusCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

const status = (unpublishedCustomers: number): SyncStatusResponse => ({
  state: "done",
  progress: null,
  lastWebhookAt: null,
  lastSyncedAt: null,
  orders: 10,
  customers: 4,
  deadLetters: { total: 0, maxAttempts: 8, items: [] },
  unpublishedCustomers,
});

function renderIn(language: Language, s: SyncStatusResponse) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <SyncStatusCard status={s} />
      </AppProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("SyncStatusCard: customers Shopify refused a decision for", () => {
  it("says nothing when every decision was published", () => {
    renderIn("en", status(0));
    expect(screen.queryByTestId("unpublished-customers")).toBeNull();
  });
  it.each([
    ["en", /Shopify refused the storefront message for 3 customer/],
    ["ko", /고객 3명의 스토어 메시지를 Shopify가 받지 않았습니다/],
  ] as const)("names how many in %s", (language, text) => {
    renderIn(language, status(3));
    expect(screen.getByTestId("unpublished-customers").textContent).toMatch(text);
  });
});

describe("SyncStatusCard: backfill progress", () => {
  const backfilling = (done: number, total: number | null): SyncStatusResponse => ({
    ...status(0),
    state: "backfilling",
    progress: { done, total },
  });
  it.each([
    ["en", /1,234 of 26,692 orders imported \(4%\)/],
    ["ko", /주문 26,692건 중 1,234건 가져옴 \(4%\)/],
  ] as const)("shows the total and the percentage while paging in %s", (language, text) => {
    renderIn(language, backfilling(1234, 26692));
    expect(document.body.textContent).toMatch(text);
    expect(document.querySelector("progress")?.getAttribute("value")).toBe("4");
  });
  it("shows the count alone when the platform gives no total", () => {
    renderIn("en", backfilling(1234, null));
    expect(document.body.textContent).toMatch(/1,234 orders imported/);
    expect(document.body.textContent).not.toMatch(/\(\d+%\)/);
  });
});

describe("SyncStatusCard: the first recompute after the import", () => {
  it.each([
    ["en", "Computing predictions", /Predicting each customer's next order: 1,200 of 4,800 customers \(25%\)/],
    ["ko", "예측 계산 중", /4,800명 중 1,200명 완료\(25%\)/],
  ] as const)("says predictions are being computed, and how far, in %s", (language, badge, text) => {
    renderIn(language, { ...status(0), predicting: { done: 1200, total: 4800 } });
    expect(screen.getByTestId("predicting").textContent).toMatch(text);
    expect(screen.getByTestId("predicting").querySelector("progress")?.getAttribute("value")).toBe("25");
    expect(screen.getByText(badge)).toBeTruthy();
    expect(screen.queryByText(language === "en" ? "Up to date" : "최신 상태")).toBeNull();
  });
  it.each([
    ["en", "Predictions failed", /next order failed \(database is locked\)\. Dangol tries again within 10 minutes/],
    ["ko", "예측 실패", /예측에 실패했습니다\(database is locked\)\. 10분 안에 자동으로 다시 시도/],
  ] as const)("says the first recompute failed, why, and that it is retried, in %s", (language, badge, text) => {
    renderIn(language, { ...status(0), predicting: { done: 0, total: 4800, failed: "database is locked" } });
    expect(screen.getByTestId("prediction-failed").textContent).toMatch(text);
    expect(screen.getByText(badge)).toBeTruthy();
    expect(screen.queryByText(language === "en" ? "Computing predictions" : "예측 계산 중")).toBeNull();
  });
  it("says nothing of it once every customer is predicted", () => {
    renderIn("en", { ...status(0), predicting: null });
    expect(screen.queryByTestId("predicting")).toBeNull();
    expect(screen.getByText("Up to date")).toBeTruthy();
  });
});
