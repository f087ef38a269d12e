// Per-customer discount codes. Creation is idempotent by code: a retry after a lost answer (or after our own
// save failed) finds Shopify's "code TAKEN" and adopts the discount it made the first time, if it is this customer's.
import type { Coupon, CouponRequest } from "../commerce-platform.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { throwOnUserErrors } from "./errors.js";
import { DISCOUNT_BY_CODE_QUERY, DISCOUNT_CREATE_MUTATION } from "./graphql/discounts.js";
import { legacyId, toGid } from "./mappers.js";
import type { GraphqlCaller } from "./throttled-graphql.js";

type DiscountUserErrors = Array<{ field?: string[] | null; code?: string | null; message: string }>;
interface CreatePayload {
  discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: DiscountUserErrors };
}
interface ByCodePayload {
  codeDiscountNodeByCode: {
    id: string;
    codeDiscount: { endsAt?: string | null; context?: { customers?: Array<{ id: string }> } };
  } | null;
}

const WHAT = "Creating the coupon";

export async function createCustomerCoupon(
  graphql: GraphqlCaller,
  shop: string,
  request: CouponRequest,
): Promise<Coupon> {
  const customerGid = toGid("Customer", request.customerId);
  const data = await graphql.request<CreatePayload>(shop, DISCOUNT_CREATE_MUTATION, {
    discount: {
      title: request.title,
      code: request.code,
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      context: { customers: { add: [customerGid] } },
      customerGets: { value: { percentage: request.percentOff }, items: { all: true } },
      usageLimit: 1,
      appliesOncePerCustomer: true,
    },
  });
  const { codeDiscountNode: node, userErrors } = data.discountCodeBasicCreate;
  const taken = userErrors.length > 0 && userErrors.every((e) => e.code === "TAKEN" && e.field?.includes("code"));
  if (taken) {
    const existing = await ownDiscountByCode(graphql, shop, request.code, customerGid);
    if (existing) return couponOf(request, existing.id, existing.endsAt ?? request.endsAt);
  }
  throwOnUserErrors(WHAT, userErrors);
  // No node and no error: we cannot tell whether it exists, so the caller may retry with the same code.
  if (!node) throw new PlatformError(`${WHAT}: Shopify returned no discount and no error`, true);
  return couponOf(request, node.id, request.endsAt);
}

function couponOf(request: CouponRequest, discountId: string, endsAt: Date): Coupon {
  return { discountId, code: request.code, customerId: legacyId(request.customerId), endsAt };
}

/** The discount holding this code, when it is limited to exactly this one customer (ours); otherwise null. */
async function ownDiscountByCode(
  graphql: GraphqlCaller,
  shop: string,
  code: string,
  customerGid: string,
): Promise<{ id: string; endsAt: Date | null } | null> {
  const data = await graphql.request<ByCodePayload>(shop, DISCOUNT_BY_CODE_QUERY, { code });
  const node = data.codeDiscountNodeByCode;
  const customers = node?.codeDiscount.context?.customers ?? [];
  if (!node || customers.length !== 1 || customers[0].id !== customerGid) return null;
  return { id: node.id, endsAt: node.codeDiscount.endsAt ? new Date(node.codeDiscount.endsAt) : null };
}
