import type {
  CustomerPrediction,
  DueProduct,
  Lifecycle,
  PurchaseState,
  VisitState,
} from "../../domain/timing/prediction.js";
import type { CustomerPredictionsTable } from "../tables/timing.tables.js";

/** CustomerPrediction ⇄ customer_predictions row (the only place that knows the column layout). */
export function toPredictionRow(shop: string, p: CustomerPrediction): CustomerPredictionsTable {
  return {
    shop_domain: shop,
    customer_id: p.customerId,
    order_count: p.orderCount,
    first_order_at: p.firstOrderAt.toISOString(),
    last_order_at: p.lastOrderAt.toISOString(),
    cycle_days: p.cycleDays,
    cycle_spread_days: p.cycleSpreadDays,
    due_early: p.dueWindow?.early.toISOString() ?? null,
    due_likely: p.dueWindow?.likely.toISOString() ?? null,
    due_late: p.dueWindow?.late.toISOString() ?? null,
    churn_risk: p.churnRisk,
    p_alive: p.pAlive,
    p_active: p.pActive ?? null,
    expected_orders_90d: p.expectedOrders90d,
    p_order_90d: p.pOrder90d ?? null,
    next_order_horizon_days: p.nextOrder?.horizonDays ?? null,
    next_order_early: p.nextOrder?.window?.early.toISOString() ?? null,
    next_order_likely: p.nextOrder?.window?.likely.toISOString() ?? null,
    next_order_late: p.nextOrder?.window?.late.toISOString() ?? null,
    average_order_value: p.averageOrderValue,
    clv: p.clv,
    rfm_recency: p.rfm.recency,
    rfm_frequency: p.rfm.frequency,
    rfm_monetary: p.rfm.monetary,
    rfm_group: p.rfm.group,
    segment_key: p.segment.key,
    lifecycle: p.segment.lifecycle,
    purchase_state: p.segment.purchase,
    visit_state: p.segment.visit,
    reason_en: p.reason.en,
    reason_ko: p.reason.ko,
    due_products: JSON.stringify(p.dueProducts),
    computed_at: p.computedAt.toISOString(),
  };
}

/** The stored outlook: a window when all three ends are stored, else "not expected within the horizon". */
function nextOrderOf(r: CustomerPredictionsTable): NonNullable<CustomerPrediction["nextOrder"]> {
  const window =
    r.next_order_early && r.next_order_likely && r.next_order_late
      ? {
          early: new Date(r.next_order_early),
          likely: new Date(r.next_order_likely),
          late: new Date(r.next_order_late),
        }
      : null;
  return { horizonDays: Number(r.next_order_horizon_days), window };
}

export function fromPredictionRow(r: CustomerPredictionsTable): CustomerPrediction {
  const date = (s: string) => new Date(s);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    customerId: r.customer_id,
    orderCount: Number(r.order_count),
    firstOrderAt: date(r.first_order_at),
    lastOrderAt: date(r.last_order_at),
    cycleDays: num(r.cycle_days),
    cycleSpreadDays: num(r.cycle_spread_days),
    dueWindow:
      r.due_early && r.due_likely && r.due_late
        ? { early: date(r.due_early), likely: date(r.due_likely), late: date(r.due_late) }
        : null,
    churnRisk: Number(r.churn_risk),
    pAlive: Number(r.p_alive),
    ...(r.p_active === null ? {} : { pActive: Number(r.p_active) }),
    expectedOrders90d: Number(r.expected_orders_90d),
    ...(r.p_order_90d === null ? {} : { pOrder90d: Number(r.p_order_90d) }),
    ...(r.next_order_horizon_days === null ? {} : { nextOrder: nextOrderOf(r) }),
    averageOrderValue: Number(r.average_order_value),
    clv: Number(r.clv),
    rfm: {
      recency: Number(r.rfm_recency),
      frequency: Number(r.rfm_frequency),
      monetary: Number(r.rfm_monetary),
      group: r.rfm_group,
    },
    segment: {
      key: r.segment_key,
      lifecycle: r.lifecycle as Lifecycle,
      purchase: r.purchase_state as PurchaseState,
      visit: r.visit_state as VisitState,
    },
    reason: { en: r.reason_en, ko: r.reason_ko },
    dueProducts: (JSON.parse(r.due_products) as Array<Omit<DueProduct, "dueAt"> & { dueAt: string }>).map((d) => ({
      ...d,
      dueAt: date(d.dueAt),
    })),
    computedAt: date(r.computed_at),
  };
}
