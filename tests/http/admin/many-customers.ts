// A shop of many customers with every RFM group, churn band and due window (their edges included), for the
// customer list's filter, sort and paging tests. Deterministic: the same rows on every run and database.
import type { Db } from "../../../server/src/db/database.js";
import type { CustomerPredictionsTable } from "../../../server/src/db/tables/timing.tables.js";
import { RFM_GROUPS } from "../../../server/src/domain/segments/rfm-groups.js";
import { NOW, predictionRow } from "./fixtures.js";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const GROUP_NAMES = Object.values(RFM_GROUPS) as string[];
const FIRST_NAMES = ["Ana", "Bo", "Cy", "Dee", "Eun"];

export interface ManyCustomer {
  id: string;
  first: string;
  last: string;
  /** null: no prediction yet (in no band, last in every sort). */
  p: CustomerPredictionsTable | null;
}

export function manyCustomers(shop: string, count: number): ManyCustomer[] {
  let state = 7;
  const rand = () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
  // Exact band and window edges first, then random values.
  const risks = [0, 0.5, 0.9, 0.899999, 1];
  const opens = [0, 7, 30, -0.0001, 6.9999, 29.9999];
  return Array.from({ length: count }, (_, i) => {
    const id = `c${String(i).padStart(3, "0")}`;
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = id.toUpperCase();
    if (i % 17 === 16) return { id, first, last, p: null };
    const early = i < opens.length ? opens[i] : Math.round((rand() * 120 - 60) * 10) / 10;
    const late = early + (i % 3 === 0 ? 0.5 : 5 + rand() * 20);
    const p = predictionRow(shop, { id, first, last, orders: [{ days: -400, total: 1 }] });
    Object.assign(p, {
      order_count: 1 + Math.floor(rand() * 9),
      average_order_value: Math.round(rand() * 20_000) / 100,
      last_order_at: at(-Math.floor(rand() * 300)),
      due_early: at(early),
      due_likely: at(early + 1),
      due_late: at(late),
      churn_risk: i < risks.length ? risks[i] : Math.round(rand() * 1000) / 1000,
      p_active: rand(),
      clv: Math.round(rand() * 50_000) / 100,
      rfm_recency: 1 + Math.floor(rand() * 5),
      rfm_frequency: 1 + Math.floor(rand() * 5),
      rfm_monetary: 1 + Math.floor(rand() * 5),
      rfm_group: GROUP_NAMES[i % GROUP_NAMES.length],
      segment_key: "repeat:active",
      lifecycle: "repeat",
      purchase_state: "active",
    });
    return { id, first, last, p };
  });
}

/** Inserts the shop (when asked) and its customers with their predictions. */
export async function seedManyCustomers(db: Db, shop: string, rows: ManyCustomer[], withShop = true): Promise<void> {
  if (withShop)
    await db
      .insertInto("shops")
      .values({ shop_domain: shop, platform: "shopify", installed_at: at(-400), uninstalled_at: null, settings: "{}" })
      .execute();
  await db
    .insertInto("customers")
    .values(
      rows.map((r) => ({
        shop_domain: shop,
        customer_id: r.id,
        email: `${r.id}@example.com`,
        first_name: r.first,
        last_name: r.last,
        locale: "en",
        created_at: at(-400),
        updated_at: at(-400),
      })),
    )
    .execute();
  const predictions = rows.flatMap((r) => (r.p ? [r.p] : []));
  for (let i = 0; i < predictions.length; i += 50)
    await db
      .insertInto("customer_predictions")
      .values(predictions.slice(i, i + 50))
      .execute();
}
