// A planted effect, for showing (and testing) that the app's experiment results find what is really there: a
// shopper's chance of ordering depends only on what the storefront showed them (a variant's banner, or nothing),
// and the order's value follows a known distribution, so each arm's true conversion and revenue are known.
import type { Rng } from "./rng.js";
import type { ShopStore } from "./store.js";
import { round2, type OrderRecord } from "./records.js";

/** The arm of a shopper who saw no banner of the campaign (held out). */
export const NO_BANNER = "holdout";

export interface PlantedTruth {
  /** Chance an assigned shopper orders within `windowDays` of their visit, by the banner variant seen (or NO_BANNER). */
  conversion: Record<string, number>;
  /** Order value: log-normal with this mean and log-scale sigma. */
  meanOrderValue: number;
  orderValueSigma: number;
  /** The order comes 0 … windowDays − 1 days after the visit (uniform): inside the app's attribution window. */
  windowDays: number;
}

export interface PlantedOrder {
  dayOffset: number;
  value: number;
}

/** True revenue per assigned shopper of an arm (at most one planted order each). */
export const trueRevenuePerShopper = (truth: PlantedTruth, arm: string): number =>
  (truth.conversion[arm] ?? 0) * truth.meanOrderValue;

/** Whether (and when, for how much) a shopper who saw `arm` orders; null = no order. */
export function drawPlantedOrder(rng: Rng, truth: PlantedTruth, arm: string): PlantedOrder | null {
  if (rng() >= (truth.conversion[arm] ?? 0)) return null;
  const dayOffset = Math.floor(rng() * truth.windowDays);
  const mu = Math.log(truth.meanOrderValue) - truth.orderValueSigma ** 2 / 2;
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return { dayOffset, value: Math.max(0.01, round2(Math.exp(mu + truth.orderValueSigma * z))) };
}

/**
 * Places the order in the store (orders/create fires, as for any order): one line of a product from the shopper's
 * own history, priced at the planted value, no discount, never refunded.
 */
export function placePlantedOrder(store: ShopStore, customerId: number, value: number, atMs: number): OrderRecord {
  for (const o of store.orders.values()) {
    if (o.customerId !== customerId || o.lines.length === 0) continue;
    const { productId, variantId, title } = o.lines[0];
    const lines = [{ productId, variantId, title, quantity: 1, price: value }];
    return store.createOrder({ customerId, processedAt: atMs, lines }, atMs);
  }
  throw new Error(`Customer ${customerId} of ${store.domain} has no order to take a product from`);
}
