// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { SegmentCell } from "../../server/src/contracts/admin-api.js";
import { SegmentHeatmap } from "../../web/src/components/SegmentHeatmap.js";
import { buildGrid } from "../../web/src/components/segment-grid.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";
import type { Language } from "../../server/src/contracts/admin-api.js";

const cells: SegmentCell[] = [
  { key: "repeat:active", lifecycle: "repeat", purchase: "active", visit: "unknown", count: 12, previousCount: 9 },
  { key: "first:active", lifecycle: "first", purchase: "active", visit: "unknown", count: 5, previousCount: 7 },
  { key: "first:inactive", lifecycle: "first", purchase: "inactive", visit: "unknown", count: 3, previousCount: null },
];

function renderIn(language: Language, onSelect = vi.fn()) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <SegmentHeatmap cells={cells} comparedTo="2026-11-12" onSelect={onSelect} />
      </AppProvider>
    </I18nProvider>,
  );
  return onSelect;
}

afterEach(cleanup);

describe("segment grid", () => {
  it("sums lifecycles per cell and keeps only visit columns that hold customers", () => {
    const grid = buildGrid(cells, "all");
    expect(grid.columns).toEqual(["unknown"]);
    expect(grid.at("active", "unknown")).toEqual({ count: 17, previous: 16 });
    expect(grid.at("inactive", "unknown")).toEqual({ count: 3, previous: null });
    expect(buildGrid(cells, "first").at("active", "unknown")).toEqual({ count: 5, previous: 7 });
  });

  it("renders counts with movement and filters by lifecycle", () => {
    const onSelect = renderIn("en");
    // The spoken name is the cell's place, then its visible text word for word (Lighthouse: label-content-name-mismatch).
    const cell = screen.getByRole("button", { name: "Buying on time · No visit data: 17 +1 since last week" });
    expect(cell.textContent).toContain("+1 since last week");
    expect(cell.title).toBe("Buying on time · No visit data: 17 customers");
    fireEvent.click(screen.getByRole("button", { name: "First-time buyers" }));
    const first = screen.getByRole("button", { name: "Buying on time · No visit data: 5 −2 since last week" });
    expect(first.textContent).toContain("−2 since last week");
    fireEvent.click(first);
    expect(onSelect).toHaveBeenCalledWith({ purchase: "active", visit: "unknown", lifecycle: "first" });
  });

  it("speaks Korean when the language is ko", () => {
    renderIn("ko");
    expect(screen.getByText("방문 × 구매 고객 분포")).toBeTruthy();
    expect(screen.getByRole("button", { name: "주기대로 구매 · 방문 데이터 없음: 17 지난주 대비 +1" }).title).toBe(
      "주기대로 구매 · 방문 데이터 없음: 고객 17명",
    );
  });
});
