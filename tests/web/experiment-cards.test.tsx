// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import type { Language } from "../../server/src/contracts/admin-api.js";
import { analyseExperiment } from "../../server/src/domain/experiments/analyse-experiment.js";
import { emptyArm } from "../../server/src/domain/experiments/arm-summary.js";
import { EarningsCard } from "../../web/src/components/EarningsCard.js";
import { ExperimentResultsCard } from "../../web/src/components/ExperimentResultsCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

const arm = (name: string, assigned: number, converters: number) => ({
  ...emptyArm(name),
  assigned,
  converters,
  orders: converters,
  revenue: converters * 40_000,
  revenueSquares: converters * 40_000 ** 2,
});
const experimentOf = (arms: ReturnType<typeof arm>[]) => ({
  attributionDays: 14,
  currency: "KRW",
  arms,
  analysis: analyseExperiment(arms),
  winner: null,
  endedAt: null,
});

function renderIn(language: Language, node: ReactNode) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>{node}</AppProvider>
    </I18nProvider>,
  );
}

describe("A/B test cards", () => {
  afterEach(cleanup);

  it("explains a small sample instead of printing a lift", () => {
    renderIn("en", <ExperimentResultsCard experiment={experimentOf([arm("holdout", 30, 1), arm("a", 300, 12)])} />);
    expect(screen.getByText(/Too few shoppers to estimate a lift yet/).textContent).toContain("30");
    expect(screen.queryByText(/^Conversion:/)).toBeNull();
  });

  it("prints both intervals and names the method once there is enough data (ko)", () => {
    const experiment = experimentOf([arm("holdout", 2000, 60), arm("a", 9000, 300), arm("b", 9000, 610)]);
    renderIn("ko", <ExperimentResultsCard experiment={experiment} onChooseWinner={() => undefined} />);
    expect(screen.getAllByText(/^전환율: .*95% 구간/).length).toBe(3);
    // Money in the shop's currency: B's revenue column and its revenue difference carry ₩.
    expect(screen.getByText("₩24,400,000")).toBeTruthy();
    expect(screen.getAllByText(/^배정 고객당 매출.*₩/).length).toBe(3);
    expect(screen.getByText(/Johari/)).toBeTruthy();
    expect(screen.getByText(/^버전 B(을|를) 승자로 정하기$/)).toBeTruthy();
  });

  it("earnings card says when the interval still includes zero", () => {
    const base = { from: "", to: "", attributedRevenue: 500_000, treatedCustomers: 900, holdoutCustomers: 100 };
    renderIn(
      "en",
      <EarningsCard
        currency="KRW"
        earnings={{ ...base, incremental: { estimate: 90_000, low: -10_000, high: 190_000 } }}
      />,
    );
    expect(screen.getByText(/^Dangol earned ₩90,000 this month/)).toBeTruthy();
    expect(screen.getByText(/not yet proven/)).toBeTruthy();
    cleanup();
    renderIn("en", <EarningsCard currency="KRW" earnings={{ ...base, incremental: null }} />);
    expect(screen.getByText(/Not enough shoppers held out yet/)).toBeTruthy();
  });
});
