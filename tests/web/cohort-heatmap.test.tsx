// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { CohortRow, Language } from "../../server/src/contracts/admin-api.js";
import { CohortHeatmap } from "../../web/src/components/CohortHeatmap.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

// The current month has only just begun: its 1 % must read as "still counting", not as a collapse.
const cohorts: CohortRow[] = [
  { cohort: "2026-09", size: 100, retention: [0.3, 0.25, 0.01], partialMonth: 3 },
  { cohort: "2026-10", size: 50, retention: [0.2, 0.02], partialMonth: 2 },
  { cohort: "2026-11", size: 20, retention: [], partialMonth: null },
];

function renderIn(language: Language) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <CohortHeatmap cohorts={cohorts} />
      </AppProvider>
    </I18nProvider>,
  );
  return screen.getByTestId("cohort-grid");
}

afterEach(cleanup);

describe("cohort heatmap", () => {
  it("marks each row's current, unfinished month as partial and leaves finished months alone", () => {
    const grid = renderIn("en");
    const partial = [...grid.querySelectorAll("td[data-partial]")];
    expect(partial.map((td) => td.textContent)).toEqual(["1%", "2%"].map((p) => expect.stringContaining(p)) as never);
    for (const td of partial) expect(td.getAttribute("aria-label")).toMatch(/month in progress/i);
    const finished = [...grid.querySelectorAll("td")].filter(
      (td) => td.textContent === "30%" || td.textContent === "25%",
    );
    expect(finished).toHaveLength(2);
    for (const td of finished) expect(td.hasAttribute("data-partial")).toBe(false);
    expect(screen.getByText(/still in progress/i, { selector: "p" })).toBeTruthy();
  });

  it("says so in Korean too", () => {
    const grid = renderIn("ko");
    const partial = [...grid.querySelectorAll("td[data-partial]")];
    expect(partial).toHaveLength(2);
    for (const td of partial) expect(td.getAttribute("aria-label")).toContain("진행 중");
  });
});
