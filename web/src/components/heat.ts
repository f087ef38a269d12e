// Heatmap colours: white → Polaris' data-visualisation blue, so cells read like the admin's own analytics.
const LOW = [241, 248, 255];
const HIGH = [0, 91, 211];

/** Background for a value 0..1 and a text colour that stays readable on it. */
export function heatColors(value: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, value));
  const rgb = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * t));
  return { background: `rgb(${rgb.join(",")})`, color: t > 0.5 ? "#fff" : "rgb(48,48,48)" };
}
