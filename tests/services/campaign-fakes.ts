import type {
  CommercePlatform,
  Coupon,
  CouponRequest,
  CustomerMetafield,
} from "../../server/src/platforms/commerce-platform.js";
import { PlatformError } from "../../server/src/domain/shared/errors.js";

/**
 * A CommercePlatform that records coupon and metafield calls. `fail` makes the next calls of a kind throw:
 * coupons (retriable, nothing created), couponsRefused (non-retriable, nothing created), couponsLostAnswer
 * (created, then the answer is lost). Like Shopify (see the contract), creating an existing code again adopts it.
 */
export function fakePlatform() {
  const coupons: CouponRequest[] = [];
  const metafieldCalls: CustomerMetafield[][] = [];
  /** Metafields sent for unknown customers (refused, not written). */
  const refusedMetafields: CustomerMetafield[] = [];
  const fail = { coupons: 0, couponsRefused: 0, couponsLostAnswer: 0, metafields: 0 };
  const proxy = { valid: true };
  /** Customers the platform no longer knows: their metafields are refused, the others still written. */
  const unknownCustomers = new Set<string>();
  const unused = () => {
    throw new Error("not used by the campaign engine");
  };
  const impl: Partial<CommercePlatform> = {
    id: "shopify",
    capabilities: { bulkExport: false, storefrontDelivery: "metafields", couponModel: "code-per-customer" },
    async createCustomerCoupon(_shop, request): Promise<Coupon> {
      if (fail.coupons > 0) {
        fail.coupons--;
        throw new PlatformError("discounts down", true);
      }
      if (fail.couponsRefused > 0) {
        fail.couponsRefused--;
        throw new PlatformError("Value must be between 0.0 and 1.0", false);
      }
      // Yield so concurrent publishers really interleave.
      await new Promise((r) => setTimeout(r, 5));
      const existing = coupons.findIndex((c) => c.code === request.code);
      if (existing >= 0 && coupons[existing].customerId !== request.customerId)
        throw new PlatformError("Code must be unique", false);
      if (existing < 0) coupons.push(request);
      const index = existing >= 0 ? existing : coupons.length - 1;
      if (fail.couponsLostAnswer > 0) {
        fail.couponsLostAnswer--;
        throw new PlatformError("socket hang up", true);
      }
      return {
        discountId: `gid://shopify/DiscountCodeNode/${index + 1}`,
        code: request.code,
        customerId: request.customerId,
        endsAt: coupons[index].endsAt,
      };
    },
    async setCustomerMetafields(_shop, metafields) {
      if (fail.metafields > 0) {
        fail.metafields--;
        throw new PlatformError("metafields down", true);
      }
      metafieldCalls.push(metafields.filter((m) => !unknownCustomers.has(m.customerId)));
      const refused = metafields.filter((m) => unknownCustomers.has(m.customerId));
      refusedMetafields.push(...refused);
      return {
        rejected: refused.map((m) => ({
          customerId: m.customerId,
          reason: "unknown_customer" as const,
          message: "Owner does not exist.",
        })),
      };
    },
    verifyAppProxy: () => (proxy.valid ? { shop: "fake.myshopify.com", customerId: null } : null),
  };
  // Every other method (sync-side) throws if the campaign engine ever calls it.
  const platform = new Proxy(impl, {
    // Not a promise: "then" stays undefined so the registry can hand the fake back from an async lookup.
    get: (target, prop) =>
      prop in target ? target[prop as keyof CommercePlatform] : prop === "then" ? undefined : unused,
  }) as CommercePlatform;
  /** The last decision written to each customer's metafield. */
  const lastDecision = (customerId: string) => {
    const all = metafieldCalls.flat().filter((m) => m.customerId === customerId);
    return all.length ? JSON.parse(all[all.length - 1].value) : undefined;
  };
  return { platform, coupons, metafieldCalls, fail, proxy, unknownCustomers, refusedMetafields, lastDecision };
}
