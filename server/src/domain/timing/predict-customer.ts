import { bgnbdConditionalExpected, bgnbdPAlive } from "../btyd/bgnbd.js";
import { customerLifetimeValue } from "../btyd/clv.js";
import { gammaGammaExpectedSpend } from "../btyd/gamma-gamma.js";
import { scoreRfm } from "../segments/rfm.js";
import { purchaseState, segmentFor, visitState, type VisitSummary } from "../segments/visit-purchase-grid.js";
import { calibratedExpectedOrders, calibratedOrderProbability90, calibratedPredictive } from "./calibration.js";
import { addDays, dayIndex, DAY_MS } from "./days.js";
import { dueProducts } from "./due-products.js";
import { gapMode, gapQuantile } from "./gap-model.js";
import { expectedOrders } from "./expected-orders.js";
import { btydSummary } from "./fit-store-model.js";
import { validateHistory, type CustomerHistory } from "./history.js";
import type { CustomerPrediction } from "./prediction.js";
import { toPurchaseDays, type PurchaseDay } from "./purchase-days.js";
import { reasonLine } from "./reason.js";
import { baseView } from "./timing-features.js";
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
  const view = baseView(days, model, nowDay);
  const t = view.timing;
  const window = calibratedPredictive(view, model.calibration);
  const early = gapQuantile(window, 0.1),
    late = gapQuantile(window, 0.9);
  const likely = Math.min(late, Math.max(early, gapMode(window)));
  const last = days[days.length - 1];
  const lastAt = new Date(last.day * DAY_MS);
  const summary = btydSummary(days, nowDay);
  const bg = usableBgnbd(model);
  const gg = usableGammaGamma(model);
  const total = days.reduce((s, d) => s + d.amount, 0);
  const zbar = days.length > 1 ? (total - days[0].amount) / (days.length - 1) : 0;
  const spend =
    gg && (days.length === 1 || zbar > 0) ? gammaGammaExpectedSpend(gg, summary.x, zbar) : total / days.length;
  const orders365 = bg
    ? bgnbdConditionalExpected(bg, summary, 365)
    : expectedOrders(t.predictive, t.pActive, t.piNext, t.elapsedDays, 365);
  const purchase = purchaseState(days.length, t.elapsedDays, t.gap.late);
  const rfm = scoreRfm({ recencyDays: t.elapsedDays, frequency: days.length, monetary: total }, model.rfmCuts);
  return {
    customerId,
    orderCount: days.length,
    firstOrderAt: new Date(days[0].day * DAY_MS),
    lastOrderAt: lastAt,
    cycleDays: t.gap.median,
    cycleSpreadDays: t.gap.spread,
    dueWindow: { early: addDays(lastAt, early), likely: addDays(lastAt, likely), late: addDays(lastAt, late) },
    churnRisk: t.churnRisk,
    pAlive: bg ? bgnbdPAlive(bg, summary) : t.pActive,
    pActive: t.pActive,
    expectedOrders90d: calibratedExpectedOrders(view, model.calibration, 90),
    pOrder90d: calibratedOrderProbability90(view, model.calibration),
    averageOrderValue: total / days.length,
    clv: bg ? customerLifetimeValue(bg, summary, spend, CLV) : spend * orders365,
    rfm,
    segment: segmentFor(days.length, purchase, visitState(visits, now, t.gap.median)),
    reason: reasonLine({
      orders: days.length,
      cycleDays: t.gap.median,
      spreadDays: t.gap.spread,
      elapsedDays: t.elapsedDays,
      earlyDays: t.gap.early,
      lateDays: t.gap.late,
    }),
    dueProducts: dueProducts(days, model.productCycles, nowDay),
    computedAt: now,
  };
}
