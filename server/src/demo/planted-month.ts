// A month of one campaign played through the product, with a planted true effect per arm. Each day some of the
// simulated shop's shoppers are decided (the publish a refit runs), come to the storefront and ask for their
// decision through the signed app proxy, as the theme's script does, and send the impression beacon of the variant
// they were shown. Whether they then order depends only on what they saw (planted-orders.ts); their orders are
// placed in the simulator and reach the app by its order webhooks. The results are read as the admin reads them.
import { randomUUID } from "node:crypto";
import { signAppProxyQuery } from "../simulator/index.js";
import { createRng } from "../simulator/rng.js";
import { drawPlantedOrder, NO_BANNER, placePlantedOrder, type PlantedTruth } from "../simulator/planted-orders.js";
import type { ShopStore } from "../simulator/store.js";
import type { ExperimentResults } from "../services/experiment-results.js";
import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import { demoShopperAddress } from "./demo-visits.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface PlantedMonthDeps {
  appBaseUrl: string;
  shop: string;
  apiSecret: string;
  /** The simulator's shop, where the orders are placed. */
  store: ShopStore;
  /** Moves the app's clock (publisher, storefront, recompute) to this instant of the simulated month. */
  setClock(at: Date): void;
  /** Decides these shoppers now (what a refit's publish does for the customers it re-predicted). */
  publish(customerIds: string[]): Promise<unknown>;
  /** Resolves once every order webhook sent so far is applied (with the republish it triggers). */
  settle(): Promise<void>;
  /** The campaign's results, through the service the admin's results page uses. */
  results(): Promise<ExperimentResults>;
}

export interface PlantedMonthOptions {
  campaign: string;
  /** Midnight (UTC) of the first day. */
  start: Date;
  /** Days on which shoppers arrive; orders run on `truth.windowDays` longer. */
  days: number;
  /** Customer ids of the simulated shop: each arrives once, on a random day. */
  shoppers: string[];
  truth: PlantedTruth;
  seed: number;
  /** Read the results at the end of every day, as a merchant who checks daily. */
  dailyLooks?: boolean;
}

export interface PlantedMonthRun {
  /** Shoppers by what they saw ("holdout" = no banner of the campaign). */
  seen: Record<string, number>;
  /** Planted orders by arm seen. */
  orders: Record<string, number>;
  impressions: number;
  looks: Array<{ day: number; results: ExperimentResults }>;
  final: ExperimentResults;
}

async function visit(deps: PlantedMonthDeps, campaign: string, customerId: string): Promise<string> {
  const query = () => signAppProxyQuery({ shop: deps.shop, loggedInCustomerId: customerId }, deps.apiSecret);
  const headers = { "x-forwarded-for": demoShopperAddress(customerId) };
  const res = await fetch(`${deps.appBaseUrl}/apps/dangol/decision?${query()}`, { headers });
  if (!res.ok) throw new Error(`decision for ${customerId}: HTTP ${res.status}`);
  const banner = ((await res.json()) as StorefrontDecision).banner;
  if (!banner || banner.campaign !== campaign) return NO_BANNER;
  const variant = banner.variant ?? "a";
  const body = JSON.stringify({ kind: "impression", campaign, variant, pageView: randomUUID() });
  const beacon = await fetch(`${deps.appBaseUrl}/apps/dangol/events?${query()}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body,
  });
  if (beacon.status !== 204) throw new Error(`impression of ${customerId}: HTTP ${beacon.status}`);
  return variant;
}

/** Visits, 16 at a time; the arms come back in the shoppers' order (so the seeded draws are reproducible). */
async function visitAll(deps: PlantedMonthDeps, campaign: string, ids: string[]): Promise<string[]> {
  const arms = new Array<string>(ids.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < ids.length; i = next++) arms[i] = await visit(deps, campaign, ids[i]);
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return arms;
}

export async function playPlantedMonth(deps: PlantedMonthDeps, o: PlantedMonthOptions): Promise<PlantedMonthRun> {
  const rng = createRng(o.seed);
  const arrivals = Array.from({ length: o.days }, () => [] as string[]);
  for (const id of o.shoppers) arrivals[Math.floor(rng() * o.days)].push(id);
  const due = new Map<number, Array<{ customerId: string; value: number }>>();
  const run: PlantedMonthRun = { seen: {}, orders: {}, impressions: 0, looks: [], final: undefined! };
  for (let day = 0; day < o.days + o.truth.windowDays; day++) {
    const midnight = o.start.getTime() + day * DAY;
    if (day < o.days) {
      deps.setClock(new Date(midnight + 9 * HOUR));
      await deps.publish(arrivals[day]);
      const arms = await visitAll(deps, o.campaign, arrivals[day]);
      for (const [i, arm] of arms.entries()) {
        run.seen[arm] = (run.seen[arm] ?? 0) + 1;
        if (arm !== NO_BANNER) run.impressions++;
        const order = drawPlantedOrder(rng, o.truth, arm);
        if (!order) continue;
        run.orders[arm] = (run.orders[arm] ?? 0) + 1;
        const list = due.get(day + order.dayOffset) ?? [];
        list.push({ customerId: arrivals[day][i], value: order.value });
        due.set(day + order.dayOffset, list);
      }
    }
    // Orders between 10:00 and 18:00 (after the morning's visits), read at 20:00.
    deps.setClock(new Date(midnight + 20 * HOUR));
    for (const p of due.get(day) ?? [])
      placePlantedOrder(deps.store, Number(p.customerId), p.value, midnight + 10 * HOUR + rng() * 8 * HOUR);
    await deps.settle();
    if (o.dailyLooks) run.looks.push({ day, results: await deps.results() });
  }
  run.final = await deps.results();
  return run;
}
