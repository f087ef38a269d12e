// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { BacktestSummary, Language } from "../../server/src/contracts/admin-api.js";
import { BacktestCard } from "../../web/src/components/SettingsCards.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

const summary: BacktestSummary = {
  from: "2026-09-02T00:00:00.000Z",
  to: "2026-12-02T00:00:00.000Z",
  reordered: 1234,
  insideWindowShare: 0.81,
  horizonDays: 91,
  medianWindowDays: 23,
  windowedShare: 0.42,
};

function renderIn(language: Language, backtest: BacktestSummary | null = summary) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <BacktestCard backtest={backtest} />
      </AppProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("BacktestCard", () => {
  it("states the window coverage against its target and the windows' median width (en)", () => {
    renderIn("en");
    expect(screen.getByTestId("backtest").textContent).toBe(
      "Last quarter, 81% of the customers who reordered did so inside their predicted window (target 80%; 1,234 customers checked).",
    );
    expect(screen.getByTestId("backtest-width").textContent).toBe(
      "Windows were 23 days wide (median) within a 91-day horizon. 42% of customers were expected to order within 91 days; the rest were not.",
    );
  });

  it("reads in Korean", () => {
    renderIn("ko");
    expect(screen.getByTestId("backtest").textContent).toContain("목표 80%");
    expect(screen.getByTestId("backtest-width").textContent).toBe(
      "예측 기간의 폭은 중앙값 23일입니다 (91일 기준). 고객의 42%는 91일 안에 주문할 것으로 예상되었고, 나머지는 예상되지 않았습니다.",
    );
  });

  it("leaves the width out of a summary cached before it was reported", () => {
    const { medianWindowDays: _, ...old } = summary;
    renderIn("en", old as BacktestSummary);
    expect(screen.getByTestId("backtest")).toBeTruthy();
    expect(screen.queryByTestId("backtest-width")).toBeNull();
  });
});
