// Two small real shops for the admin API tests (and the browser tests): every number asserted is derivable by hand.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { SignJWT } from "jose";
import type { Express } from "express";
import type { Db } from "../../../server/src/db/database.js";
import type { CustomerPredictionsTable } from "../../../server/src/db/tables/timing.tables.js";

export const NOW = new Date("2026-11-20T12:00:00.000Z");
export const SHOP_A = "alpha.myshopify.com";
export const SHOP_B = "beta.myshopify.com";
export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

/** An App Bridge-style session token; override any claim, or sign with another secret to forge one. */
export async function sessionToken(
  shop: string,
  overrides: Record<string, unknown> = {},
  secret = API_SECRET,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: API_KEY,
    sub: "42",
    exp: now + 60,
    nbf: now - 1,
    iat: now,
    jti: "j",
    sid: "s",
    ...overrides,
  };
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(secret));
}

export interface CustomerSeed {
  id: string;
  first: string;
  last: string;
  orders: Array<{ days: number; total: number; cancelled?: boolean; codes?: string[] }>;
  prediction?: Partial<CustomerPredictionsTable>;
}

const ALPHA: CustomerSeed[] = [
  {
    id: "a1",
    first: "Jane",
    last: "Kim",
    orders: [
      { days: -150, total: 40 },
      { days: -100, total: 50 },
      { days: -20, total: 60, codes: ["WELCOME10"] },
    ],
    prediction: {
      segment_key: "repeat:active",
      lifecycle: "repeat",
      purchase_state: "active",
      due_early: at(2),
      due_likely: at(5),
      due_late: at(12),
      p_alive: 0.9,
      p_active: 0.6,
      clv: 300,
      churn_risk: 0.1,
    },
  },
  {
    id: "a2",
    first: "Minho",
    last: "Lee",
    orders: [
      { days: -120, total: 30 },
      { days: -10, total: 25, cancelled: true },
    ],
    prediction: {
      segment_key: "first:at_risk",
      lifecycle: "first",
      purchase_state: "at_risk",
      due_early: at(-10),
      due_likely: at(-6),
      due_late: at(-1),
      p_alive: 0.4,
      p_order_90d: null,
      clv: 50,
      churn_risk: 0.93,
    },
  },
  {
    id: "a3",
    first: "Sarah",
    last: "Park",
    orders: [
      { days: -300, total: 20 },
      { days: -200, total: 20 },
    ],
    prediction: {
      segment_key: "repeat:inactive",
      lifecycle: "repeat",
      purchase_state: "inactive",
      due_early: at(-60),
      due_likely: at(-45),
      due_late: at(-30),
      p_alive: 0.2,
      clv: 20,
      churn_risk: 0.95,
    },
  },
  { id: "a4", first: "Nobody", last: "Bought", orders: [] },
];

const BETA: CustomerSeed[] = [
  {
    id: "b1",
    first: "Secret",
    last: "Bob",
    orders: [
      { days: -40, total: 99 },
      { days: -5, total: 99 },
    ],
    prediction: {
      segment_key: "repeat:active",
      lifecycle: "repeat",
      purchase_state: "active",
      due_early: at(1),
      due_likely: at(3),
      due_late: at(9),
      p_alive: 0.95,
      clv: 999,
      churn_risk: 0.05,
    },
  },
];

export function predictionRow(shop: string, c: CustomerSeed): CustomerPredictionsTable {
  const counted = c.orders.filter((o) => !o.cancelled);
  return {
    shop_domain: shop,
    customer_id: c.id,
    order_count: counted.length,
    first_order_at: at(counted[0].days),
    last_order_at: at(counted[counted.length - 1].days),
    cycle_days: 40,
    cycle_spread_days: 8,
    due_early: null,
    due_likely: null,
    due_late: null,
    churn_risk: 0.5,
    p_alive: 0.5,
    p_active: null,
    expected_orders_90d: 1.2,
    p_order_90d: 0.42,
    next_order_horizon_days: null,
    next_order_early: null,
    next_order_likely: null,
    next_order_late: null,
    average_order_value: 40,
    clv: 0,
    rfm_recency: 3,
    rfm_frequency: 3,
    rfm_monetary: 3,
    rfm_group: "Loyal",
    segment_key: "",
    lifecycle: "",
    purchase_state: "",
    visit_state: "unknown",
    reason_en: `buys every 40 ± 8 days (${c.first})`,
    reason_ko: `40 ± 8일마다 구매 (${c.first})`,
    due_products: JSON.stringify([
      { productId: "p1", variantId: null, title: "Coffee beans", dueAt: at(5), cycleDays: 30 },
    ]),
    computed_at: at(-1),
    ...c.prediction,
  };
}

async function seedShop(db: Db, shop: string, customers: CustomerSeed[]): Promise<void> {
  await db
    .insertInto("shops")
    .values({ shop_domain: shop, platform: "shopify", installed_at: at(-400), uninstalled_at: null, settings: "{}" })
    .execute();
  for (const c of customers) {
    await db
      .insertInto("customers")
      .values({
        shop_domain: shop,
        customer_id: c.id,
        email: `${c.first.toLowerCase()}@${shop}`,
        first_name: c.first,
        last_name: c.last,
        locale: "en",
        created_at: at(-400),
        updated_at: at(-400),
      })
      .execute();
    for (const [i, o] of c.orders.entries()) {
      const orderId = `${c.id}-o${i + 1}`;
      await db
        .insertInto("orders")
        .values({
          shop_domain: shop,
          order_id: orderId,
          customer_id: c.id,
          name: `#${c.id}${i + 1}`,
          processed_at: at(o.days),
          updated_at: at(o.days),
          cancelled_at: o.cancelled ? at(o.days) : null,
          test: 0,
          total_price: o.total,
          refunded_total: 0,
          currency: "USD",
          discount_codes: JSON.stringify(o.codes ?? []),
          excluded_reason: o.cancelled ? "cancelled" : null,
        })
        .execute();
      await db
        .insertInto("order_lines")
        .values({
          shop_domain: shop,
          order_id: orderId,
          line_no: 1,
          product_id: "p1",
          variant_id: null,
          title: "Coffee beans",
          quantity: 1,
          price: o.total,
        })
        .execute();
    }
    if (c.prediction) await db.insertInto("customer_predictions").values(predictionRow(shop, c)).execute();
  }
}

/** Shop A (4 customers, one without orders) and shop B (1 customer), plus A's messages, coupon and a week-old snapshot. */
export async function seedTwoShops(db: Db): Promise<void> {
  await seedShop(db, SHOP_A, ALPHA);
  await seedShop(db, SHOP_B, BETA);
  const event = (id: string, kind: string, days: number) => ({
    id,
    shop_domain: SHOP_A,
    customer_id: "a1",
    campaign_key: "replenishment",
    kind,
    holdout: 0,
    order_id: null,
    occurred_at: at(days),
  });
  await db
    .insertInto("campaign_events")
    .values([event("e1", "impression", -3), event("e2", "click", -3), event("e3", "assignment", -4)])
    .execute();
  await db
    .insertInto("coupons")
    .values({
      shop_domain: SHOP_A,
      code: "DANGOL-A1",
      customer_id: "a1",
      campaign_key: "win_back",
      occasion: at(-20),
      percent_off: 0.1,
      discount_id: "gid://shopify/DiscountCodeNode/1",
      status: "active",
      issued_at: at(-2),
      expires_at: at(5),
      used_at: null,
    })
    .execute();
  await db
    .insertInto("segment_snapshots")
    .values([
      {
        shop_domain: SHOP_A,
        snapshot_date: at(-8).slice(0, 10),
        segment_key: "repeat:active",
        customers: 3,
        created_at: at(-8),
      },
      {
        shop_domain: SHOP_B,
        snapshot_date: at(-8).slice(0, 10),
        segment_key: "repeat:active",
        customers: 77,
        created_at: at(-8),
      },
    ])
    .execute();
}

export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
