import type { CommercePlatform, Coupon, CouponRequest, CustomerMetafield } from "../../server/src/platforms/commerce-platform.js";
import { PlatformError } from "../../server/src/domain/shared/errors.js";

/** A CommercePlatform that records coupon and metafield calls; `fail` makes the next calls of a kind throw. */
export function fakePlatform() {
  const coupons: CouponRequest[] = [];
  const metafieldCalls: CustomerMetafield[][] = [];
  const fail = { coupons: 0, metafields: 0 };
  const proxy = { valid: true };
  const unused = () => { throw new Error("not used by the campaign engine"); };
  const impl: Partial<CommercePlatform> = {
    id: "shopify",
    async createCustomerCoupon(_shop, request): Promise<Coupon> {
      if (fail.coupons > 0) { fail.coupons--; throw new PlatformError("discounts down", true); }
      // Yield so concurrent publishers really interleave.
      await new Promise((r) => setTimeout(r, 5));
      coupons.push(request);
      return { discountId: `gid://shopify/DiscountCodeNode/${coupons.length}`, code: request.code, customerId: request.customerId, endsAt: request.endsAt };
    },
    async setCustomerMetafields(_shop, metafields) {
      if (fail.metafields > 0) { fail.metafields--; throw new PlatformError("metafields down", true); }
      metafieldCalls.push(metafields);
    },
    async verifyAppProxy() { return proxy.valid; },
  };
  // Every other method (sync-side) throws if the campaign engine ever calls it.
  const platform = new Proxy(impl, { get: (target, prop) => (prop in target ? target[prop as keyof CommercePlatform] : unused) }) as CommercePlatform;
  /** The last decision written to each customer's metafield. */
  const lastDecision = (customerId: string) => {
    const all = metafieldCalls.flat().filter((m) => m.customerId === customerId);
    return all.length ? JSON.parse(all[all.length - 1].value) : undefined;
  };
  return { platform, coupons, metafieldCalls, fail, proxy, lastDecision };
}
