import { sql } from "kysely";
import type { Db } from "../database.js";

/** One page_viewed: the client's count for that UTC day goes up by one, its last sighting moves forward. */
export async function recordPixelPageView(db: Db, shop: string, clientId: string, at: Date): Promise<void> {
  const seen = at.toISOString();
  await db
    .insertInto("pixel_visits")
    .values({ shop_domain: shop, client_id: clientId, day: seen.slice(0, 10), page_views: 1, last_seen_at: seen })
    .onConflict((oc) =>
      oc.columns(["shop_domain", "client_id", "day"]).doUpdateSet({
        page_views: sql`pixel_visits.page_views + 1`,
        last_seen_at: sql`case when pixel_visits.last_seen_at < excluded.last_seen_at then excluded.last_seen_at else pixel_visits.last_seen_at end`,
      }),
    )
    .execute();
}

/** A checkout_completed claim: the first client to report an order keeps it (a resend changes nothing). */
export async function recordPixelCheckout(
  db: Db,
  shop: string,
  orderId: string,
  clientId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto("pixel_checkouts")
    .values({ shop_domain: shop, order_id: orderId, client_id: clientId, claimed_at: at.toISOString() })
    .onConflict((oc) => oc.columns(["shop_domain", "order_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface PixelJoinRow {
  customerId: string;
  clientId: string;
  processedAt: string;
  claimedAt: string;
  lastSeenAt: string;
}

/**
 * Each claimed checkout whose order we hold for the same shop, with the customer our own orders row names and the
 * client's latest page view. The claim's shop must be the order's shop: an order id from elsewhere joins nothing.
 */
export async function loadPixelJoins(db: Db, shop: string, customerIds: string[] | null): Promise<PixelJoinRow[]> {
  if (customerIds?.length === 0) return [];
  // CROSS JOIN keeps SQLite's loop on the claims (without statistics it read every order of the shop first: 180 ms
  // of CPU per dashboard at 200,000 orders and no claim); PostgreSQL plans it as the inner join it is.
  let query = db
    .selectFrom("pixel_checkouts as k")
    .crossJoin("orders as o")
    .whereRef("o.shop_domain", "=", "k.shop_domain")
    .whereRef("o.order_id", "=", "k.order_id")
    .innerJoin("pixel_visits as v", (j) =>
      j.onRef("v.shop_domain", "=", "k.shop_domain").onRef("v.client_id", "=", "k.client_id"),
    )
    .select([
      "o.customer_id",
      "k.client_id",
      "o.processed_at",
      "k.claimed_at",
      (eb) => eb.fn.max("v.last_seen_at").as("last_seen_at"),
    ])
    .where("k.shop_domain", "=", shop)
    .where("o.customer_id", "is not", null)
    .groupBy(["o.customer_id", "k.client_id", "o.processed_at", "k.claimed_at"]);
  if (customerIds) query = query.where("o.customer_id", "in", customerIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    customerId: r.customer_id as string,
    clientId: r.client_id,
    processedAt: r.processed_at,
    claimedAt: r.claimed_at,
    lastSeenAt: r.last_seen_at as string,
  }));
}

/**
 * Client ids seen since `since` that no trusted join (an order we hold, claimed within CLAIM_WINDOW_MS of it) ties
 * to a customer: guests, as far as we know.
 */
export async function countGuestClientsSeenSince(db: Db, shop: string, since: Date): Promise<number> {
  const from = since.toISOString();
  const row = await db
    .selectFrom("pixel_visits")
    .select((eb) => eb.fn.count<number>("client_id").distinct().as("n"))
    .where("shop_domain", "=", shop)
    .where("last_seen_at", ">=", from)
    .executeTakeFirst();
  const joined = new Set(
    (await loadPixelJoins(db, shop, null))
      .filter((j) => withinClaimWindow(j) && new Date(j.lastSeenAt).toISOString() >= from)
      .map((j) => j.clientId),
  );
  return Number(row?.n ?? 0) - joined.size;
}

/** shop/redact and uninstall: every pixel row of the shop. */
export async function deleteShopPixelData(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("pixel_checkouts").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("pixel_visits").where("shop_domain", "=", shop).execute();
}

/** customers/redact: the client ids our orders tie to this customer, their claims and their page views. */
export async function deleteCustomerPixelData(db: Db, shop: string, customerId: string): Promise<void> {
  const clients = await db
    .selectFrom("pixel_checkouts as k")
    .innerJoin("orders as o", (j) =>
      j.onRef("o.shop_domain", "=", "k.shop_domain").onRef("o.order_id", "=", "k.order_id"),
    )
    .select("k.client_id")
    .where("k.shop_domain", "=", shop)
    .where("o.customer_id", "=", customerId)
    .execute();
  const ids = [...new Set(clients.map((c) => c.client_id))];
  if (!ids.length) return;
  await db.deleteFrom("pixel_visits").where("shop_domain", "=", shop).where("client_id", "in", ids).execute();
  await db.deleteFrom("pixel_checkouts").where("shop_domain", "=", shop).where("client_id", "in", ids).execute();
}

/**
 * How far apart a checkout claim and its order's processed_at may be: the pixel reports a checkout as it completes,
 * so a claim naming an old order (an id read off a receipt, say) ties nothing to anyone.
 */
export const CLAIM_WINDOW_MS = 24 * 3_600_000;

const withinClaimWindow = (row: PixelJoinRow) =>
  Math.abs(Date.parse(row.processedAt) - Date.parse(row.claimedAt)) <= CLAIM_WINDOW_MS;

/** Each customer's latest page view seen by the pixel on a client our own orders tie to them (trusted joins only). */
export async function loadPixelLastVisits(
  db: Db,
  shop: string,
  customerIds: string[] | null,
): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  for (const row of await loadPixelJoins(db, shop, customerIds)) {
    if (!withinClaimWindow(row)) continue;
    const seen = new Date(row.lastSeenAt).toISOString();
    if ((last.get(row.customerId) ?? "") < seen) last.set(row.customerId, seen);
  }
  return last;
}

/** Whether the pixel has reported any page view for this shop (the visit axis then has data). */
export async function shopHasPixelVisits(db: Db, shop: string): Promise<boolean> {
  const row = await db
    .selectFrom("pixel_visits")
    .select("client_id")
    .where("shop_domain", "=", shop)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Retention (event-retention.service.ts): page-view counts last seen before `before` and checkout claims made
 * before it, every shop. Returns how many rows each table lost.
 */
export async function deletePixelRowsBefore(
  db: Db,
  before: Date,
): Promise<{ pixel_visits: number; pixel_checkouts: number }> {
  const cutoff = before.toISOString();
  const visits = await db.deleteFrom("pixel_visits").where("last_seen_at", "<", cutoff).executeTakeFirst();
  const checkouts = await db.deleteFrom("pixel_checkouts").where("claimed_at", "<", cutoff).executeTakeFirst();
  return { pixel_visits: Number(visits.numDeletedRows), pixel_checkouts: Number(checkouts.numDeletedRows) };
}
