/**
 * Store regimes for the synthetic validation (issue 12): each one is a known purchase process, so the truth
 * after any cutoff is known. All times are in days; `storeDays` is the length of the simulated history and
 * `cutoffs` are days from its start at which the harness splits it (each leaves room for a 365-day horizon).
 */
export interface Product {
  id: string;
  /** Median days one unit lasts (the replenishment cycle). */
  cycleDays: number;
  /** Share of customers whose main product this is. */
  weight: number;
}

export interface Regime {
  name: string;
  storeDays: number;
  cutoffs: number[];
  customers: number;
  products: Product[];
  /** Sd of ln(personal cycle ÷ product cycle) across customers. */
  cycleSpread: number;
  /** Sd of ln(gap ÷ personal cycle) within a customer (irregularity). */
  gapNoise: number;
  /** Share of customers who never come back after the first order. */
  oneTimeShare: number;
  /** Per-order dropout p ~ Beta(a, b) for the others (BG/NBD's dropout process). */
  dropout: { a: number; b: number };
  /** P(an order buys two units, which last twice as long). */
  doubleShare: number;
  /** Acquisition: uniform over [from, to) days from the store start with weight w (weights sum to 1). */
  acquisition: Array<{ from: number; to: number; weight: number }>;
  /** Seasonal intensity 1 + amplitude·cos(2π(day − peakDay)/365); amplitude 0 means none. */
  season: { amplitude: number; peakDay: number };
}

const flat = { amplitude: 0, peakDay: 0 };

export const REGIMES: Regime[] = [
  {
    name: "weekly-consumables",
    storeDays: 730 + 365,
    cutoffs: [450, 600, 730],
    customers: 3000,
    products: [
      { id: "milk", cycleDays: 7, weight: 0.6 },
      { id: "coffee", cycleDays: 14, weight: 0.4 },
    ],
    cycleSpread: 0.3,
    gapNoise: 0.35,
    oneTimeShare: 0.3,
    dropout: { a: 1, b: 25 },
    doubleShare: 0.15,
    acquisition: [{ from: 0, to: 1095, weight: 1 }],
    season: flat,
  },
  {
    name: "monthly-beauty",
    storeDays: 730 + 365,
    cutoffs: [450, 600, 730],
    customers: 3000,
    products: [
      { id: "serum", cycleDays: 30, weight: 0.5 },
      { id: "cream", cycleDays: 45, weight: 0.3 },
      { id: "mask", cycleDays: 21, weight: 0.2 },
    ],
    cycleSpread: 0.3,
    gapNoise: 0.4,
    oneTimeShare: 0.35,
    dropout: { a: 1, b: 10 },
    doubleShare: 0.2,
    acquisition: [{ from: 0, to: 1095, weight: 1 }],
    season: flat,
  },
  {
    name: "yearly-apparel",
    storeDays: 1460 + 365,
    cutoffs: [1100, 1280, 1460],
    customers: 3000,
    products: [
      { id: "coat", cycleDays: 365, weight: 0.5 },
      { id: "jeans", cycleDays: 180, weight: 0.5 },
    ],
    cycleSpread: 0.3,
    gapNoise: 0.4,
    oneTimeShare: 0.5,
    dropout: { a: 1, b: 4 },
    doubleShare: 0.1,
    acquisition: [{ from: 0, to: 1825, weight: 1 }],
    season: flat,
  },
  {
    // Most customers acquired 3–6 months before the last cutoff (the store launched and grew fast).
    name: "young-store",
    storeDays: 300 + 365,
    cutoffs: [240, 270, 300],
    customers: 3000,
    products: [
      { id: "serum", cycleDays: 30, weight: 0.6 },
      { id: "shampoo", cycleDays: 60, weight: 0.4 },
    ],
    cycleSpread: 0.3,
    gapNoise: 0.4,
    oneTimeShare: 0.35,
    dropout: { a: 1, b: 8 },
    doubleShare: 0.15,
    acquisition: [
      { from: 0, to: 120, weight: 0.1 },
      { from: 120, to: 210, weight: 0.75 },
      { from: 210, to: 665, weight: 0.15 },
    ],
    season: flat,
  },
  {
    // Customers acquired in the first year and a half of a four-year history; most have lapsed by the cutoffs.
    name: "mature-lapsed",
    storeDays: 1460 + 365,
    cutoffs: [1280, 1370, 1460],
    customers: 3000,
    products: [
      { id: "tea", cycleDays: 45, weight: 0.5 },
      { id: "teapot-filter", cycleDays: 90, weight: 0.5 },
    ],
    cycleSpread: 0.35,
    gapNoise: 0.45,
    oneTimeShare: 0.3,
    dropout: { a: 2, b: 12 },
    doubleShare: 0.1,
    acquisition: [
      { from: 0, to: 550, weight: 0.9 },
      { from: 550, to: 1825, weight: 0.1 },
    ],
    season: flat,
  },
  {
    name: "one-timers",
    storeDays: 730 + 365,
    cutoffs: [450, 600, 730],
    customers: 3000,
    products: [
      { id: "gadget", cycleDays: 90, weight: 0.7 },
      { id: "refill", cycleDays: 45, weight: 0.3 },
    ],
    cycleSpread: 0.4,
    gapNoise: 0.5,
    oneTimeShare: 0.85,
    dropout: { a: 1, b: 5 },
    doubleShare: 0.1,
    acquisition: [{ from: 0, to: 1095, weight: 1 }],
    season: flat,
  },
  {
    // Gifts and holiday stock-ups: ordering intensity peaks each late November (day 330 of the store's year).
    name: "seasonal-peaks",
    storeDays: 1095 + 365,
    cutoffs: [800, 950, 1095],
    customers: 3000,
    products: [
      { id: "candles", cycleDays: 90, weight: 0.6 },
      { id: "gift-box", cycleDays: 180, weight: 0.4 },
    ],
    cycleSpread: 0.3,
    gapNoise: 0.4,
    oneTimeShare: 0.45,
    dropout: { a: 1, b: 6 },
    doubleShare: 0.1,
    acquisition: [{ from: 0, to: 1460, weight: 1 }],
    season: { amplitude: 0.8, peakDay: 330 },
  },
];

export function regimeNamed(name: string): Regime | undefined {
  return REGIMES.find((r) => r.name === name);
}
