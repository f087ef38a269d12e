// Per-customer publish claims (issue 11): compare-and-set on publish_claims before a customer's metafields are
// decided and written, deleted once the write is recorded. Nothing about what was written changes at claim time
// (published_decisions keeps the last written values), so a claim left by a crash loses nothing: it lapses and
// the next publish of that customer sends the change.
import type { Db } from "../database.js";
import { chunks } from "./order.repository.js";

/** Customers per statement: 4 bound parameters each, well under SQLite's and PostgreSQL's limits. */
const CLAIM_CHUNK = 200;

/**
 * Claims these customers for `token` until `until`: each one free, or held by a claim that lapsed before `now`.
 * Returns the ids claimed; the others are held by another publisher.
 */
export async function claimCustomers(
  db: Db,
  shop: string,
  customerIds: string[],
  token: string,
  now: Date,
  until: Date,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const ids of chunks(customerIds, CLAIM_CHUNK)) {
    const rows = await db
      .insertInto("publish_claims")
      .values(ids.map((id) => ({ shop_domain: shop, customer_id: id, token, expires_at: until.toISOString() })))
      .onConflict((oc) =>
        oc
          .columns(["shop_domain", "customer_id"])
          .doUpdateSet((eb) => ({ token: eb.ref("excluded.token"), expires_at: eb.ref("excluded.expires_at") }))
          .where("publish_claims.expires_at", "<", now.toISOString()),
      )
      .returning("customer_id")
      .execute();
    for (const r of rows) claimed.push(r.customer_id);
  }
  return claimed;
}

/** Lets go of this token's claims on these customers (a lapsed claim another publisher took is left alone). */
export async function releaseCustomers(db: Db, shop: string, customerIds: string[], token: string): Promise<void> {
  for (const ids of chunks(customerIds, 500)) {
    await db
      .deleteFrom("publish_claims")
      .where("shop_domain", "=", shop)
      .where("token", "=", token)
      .where("customer_id", "in", ids)
      .execute();
  }
}

/** Moves the lapse time of every claim this token still holds (a long publish keeps what it claimed). */
export async function extendClaims(db: Db, shop: string, token: string, until: Date): Promise<void> {
  await db
    .updateTable("publish_claims")
    .set({ expires_at: until.toISOString() })
    .where("shop_domain", "=", shop)
    .where("token", "=", token)
    .execute();
}
