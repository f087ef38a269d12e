import { describe, expect, it } from "vitest";
import { contrastRatio, heatColors, MIN_CONTRAST } from "../../web/src/components/heat.js";

const rgbOf = (css: string) =>
  css === "#fff" ? [255, 255, 255] : css === "#000" ? [0, 0, 0] : (css.match(/\d+/g) ?? []).map(Number);

// Heatmap cells (segment grid, cohort table) carry numbers in 12-18 px text: every shade must read at WCAG AA.
// Lighthouse found white on rgb(96,154,229) at 2.9:1 and on rgb(55,127,221) at 4.0:1 in the demo's cohort table.
describe("heatColors", () => {
  it("gives text at least 4.5:1 against every shade from 0 to 1", () => {
    const worst = Array.from({ length: 1001 }, (_, i) => {
      const { background, color } = heatColors(i / 1000);
      return { value: i / 1000, ratio: contrastRatio(rgbOf(color), rgbOf(background)) };
    }).sort((a, b) => a.ratio - b.ratio)[0];
    expect(worst.ratio, `at ${worst.value}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [96, 154, 229])).toBeCloseTo(2.9, 1);
  });
});
