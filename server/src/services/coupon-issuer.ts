import { randomBytes } from "node:crypto";
import type { Db } from "../db/database.js";
import {
  activateCoupon,
  findCouponSlot,
  releasePendingCoupon,
  reserveCoupon,
  type CouponRow,
} from "../db/repositories/coupon.repository.js";
import { PlatformError } from "../domain/shared/errors.js";
import type { CommercePlatform } from "../platforms/commerce-platform.js";
import type { CouponNeed } from "../domain/campaigns/decide.js";

const DAY = 86_400_000;
// Crockford base32 without look-alikes; 10 characters ≈ 50 bits: unguessable, easy to type.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newCouponCode(prefix = "DG"): string {
  const bytes = randomBytes(10);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${out}`;
}

const TITLES: Record<string, string> = { win_back: "Dangol win-back", first_purchase: "Dangol second purchase" };

/**
 * Issues one per-customer code for a campaign occasion. The DB claim comes first (unique per customer, campaign
 * and occasion), so two publishers racing never create a second code. When the platform call fails in a way that
 * may have created the code anyway (network, throttling, 5xx, or our own save failing), the claim stays pending and
 * the next publish retries the SAME code, which the platform adopts instead of duplicating. Only an outright refusal
 * releases the claim. Returns true when this call made the code usable.
 */
export async function issueCoupon(
  deps: { db: Db; platform: CommercePlatform; log: (m: string, e: unknown) => void },
  shop: string,
  customerId: string,
  need: CouponNeed,
  now: Date,
): Promise<boolean> {
  const claim = await claimSlot(deps.db, shop, customerId, need, now);
  if (!claim) return false;
  try {
    const coupon = await deps.platform.createCustomerCoupon(shop, {
      customerId,
      code: claim.code,
      title: `${TITLES[need.campaign] ?? "Dangol"} ${claim.code}`,
      percentOff: claim.percent_off,
      startsAt: new Date(claim.issued_at),
      endsAt: new Date(claim.expires_at),
    });
    await activateCoupon(deps.db, shop, claim.code, coupon.discountId, coupon.endsAt);
    return true;
  } catch (err) {
    if (err instanceof PlatformError && !err.retriable) await releasePendingCoupon(deps.db, shop, claim.code);
    deps.log(`Issuing a ${need.campaign} code for customer ${customerId} of ${shop} failed`, err);
    return false;
  }
}

/** A fresh pending claim, or an unfinished one to retry; null when the slot holds an issued code. */
async function claimSlot(
  db: Db,
  shop: string,
  customerId: string,
  need: CouponNeed,
  now: Date,
): Promise<CouponRow | null> {
  const row: CouponRow = {
    shop_domain: shop,
    code: newCouponCode(),
    customer_id: customerId,
    campaign_key: need.campaign,
    occasion: need.occasion,
    percent_off: need.percentOff,
    discount_id: null,
    status: "pending",
    issued_at: now.toISOString(),
    expires_at: new Date(now.getTime() + need.validDays * DAY).toISOString(),
    used_at: null,
  };
  if (await reserveCoupon(db, row)) return row;
  const held = await findCouponSlot(db, shop, customerId, need.campaign, need.occasion);
  if (held?.status !== "pending") return null;
  // An unfinished claim whose window has passed would only create a dead code: drop it; a later publish starts afresh.
  if (Date.parse(held.expires_at) <= now.getTime()) {
    await releasePendingCoupon(db, shop, held.code);
    return null;
  }
  return held;
}
