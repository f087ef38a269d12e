// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { PolarisVizProvider } from "@shopify/polaris-viz";
import type { CampaignResultsResponse, Language } from "../../server/src/contracts/admin-api.js";
import { CampaignResultsCard } from "../../web/src/components/CampaignResultsCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";
import { emptyArm } from "../../server/src/domain/experiments/arm-summary.js";
import { analyseExperiment } from "../../server/src/domain/experiments/analyse-experiment.js";

const arms = [
  { ...emptyArm("holdout"), assigned: 100, converters: 2, orders: 2 },
  { ...emptyArm("a"), assigned: 1000, converters: 10, orders: 10 },
];

// What the demo showed: 1 of 1,000 shown customers converted against 1 of 100 held out, and no banner impressions yet.
const results: CampaignResultsResponse = {
  key: "replenishment",
  attributionDays: 14,
  impressions: 0,
  clicks: 0,
  conversions: 12,
  treatment: { customers: 1000, conversions: 10 },
  holdout: { customers: 100, conversions: 2 },
  lift: {
    treatmentRate: 0.01,
    holdoutRate: 0.02,
    absoluteLift: -0.01,
    relativeLift: -0.5,
    confidenceInterval: { low: -0.04, high: 0.01 },
    significant: false,
  },
  experiment: {
    attributionDays: 14,
    currency: "KRW",
    arms,
    analysis: analyseExperiment(arms),
    winner: null,
    endedAt: null,
  },
};

function renderIn(language: Language, data = results) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <PolarisVizProvider>
          <CampaignResultsCard results={data} />
        </PolarisVizProvider>
      </AppProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("CampaignResultsCard", () => {
  it("explains conversions without impressions: assigned shoppers, holdout included; impressions are banners shown", () => {
    renderIn("en");
    const note = screen.getByText(/Why more conversions than impressions\?/);
    expect(note.textContent).toMatch(/within 14 days of being assigned/);
    expect(note.textContent).toMatch(/holdout, who never see the banner \(2 of the converting shoppers\)/);
    expect(note.textContent).toMatch(/only banners actually shown/);
  });

  it("explains it in Korean too", () => {
    renderIn("ko");
    expect(screen.getByText(/노출보다 전환이 많은 이유/).textContent).toMatch(
      /대조군도 포함됩니다\(전환 고객 중 2명\)/,
    );
  });

  it("says nothing extra when impressions outnumber conversions", () => {
    renderIn("en", { ...results, impressions: 5000, clicks: 80 });
    expect(screen.queryByText(/Why more conversions/)).toBeNull();
  });
});
