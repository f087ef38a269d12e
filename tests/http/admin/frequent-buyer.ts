// A frequent buyer for the customer page: hundreds of orders over three calendar years, each with several lines,
// some cancelled or partly refunded, so the summary's totals and the timeline's pages are checkable by hand.
import type { Db } from "../../../server/src/db/database.js";
import { NOW, predictionRow } from "./fixtures.js";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

export const FREQUENT_BUYER = "a9";
export const FREQUENT_ORDERS = 240;

/** Order i (0 = oldest) of the frequent buyer: every 5 days up to 2 days before NOW, every 20th cancelled. */
export function frequentOrder(i: number) {
  return {
    id: `${FREQUENT_BUYER}-o${String(i + 1).padStart(3, "0")}`,
    name: `#F${i + 1}`,
    days: -2 - (FREQUENT_ORDERS - 1 - i) * 5,
    total: 40 + (i % 7) * 5,
    refunded: i % 25 === 3 ? 10 : 0,
    cancelled: i % 20 === 7,
  };
}

export async function seedFrequentBuyer(db: Db, shop: string): Promise<void> {
  await db
    .insertInto("customers")
    .values({
      shop_domain: shop,
      customer_id: FREQUENT_BUYER,
      email: `frequent@${shop}`,
      first_name: "Haeun",
      last_name: "Jung",
      locale: "ko",
      created_at: at(-1300),
      updated_at: at(-1300),
    })
    .execute();
  for (let i = 0; i < FREQUENT_ORDERS; i++) {
    const o = frequentOrder(i);
    await db
      .insertInto("orders")
      .values({
        shop_domain: shop,
        order_id: o.id,
        customer_id: FREQUENT_BUYER,
        name: o.name,
        processed_at: at(o.days),
        updated_at: at(o.days),
        cancelled_at: o.cancelled ? at(o.days) : null,
        test: 0,
        total_price: o.total,
        refunded_total: o.refunded,
        currency: "USD",
        discount_codes: "[]",
        excluded_reason: o.cancelled ? "cancelled" : null,
      })
      .execute();
    const titles = ["Single-origin coffee beans 1 kg", "Oat milk 6-pack", "Paper filters (100)", "Ceramic dripper"];
    await db
      .insertInto("order_lines")
      .values(
        titles.map((title, n) => ({
          shop_domain: shop,
          order_id: o.id,
          line_no: n + 1,
          product_id: `p${n}`,
          variant_id: null,
          title,
          quantity: 1 + n,
          price: o.total / 10,
        })),
      )
      .execute();
  }
  const counted = Array.from({ length: FREQUENT_ORDERS }, (_, i) => frequentOrder(i)).filter((o) => !o.cancelled);
  await db
    .insertInto("customer_predictions")
    .values(
      predictionRow(shop, {
        id: FREQUENT_BUYER,
        first: "Haeun",
        last: "Jung",
        orders: counted,
        prediction: {
          segment_key: "repeat:active",
          lifecycle: "repeat",
          purchase_state: "active",
          cycle_days: 5,
          cycle_spread_days: 2,
          due_early: at(1),
          due_likely: at(3),
          due_late: at(50),
          clv: 2400,
          rfm_group: "Champions",
        },
      }),
    )
    .execute();
}
