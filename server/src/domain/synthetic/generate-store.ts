import { sampleGamma, seededRandom } from "../btyd/simulate.js";
import type { PurchaseDay } from "../timing/purchase-days.js";
import type { Regime } from "./regimes.js";

/** What the generator decided for one customer (the ground truth the harness scores against). */
export interface CustomerTruth {
  productId: string;
  /** Personal median days one unit lasts (in the store's seasonal "operational" time). */
  cycleDays: number;
  oneTimer: boolean;
  /** Per-order dropout probability (0 for one-timers, who leave at once). */
  dropoutP: number;
  /** Day of the order after which the customer left; null if still buying at the end of the history. */
  leftAfterDay: number | null;
}

export interface SyntheticCustomer {
  id: string;
  /** Every purchase day over the whole simulated history, in day indexes (days since 1970-01-01). */
  days: PurchaseDay[];
  truth: CustomerTruth;
}

export interface SyntheticStore {
  regime: Regime;
  /** Day index of the store's first day; regime cutoffs are offsets from it. */
  startDay: number;
  customers: SyntheticCustomer[];
}

/** 2022-01-01: a fixed start so a regime's cutoffs are the same dates in every run. */
export const DEFAULT_START_DAY = 18993;
const UNIT_PRICE = 20;

/** A deterministic synthetic store: same regime, seed and size give the same customers and orders. */
export function generateStore(
  regime: Regime,
  seed: number,
  customers = regime.customers,
  startDay = DEFAULT_START_DAY,
): SyntheticStore {
  const rand = seededRandom(seed);
  const out: SyntheticCustomer[] = [];
  for (let i = 0; i < customers; i++) out.push(generateCustomer(regime, `${regime.name}-${i}`, rand, startDay));
  return { regime, startDay, customers: out };
}

function generateCustomer(regime: Regime, id: string, rand: () => number, startDay: number): SyntheticCustomer {
  const product = pickProduct(regime, rand);
  const cycleDays = product.cycleDays * Math.exp(regime.cycleSpread * normal(rand));
  const oneTimer = rand() < regime.oneTimeShare;
  const dropoutP = oneTimer ? 0 : beta(regime.dropout.a, regime.dropout.b, rand);
  const end = regime.storeDays;
  let day = acquisitionDay(regime, rand);
  const days: PurchaseDay[] = [];
  let leftAfterDay: number | null = null;
  for (;;) {
    const units = rand() < regime.doubleShare ? 2 : 1;
    days.push(purchaseDay(startDay + day, product.id, units, rand));
    if (oneTimer || (days.length > 1 && rand() < dropoutP)) {
      leftAfterDay = startDay + day;
      break;
    }
    const next = day + calendarGap(regime, day, units * cycleDays * Math.exp(regime.gapNoise * normal(rand)));
    if (next >= end) break;
    day = next;
  }
  return { id, days, truth: { productId: product.id, cycleDays, oneTimer, dropoutP, leftAfterDay } };
}

function pickProduct(regime: Regime, rand: () => number) {
  let u = rand();
  for (const p of regime.products) {
    u -= p.weight;
    if (u < 0) return p;
  }
  return regime.products[regime.products.length - 1];
}

/** Acquisition day from the regime's mixture, thinned by the season so new customers also arrive at peaks. */
function acquisitionDay(regime: Regime, rand: () => number): number {
  for (;;) {
    let u = rand();
    const part =
      regime.acquisition.find((a) => {
        u -= a.weight;
        return u < 0;
      }) ?? regime.acquisition[regime.acquisition.length - 1];
    const day = Math.floor(part.from + rand() * (part.to - part.from));
    if (rand() * (1 + regime.season.amplitude) <= intensity(regime, day)) return Math.min(day, regime.storeDays - 1);
  }
}

export function intensity(regime: Regime, day: number): number {
  const { amplitude, peakDay } = regime.season;
  return 1 + amplitude * Math.cos((2 * Math.PI * (day - peakDay)) / 365);
}

/** Calendar days for a gap of `operational` days: time runs faster at seasonal peaks (a time change). */
function calendarGap(regime: Regime, from: number, operational: number): number {
  if (regime.season.amplitude === 0) return Math.max(1, Math.round(operational));
  let acc = 0,
    d = from;
  while (acc < operational) acc += intensity(regime, ++d);
  return Math.max(1, d - from);
}

function purchaseDay(day: number, productId: string, units: number, rand: () => number): PurchaseDay {
  return {
    day,
    amount: Math.round(units * UNIT_PRICE * Math.exp(0.2 * normal(rand)) * 100) / 100,
    quantities: new Map([[productId, units]]),
    titles: new Map([[productId, { title: productId, variantId: null }]]),
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

function beta(a: number, b: number, rand: () => number): number {
  const x = sampleGamma(a, rand),
    y = sampleGamma(b, rand);
  return x / (x + y);
}
