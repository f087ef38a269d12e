// Timing engine benchmarks (plain tsx script, run by `npm run bench`; never part of the timed test suite).
//  1. BG/NBD fit on CDNOW (lifetimes 0.11.3 takes 190 ms on this machine class; goal < 150 ms).
//  2. Full recompute (store model + every customer's prediction) on Online Retail II 2009-2010.
//  3. The same on a synthetic 1,000,000-customer store simulated from the BG/NBD fitted on Online Retail (goal < 60 s).
// Recompute times are domain time (fit + predict); database writes are not included.
import { readFileSync } from "node:fs";
import { fitBgnbd } from "../../server/src/domain/btyd/bgnbd-fit.js";
import { sampleGamma, seededRandom, simulateBgnbdCustomer } from "../../server/src/domain/btyd/simulate.js";
import { dayIndex } from "../../server/src/domain/timing/days.js";
import { fitStoreModelFromDays } from "../../server/src/domain/timing/fit-store-model.js";
import { predictFromDays } from "../../server/src/domain/timing/predict-customer.js";
import type { PurchaseDay } from "../../server/src/domain/timing/purchase-days.js";
import { toPurchaseDays } from "../../server/src/domain/timing/purchase-days.js";
import { readOnlineRetail, toHistories } from "../../server/src/cli/online-retail.js";
import { fixturePath, ONLINE_RETAIL_2009_10 } from "../helpers/fixtures.js";

const LIFETIMES_FIT_MS = 190;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function recompute(customers: PurchaseDay[][], now: Date): { seconds: number; fitSeconds: number } {
  const t0 = performance.now();
  const model = fitStoreModelFromDays(customers, now);
  const t1 = performance.now();
  let checksum = 0;
  for (let i = 0; i < customers.length; i++)
    checksum += predictFromDays(String(i), customers[i], model, now).expectedOrders90d;
  if (!Number.isFinite(checksum)) throw new Error("non-finite predictions");
  return { seconds: (performance.now() - t0) / 1000, fitSeconds: (t1 - t0) / 1000 };
}

// 1. CDNOW fit
const cdnow = readFileSync(fixturePath("cdnow/cdnow_customers_summary.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(",").map(Number))
  .map(([, x, tx, T]) => ({ x, tx, T }));
for (let i = 0; i < 3; i++) fitBgnbd(cdnow);
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  fitBgnbd(cdnow);
  times.push(performance.now() - t);
}
const fitMs = median(times);
console.log(
  `fit_cdnow_ms median of 15: ${fitMs.toFixed(1)} (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
);
console.log(`ratio fit_cdnow_ms ${fitMs.toFixed(1)}`);
console.log(`ratio fit_cdnow_vs_lifetimes ${(fitMs / LIFETIMES_FIT_MS).toFixed(3)}`);

// 2. Online Retail II
const now = new Date("2010-12-10T00:00:00Z");
const retail = toHistories(await readOnlineRetail(ONLINE_RETAIL_2009_10, new Date())).map(toPurchaseDays);
const r = recompute(retail, now);
console.log(
  `recompute_online_retail_s ${r.seconds.toFixed(2)} (${retail.length} customers, fit ${r.fitSeconds.toFixed(2)} s)`,
);
console.log(`ratio recompute_online_retail_s ${r.seconds.toFixed(2)}`);

// 3. Synthetic 1M-customer store from the Online Retail BG/NBD and Gamma-Gamma fits (days)
const retailModel = fitStoreModelFromDays(retail, now);
const params = retailModel.bgnbd!.params;
const spend = retailModel.gammaGamma!.params;
const rand = seededRandom(42);
const nowDay = dayIndex(now);
const noMap = new Map<string, never>();
const customers: PurchaseDay[][] = new Array(1_000_000);
let orders = 0;
const g0 = performance.now();
for (let i = 0; i < customers.length; i++) {
  const age = 1 + Math.floor(rand() * 1800);
  const birth = nowDay - age;
  let last = -1;
  const days: PurchaseDay[] = [];
  const nu = sampleGamma(spend.q, rand) / spend.gamma;
  for (const t of simulateBgnbdCustomer(params, age - 1, rand, 400)) {
    const day = birth + Math.floor(t);
    if (day === last) continue;
    days.push({ day, amount: sampleGamma(spend.p, rand) / nu, quantities: noMap, titles: noMap });
    last = day;
  }
  orders += days.length;
  customers[i] = days;
}
console.log(
  `synthetic store: ${customers.length} customers, ${orders} orders (BG/NBD r ${params.r.toFixed(3)}, alpha ${params.alpha.toFixed(1)} d, a ${params.a.toExponential(2)}, b ${params.b.toFixed(1)}; GG p ${spend.p.toFixed(2)}, q ${spend.q.toFixed(2)}, gamma ${spend.gamma.toFixed(0)}), generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
);
const big = recompute(customers, now);
console.log(
  `recompute_1m_s ${big.seconds.toFixed(1)} (fit ${big.fitSeconds.toFixed(1)} s on a ${Math.min(customers.length, 200_000)}-customer sample)`,
);
console.log(`ratio recompute_1m_s ${big.seconds.toFixed(1)}`);
console.log(`ratio recompute_1m_vs_goal_60s ${(big.seconds / 60).toFixed(3)}`);
