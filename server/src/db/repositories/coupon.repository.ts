import type { Db } from "../database.js";
import type { CouponsTable } from "../tables/campaign.tables.js";
import type { CustomerCoupon } from "../../domain/campaigns/decision-input.js";
import { chunks } from "./order.repository.js";

export type CouponRow = CouponsTable;

export interface StoredCoupon extends CustomerCoupon {
  customerId: string;
  discountId: string | null;
  status: CouponsTable["status"];
}

function toCoupon(r: CouponRow): StoredCoupon {
  return {
    code: r.code,
    customerId: r.customer_id,
    campaign: r.campaign_key,
    occasion: r.occasion,
    percentOff: r.percent_off,
    issuedAt: new Date(r.issued_at),
    expiresAt: new Date(r.expires_at),
    usedAt: r.used_at ? new Date(r.used_at) : null,
    discountId: r.discount_id,
    status: r.status,
  };
}

/** Active coupons (pending ones are not usable yet) of these customers. */
export async function listCustomerCoupons(db: Db, shop: string, customerIds: string[]): Promise<StoredCoupon[]> {
  const out: StoredCoupon[] = [];
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("coupons")
      .selectAll()
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
    out.push(...rows.map(toCoupon));
  }
  return out;
}

export async function listCampaignCoupons(db: Db, shop: string, campaign: string): Promise<StoredCoupon[]> {
  const rows = await db
    .selectFrom("coupons")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("campaign_key", "=", campaign)
    .execute();
  return rows.map(toCoupon);
}

/**
 * Claims the one code slot for (customer, campaign, occasion) before calling the platform. Returns false when
 * it is already claimed (issued or being issued), so concurrent publishers never issue twice.
 */
export async function reserveCoupon(db: Db, row: CouponRow): Promise<boolean> {
  const result = await db
    .insertInto("coupons")
    .values(row)
    .onConflict((oc) => oc.columns(["shop_domain", "customer_id", "campaign_key", "occasion"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whoever holds the (customer, campaign, occasion) slot: an issued code, or one whose issuing did not finish. */
export async function findCouponSlot(
  db: Db,
  shop: string,
  customerId: string,
  campaign: string,
  occasion: string,
): Promise<CouponRow | undefined> {
  return db
    .selectFrom("coupons")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .where("campaign_key", "=", campaign)
    .where("occasion", "=", occasion)
    .executeTakeFirst();
}

export async function activateCoupon(
  db: Db,
  shop: string,
  code: string,
  discountId: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable("coupons")
    .set({ discount_id: discountId, status: "active", expires_at: expiresAt.toISOString() })
    .where("shop_domain", "=", shop)
    .where("code", "=", code)
    .execute();
}

/** Releases a claim the platform refused outright (nothing was created), so a later publish can try a new code. */
export async function releasePendingCoupon(db: Db, shop: string, code: string): Promise<void> {
  await db
    .deleteFrom("coupons")
    .where("shop_domain", "=", shop)
    .where("code", "=", code)
    .where("status", "=", "pending")
    .execute();
}

/** Marks codes used by an order of their own customer (a code is bound to one customer). */
export async function markCouponsUsed(
  db: Db,
  shop: string,
  customerId: string,
  codes: string[],
  usedAt: Date,
): Promise<void> {
  if (codes.length === 0) return;
  await db
    .updateTable("coupons")
    .set({ used_at: usedAt.toISOString() })
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .where("code", "in", codes)
    .where("used_at", "is", null)
    .execute();
}
