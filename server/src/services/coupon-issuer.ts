import { randomBytes } from "node:crypto";
import type { Db } from "../db/database.js";
import { activateCoupon, releasePendingCoupon, reserveCoupon } from "../db/repositories/coupon.repository.js";
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
 * Issues one per-customer code for a campaign occasion. The DB claim comes first (unique per customer,
 * campaign and occasion), so two publishers racing, or a retry after a crash, never create a second code.
 * Returns false when the slot was already taken or the platform refused (the claim is then released).
 */
export async function issueCoupon(
  deps: { db: Db; platform: CommercePlatform; log: (m: string, e: unknown) => void },
  shop: string,
  customerId: string,
  need: CouponNeed,
  now: Date,
): Promise<boolean> {
  const code = newCouponCode();
  const endsAt = new Date(now.getTime() + need.validDays * DAY);
  const claimed = await reserveCoupon(deps.db, {
    shop_domain: shop,
    code,
    customer_id: customerId,
    campaign_key: need.campaign,
    occasion: need.occasion,
    percent_off: need.percentOff,
    discount_id: null,
    status: "pending",
    issued_at: now.toISOString(),
    expires_at: endsAt.toISOString(),
    used_at: null,
  });
  if (!claimed) return false;
  try {
    const coupon = await deps.platform.createCustomerCoupon(shop, {
      customerId,
      code,
      title: `${TITLES[need.campaign] ?? "Dangol"} ${code}`,
      percentOff: need.percentOff,
      startsAt: now,
      endsAt,
    });
    await activateCoupon(deps.db, shop, code, coupon.discountId, coupon.endsAt);
    return true;
  } catch (err) {
    await releasePendingCoupon(deps.db, shop, code);
    deps.log(`Issuing a ${need.campaign} code for customer ${customerId} of ${shop} failed`, err);
    return false;
  }
}
