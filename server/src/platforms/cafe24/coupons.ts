// The win-back offer on Cafe24: a coupon definition (named by our unguessable code, percentage off, fixed
// period) issued to one member. Idempotent like the Shopify codes: a retry after a lost answer finds the coupon
// by its name and the member's issue, so it never creates a second definition or issues twice (and Cafe24's
// allow_duplication "F" refuses a second issue anyway). A coupon already issued to another member is refused.
import { PlatformError } from "../../domain/shared/errors.js";
import type { Coupon, CouponRequest } from "../commerce-platform.js";
import { type Cafe24AdminApi, errorMessage, expectOk } from "./admin-api.js";
import { addDays, kstDayOf } from "./kst-days.js";

interface CouponJson {
  coupon_no: string;
  coupon_name: string;
  available_end_datetime: string;
}
interface IssueJson {
  issue_no: string;
  member_id: string;
}

const kstDateTime = (at: Date) => `${new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;

export async function issueMemberCoupon(api: Cafe24AdminApi, mallId: string, request: CouponRequest): Promise<Coupon> {
  const coupon = (await findCoupon(api, mallId, request)) ?? (await createForMember(api, mallId, request));
  const issues = await issuesOf(api, mallId, coupon.coupon_no);
  if (issues.some((i) => i.member_id !== request.customerId))
    throw new PlatformError(`Coupon ${request.code} belongs to another member`, false);
  if (!issues.some((i) => i.member_id === request.customerId)) {
    const answer = await api.post(mallId, `/coupons/${coupon.coupon_no}/issues`, {
      shop_no: 1,
      request: {
        issued_member_scope: "M",
        member_id: request.customerId,
        allow_duplication: "F",
        send_sms_for_issue: "F",
      },
    });
    // 422 "already issued": an earlier try's issue landed after all; anything else is a real refusal.
    if (
      answer.status === 422 &&
      !(await issuesOf(api, mallId, coupon.coupon_no)).some((i) => i.member_id === request.customerId)
    )
      throw new PlatformError(`Cafe24 refused to issue ${request.code}: ${errorMessage(answer.body)}`, false);
    if (answer.status !== 422) expectOk(answer, "Cafe24 coupon issue");
  }
  return { discountId: coupon.coupon_no, code: request.code, customerId: request.customerId, endsAt: request.endsAt };
}

async function findCoupon(
  api: Cafe24AdminApi,
  mallId: string,
  request: CouponRequest,
): Promise<CouponJson | undefined> {
  // A retry comes within days of the first try; coupons created since the day before the offer starts are enough.
  const since = addDays(kstDayOf(Math.min(request.startsAt.getTime(), Date.now())), -1);
  for (let offset = 0; ; offset += 500) {
    const answer = await api.get<{ coupons: CouponJson[] }>(mallId, "/coupons", {
      created_start_date: since,
      limit: 500,
      offset,
    });
    const coupons = expectOk(answer, "Cafe24 coupon list").coupons;
    const found = coupons.find((c) => c.coupon_name === request.code);
    if (found || coupons.length < 500 || offset >= 8_000) return found;
  }
}

/**
 * A member who left the mall would refuse the issue only after the definition exists, and the refusal frees the
 * claim, so every publish would leave one more unissued coupon in the mall: the member is checked first.
 */
async function createForMember(api: Cafe24AdminApi, mallId: string, request: CouponRequest): Promise<CouponJson> {
  const answer = await api.get<{ customers: Array<{ member_id: string }> }>(mallId, "/customers", {
    member_id: request.customerId,
  });
  if (!expectOk(answer, "Cafe24 member lookup").customers.some((c) => c.member_id === request.customerId))
    throw new PlatformError(`Cafe24 mall ${mallId} has no member ${request.customerId}`, false);
  return createCoupon(api, mallId, request);
}

async function createCoupon(api: Cafe24AdminApi, mallId: string, request: CouponRequest): Promise<CouponJson> {
  const answer = await api.post<{ coupon: CouponJson }>(mallId, "/coupons", {
    shop_no: 1,
    request: {
      coupon_name: request.code,
      benefit_type: "B",
      benefit_percentage: Math.round(request.percentOff * 10_000) / 100,
      available_period_type: "F",
      available_begin_datetime: kstDateTime(request.startsAt),
      available_end_datetime: kstDateTime(request.endsAt),
    },
  });
  return expectOk(answer, "Cafe24 coupon create").coupon;
}

async function issuesOf(api: Cafe24AdminApi, mallId: string, couponNo: string): Promise<IssueJson[]> {
  const answer = await api.get<{ issues: IssueJson[] }>(mallId, `/coupons/${couponNo}/issues`, { limit: 500 });
  return expectOk(answer, "Cafe24 coupon issues").issues;
}
