import { bgnbdConditionalExpected, bgnbdPAlive } from "../btyd/bgnbd.js";
import { customerLifetimeValue } from "../btyd/clv.js";
import { gammaGammaExpectedSpend } from "../btyd/gamma-gamma.js";
import { scoreRfm } from "../segments/rfm.js";
import { purchaseState, segmentFor, visitState, type VisitSummary } from "../segments/visit-purchase-grid.js";
import { calibratedPredictive } from "./calibration.js";
import { addDays, dayIndex, DAY_MS } from "./days.js";
import { dueProducts } from "./due-products.js";
import { gapMode, gapQuantile } from "./gap-model.js";
import { expectedOrders } from "./expected-orders.js";
import { btydSummary } from "./fit-store-model.js";
import { validateHistory, type CustomerHistory } from "./history.js";
import type { CustomerPrediction } from "./prediction.js";
import { toPurchaseDays, type PurchaseDay } from "./purchase-days.js";
import { customerOutlook } from "./next-order-window.js";
import { reasonLine } from "./reason.js";
import { RANK_HORIZON_DAYS } from "./timing-features.js";
import { usableBgnbd, usableGammaGamma, type StoreModel } from "./store-model.js";

/** CLV horizon: 12 months of 30.4375 days, discounted 1% a month. */
const CLV = { periodLength: 30.4375, periods: 12, discountRate: 0.01 };

/** One customer's prediction from their history and the stored store model; pure and fast (the webhook path). */
export function predictCustomer(
  h: CustomerHistory,
  model: StoreModel,
  now: Date,
  visits?: VisitSummary,
): CustomerPrediction {
  validateHistory(h, now);
  return predictFromDays(h.customerId, toPurchaseDays(h), model, now, visits);
}

/** The same from already merged, validated purchase days (full recomputes and the bench skip the re-merge). */
export function predictFromDays(
  customerId: string,
  days: PurchaseDay[],
  model: StoreModel,
  now: Date,
  visits?: VisitSummary,
): CustomerPrediction {
  const nowDay = dayIndex(now);
  // Read on the store's seasonal clock (customerOutlook, next-order-window.ts; the calendar without a season):
  // the timing figures are in seasonal days, every date and day count shown is mapped back to the calendar.
  const { seasonal, view, outlook: o, calendarGap } = customerOutlook(days, model, nowDay, RANK_HORIZON_DAYS);
  const t = view.timing;
  const window = calibratedPredictive(view, model.calibration);
  const early = gapQuantile(window, 0.1),
    late = gapQuantile(window, 0.9);
  const likely = Math.min(late, Math.max(early, gapMode(window)));
  const last = days[days.length - 1];
  const lastAt = new Date(last.day * DAY_MS);
  const elapsedDays = Math.max(0, nowDay - last.day);
  // The BG/NBD fit is on the model's (seasonal) days too.
  const summary = btydSummary(seasonal, nowDay);
  const bg = usableBgnbd(model);
  const gg = usableGammaGamma(model);
  const total = days.reduce((s, d) => s + d.amount, 0);
  const zbar = days.length > 1 ? (total - days[0].amount) / (days.length - 1) : 0;
  const spend =
    gg && (days.length === 1 || zbar > 0) ? gammaGammaExpectedSpend(gg, summary.x, zbar) : total / days.length;
  const orders365 = bg
    ? bgnbdConditionalExpected(bg, summary, 365)
    : expectedOrders(t.predictive, t.pActive, view.continuation, t.elapsedDays, 365);
  // One model behind every figure on the page (next-order-window.ts): P(order in 90 d) ≤ P(active) and ≤ E[orders],
  // churn risk = 1 − P(active), a next-order window only when the order is expected within the horizon.
  const at = (gap: number) => addDays(lastAt, calendarGap(gap));
  // The usual cycle as the page reads every day count: calendar days, the typical gap counted from the last order.
  const cycleDays = calendarGap(t.gap.median);
  const cycleSpreadDays = model.seasonalClock ? calendarGap(t.gap.median + t.gap.spread) - cycleDays : t.gap.spread;
  // The reason line and the product dues read the outlook, so "due now" never sits beside "not expected".
  const outlookForWords = { horizonDays: RANK_HORIZON_DAYS, pOrder: o.pOrder, expected: o.window !== null };
  // Status, segment and the printed window read the same (calibrated) window: "later than usual" iff past its end.
  const purchase = purchaseState(days.length, t.elapsedDays, late);
  const rfm = scoreRfm({ recencyDays: elapsedDays, frequency: days.length, monetary: total }, model.rfmCuts);
  return {
    customerId,
    orderCount: days.length,
    firstOrderAt: new Date(days[0].day * DAY_MS),
    lastOrderAt: lastAt,
    cycleDays,
    cycleSpreadDays,
    dueWindow: { early: at(early), likely: at(likely), late: at(late) },
    nextOrder: {
      horizonDays: RANK_HORIZON_DAYS,
      window: o.window && { early: at(o.window.early), likely: at(o.window.likely), late: at(o.window.late) },
    },
    churnRisk: 1 - o.pActive,
    pAlive: bg ? bgnbdPAlive(bg, summary) : t.pActive,
    pActive: o.pActive,
    expectedOrders90d: o.expectedOrders,
    pOrder90d: o.pOrder,
    averageOrderValue: total / days.length,
    clv: bg ? customerLifetimeValue(bg, summary, spend, CLV) : spend * orders365,
    rfm,
    segment: segmentFor(days.length, purchase, visitState(visits, now, cycleDays)),
    reason: reasonLine({
      orders: days.length,
      cycleDays,
      spreadDays: cycleSpreadDays,
      elapsedDays,
      earlyDays: calendarGap(early),
      lateDays: calendarGap(late),
      outlook: outlookForWords,
    }),
    dueProducts: dueProducts(days, model.productCycles, nowDay, outlookForWords),
    computedAt: now,
  };
}
