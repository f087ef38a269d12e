import { bgnbdConditionalExpected, bgnbdPAlive, type BgNbdParams } from "../btyd/bgnbd.js";
import { customerTiming, type CustomerTiming } from "./customer-timing.js";
import { expectedOrders, probOrderWithin, type Continuation } from "./expected-orders.js";
import { storeRetentionChain } from "./retention-chain.js";
import type { PurchaseDay } from "./purchase-days.js";
import type { TimingBase } from "./store-model.js";

/** The label horizon of the ranker and the validation horizon of the calibration, in days. */
export const RANK_HORIZON_DAYS = 90;

/** The uncalibrated view of one customer that every calibration step reads (learning and applying use the same). */
export interface BaseView {
  timing: CustomerTiming;
  /** Recency × frequency cell for the expected-orders factor. */
  cell: number;
  /** Features for the P(order in 90 d) ranker. */
  features: number[];
  /** Days since the first order (BTYD's T). */
  tenureDays: number;
  /** Whether orders after the next one keep coming: the store's retention chain from this customer's count. */
  continuation: Continuation;
}

/** Index of logit(base model's P(order within 90 d)) in BaseView.features: the score the ranker stacks on. */
export const BASE_PROBABILITY_FEATURE = 0;

const FREQ_EDGES = [1, 2, 4, 9];
const RECENCY_EDGES = [30, 90, 180];
export const CELLS = (FREQ_EDGES.length + 1) * (RECENCY_EDGES.length + 1);

export function cellOf(purchaseDays: number, elapsedDays: number): number {
  const f = FREQ_EDGES.filter((e) => purchaseDays > e).length;
  const r = RECENCY_EDGES.filter((e) => elapsedDays > e).length;
  return f * (RECENCY_EDGES.length + 1) + r;
}

/**
 * BG/NBD enters as features whenever a fit exists (degenerate or not: P(alive) and E[Y] stay finite),
 * so the ranker sees the same inputs in the backtest and in production.
 */
export function baseView(days: PurchaseDay[], model: TimingBase, nowDay: number): BaseView {
  const t = customerTiming(days, model, nowDay);
  const first = days[0].day;
  const total = days.reduce((s, d) => s + d.amount, 0);
  const bg: BgNbdParams | null = model.bgnbd?.params ?? null;
  const s = {
    x: days.length - 1,
    tx: days[days.length - 1].day - first,
    T: Math.max(nowDay - first, days[days.length - 1].day - first),
  };
  const pAlive = bg ? bgnbdPAlive(bg, s) : t.pActive;
  const bgOrders = bg ? bgnbdConditionalExpected(bg, s, RANK_HORIZON_DAYS) : 0;
  const p90 = probOrderWithin(t.predictive, t.pActive, t.elapsedDays, RANK_HORIZON_DAYS);
  const continuation: Continuation = {
    chain: storeRetentionChain(model),
    purchaseDays: days.length,
  };
  const ours = expectedOrders(t.predictive, t.pActive, continuation, t.elapsedDays, RANK_HORIZON_DAYS);
  const features = [
    logit(p90),
    Math.log(ours + 0.01),
    logit(pAlive),
    Math.log(safe(bgOrders) + 0.01),
    Math.log(days.length),
    Math.log1p(t.elapsedDays),
    Math.log1p(s.T),
    Math.log((t.elapsedDays + 1) / Math.max(t.gap.median, 1)),
    Math.log1p(Math.max(total / days.length, 0)),
    t.churnRisk,
  ];
  return { timing: t, cell: cellOf(days.length, t.elapsedDays), features, tenureDays: s.T, continuation };
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, safe(p)));
  return Math.log(q / (1 - q));
}

function safe(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
