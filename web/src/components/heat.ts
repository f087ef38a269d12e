// Heatmap colours: white → Polaris' data-visualisation blue, so cells read like the admin's own analytics.
const LOW = [241, 248, 255];
const HIGH = [0, 91, 211];
// Text on a cell: the admin's dark grey where it reads, else white, else black. Mid-blues (relative luminance
// about 0.18-0.3) give neither grey nor white 4.5:1 (white on rgb(96,154,229) is 2.9:1); black gives at least 4.58.
const TEXT = [
  { css: "rgb(48,48,48)", rgb: [48, 48, 48] },
  { css: "#fff", rgb: [255, 255, 255] },
  { css: "#000", rgb: [0, 0, 0] },
];
/** WCAG AA for normal-size text. */
export const MIN_CONTRAST = 4.5;

/** Background for a value 0..1 and a text colour that stays readable on it (WCAG AA). */
export function heatColors(value: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, value));
  const rgb = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * t));
  const text = TEXT.find((c) => contrastRatio(c.rgb, rgb) >= MIN_CONTRAST) ?? TEXT[2];
  return { background: `rgb(${rgb.join(",")})`, color: text.css };
}

/** WCAG 2 contrast ratio of two sRGB colours. */
export function contrastRatio(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
