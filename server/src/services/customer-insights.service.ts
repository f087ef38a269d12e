import type { Db } from "../db/database.js";
import {
  countCustomers,
  customerOrdersPage,
  customerOrderTotals,
  findCustomerRow,
  findPrediction,
  listCustomerCouponRows,
  listCustomerMessages,
  listCustomers,
  type CustomerListRow,
} from "../db/repositories/customer-insights.repository.js";
import { shopCurrency } from "../db/repositories/dashboard.repository.js";
import { customerProductsWithoutCycle } from "../db/repositories/product-cycle.repository.js";
import { rfmGroupKey } from "../domain/segments/rfm-groups.js";
import { NotFoundError } from "../domain/shared/errors.js";
import {
  CUSTOMER_ORDERS_PAGE_SIZE,
  CUSTOMER_PAGE_SIZE,
  type CustomerDetailResponse,
  type CustomerListQuery,
  type CustomerListResponse,
  type CustomerRow,
  type NextOrderDto,
} from "../contracts/admin-api.js";
import type { CustomerPredictionsTable } from "../db/tables/timing.tables.js";
import { customerName } from "./customer-name.js";

function toRow(r: CustomerListRow): CustomerRow {
  const p = r.prediction;
  return {
    customerId: r.customer_id,
    name: customerName(r),
    email: r.email,
    orderCount: p?.order_count ?? 0,
    lastOrderAt: p?.last_order_at ?? null,
    segmentKey: p?.segment_key ?? null,
    lifecycle: (p?.lifecycle as CustomerRow["lifecycle"]) ?? null,
    purchase: (p?.purchase_state as CustomerRow["purchase"]) ?? null,
    dueWindow:
      p?.due_early && p.due_likely && p.due_late
        ? { early: p.due_early, likely: p.due_likely, late: p.due_late }
        : null,
    pAlive: p ? (p.p_active ?? p.p_alive) : null, // own-cycle chance of being active; BG/NBD's P(alive) is 1 for every one-time buyer
    churnRisk: p?.churn_risk ?? null,
    clv: p?.clv ?? null,
    rfmGroup: p ? rfmGroupKey(p.rfm_group) : null,
    spent: p ? p.order_count * p.average_order_value : null, // the same product the list sorts by
  };
}

/** The stored next-order outlook; null for rows written before it was stored (no horizon). */
function nextOrderOf(p: CustomerPredictionsTable): NextOrderDto | null {
  if (p.next_order_horizon_days === null) return null;
  const window =
    p.next_order_early && p.next_order_likely && p.next_order_late
      ? { early: p.next_order_early, likely: p.next_order_likely, late: p.next_order_late }
      : null;
  return { horizonDays: Number(p.next_order_horizon_days), window };
}

function parseJsonArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** The customer list and the one-customer page, both read-only and scoped to one shop. */
export function createCustomerInsightsService(deps: { db: Db; now?: () => Date }) {
  const clock = deps.now ?? (() => new Date());
  return {
    async list(shop: string, query: CustomerListQuery): Promise<CustomerListResponse> {
      const now = clock();
      const page = query.page ?? 1;
      const [total, rows, currency] = await Promise.all([
        countCustomers(deps.db, shop, query, now),
        listCustomers(deps.db, shop, query, now, CUSTOMER_PAGE_SIZE, (page - 1) * CUSTOMER_PAGE_SIZE),
        shopCurrency(deps.db, shop),
      ]);
      return { customers: rows.map(toRow), page, pageSize: CUSTOMER_PAGE_SIZE, total, currency: currency ?? "USD" };
    },

    /** One customer: summary totals, the prediction, one page of the order timeline (newest first), messages, coupons. */
    async get(shop: string, customerId: string, ordersPage = 1): Promise<CustomerDetailResponse> {
      const pageSize = CUSTOMER_ORDERS_PAGE_SIZE;
      const [customer, p, totals, orders, messages, coupons, currency, withoutCycle] = await Promise.all([
        findCustomerRow(deps.db, shop, customerId),
        findPrediction(deps.db, shop, customerId),
        customerOrderTotals(deps.db, shop, customerId),
        customerOrdersPage(deps.db, shop, customerId, pageSize, (ordersPage - 1) * pageSize),
        listCustomerMessages(deps.db, shop, customerId),
        listCustomerCouponRows(deps.db, shop, customerId),
        shopCurrency(deps.db, shop),
        customerProductsWithoutCycle(deps.db, shop, customerId),
      ]);
      // Same answer for "another shop's customer" and "no such customer": nothing leaks across shops.
      if (!customer) throw new NotFoundError(`Customer ${customerId} not found`);
      const now = clock();
      const dueProducts = p
        ? (parseJsonArray(p.due_products) as Array<{
            productId: string;
            title: string;
            dueAt: string;
            cycleDays: number;
            byUsualCycleOnly?: { horizonDays: number; chance: number };
          }>)
        : [];
      return {
        customer: {
          ...toRow({ ...customer, prediction: p ?? null }),
          cycleDays: p?.cycle_days ?? null,
          cycleSpreadDays: p?.cycle_spread_days ?? null,
          expectedOrders90d: p?.expected_orders_90d ?? null,
          orderChance90d: p?.p_order_90d ?? null,
          nextOrder: p ? nextOrderOf(p) : null,
          averageOrderValue: p?.average_order_value ?? null,
          reason: p ? { en: p.reason_en, ko: p.reason_ko } : null,
          dueProducts: dueProducts.map((d) => ({
            productId: d.productId,
            title: d.title,
            dueAt: String(d.dueAt),
            cycleDays: d.cycleDays,
            overdue: new Date(d.dueAt).getTime() < now.getTime(),
            byUsualCycle: d.byUsualCycleOnly ?? null,
          })),
          productsWithoutCycle: withoutCycle,
          computedAt: p?.computed_at ?? null,
        },
        currency: currency ?? "USD",
        totals: {
          spent: totals.spent,
          orders: totals.orders,
          averageOrder: totals.orders > 0 ? totals.spent / totals.orders : null,
          firstOrderAt: totals.first,
          lastOrderAt: totals.last,
        },
        orders: orders.orders.map((o) => ({
          orderId: o.order_id,
          name: o.name,
          processedAt: new Date(o.processed_at).toISOString(),
          totalPrice: Number(o.total_price),
          refundedTotal: Number(o.refunded_total),
          currency: o.currency,
          discountCodes: parseJsonArray(o.discount_codes).map(String),
          excludedReason: o.excluded_reason,
          lines: o.lines.map((l) => ({ title: l.title, quantity: Number(l.quantity), price: Number(l.price) })),
        })),
        ordersPage: { page: ordersPage, pageSize, total: orders.total },
        messages: messages.map((m) => ({ campaign: m.campaign_key ?? "", kind: m.kind, at: m.occurred_at })),
        coupons: coupons.map((c) => ({
          code: c.code,
          campaign: c.campaign_key,
          expiresAt: c.expires_at,
          status: c.used_at ? "used" : c.status === "active" && new Date(c.expires_at) < now ? "expired" : c.status,
        })),
      };
    },
  };
}

export type CustomerInsightsService = ReturnType<typeof createCustomerInsightsService>;
