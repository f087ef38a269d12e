// Coupons: POST/GET /api/v2/admin/coupons (a coupon definition) and POST/GET /coupons/{coupon_no}/issues
// (issue it to one member: issued_member_scope "M" + member_id). allow_duplication "F" refuses a second issue
// of the same coupon to the same member, so a retried issue can't hand out two.
import type { Cafe24Mall } from "./mall.js";
import type { Cafe24CouponRecord, Cafe24IssueRecord } from "./records.js";
import { kstIso, parseCafe24Date } from "./kst.js";
import { Cafe24HttpError, intParam, requestBody } from "./http.js";

export function createCoupon(mall: Cafe24Mall, body: Record<string, unknown> | null, now: number) {
  const request = requestBody(body);
  const name = request.coupon_name;
  if (typeof name !== "string" || !name.trim() || name.length > 50)
    throw new Cafe24HttpError(422, "coupon_name is required (at most 50 characters). (coupon_name)");
  if (request.benefit_type !== "B")
    throw new Cafe24HttpError(422, "The simulator issues percentage coupons only (benefit_type B). (benefit_type)");
  const percentage = Number(request.benefit_percentage);
  if (!(percentage > 0 && percentage <= 100))
    throw new Cafe24HttpError(422, "benefit_percentage must be from 0.01 to 100. (benefit_percentage)");
  if (request.available_period_type !== "F")
    throw new Cafe24HttpError(422, "The simulator supports fixed periods only (available_period_type F).");
  const begin = parseCafe24Date(String(request.available_begin_datetime ?? ""), "start");
  const end = parseCafe24Date(String(request.available_end_datetime ?? ""), "end");
  if (begin === null || end === null || end <= begin)
    throw new Cafe24HttpError(422, "available_end_datetime must come after available_begin_datetime.");
  const coupon = mall.addCoupon({
    couponName: name,
    benefitType: "B",
    benefitPercentage: percentage,
    availableBegin: begin,
    availableEnd: end,
    createdDate: Math.floor(now / 1000) * 1000,
    deleted: false,
  });
  return { coupon: couponJson(mall, coupon) };
}

export function listCoupons(mall: Cafe24Mall, query: URLSearchParams) {
  const limit = intParam(query, "limit", 100, 1, 500);
  const offset = intParam(query, "offset", 0, 0, 8_000);
  const start = query.get("created_start_date");
  const from = start ? (parseCafe24Date(start, "start") ?? -Infinity) : -Infinity;
  const numbers = query.get("coupon_no")?.split(",");
  const coupons = [...mall.coupons.values()].filter(
    (c) => !c.deleted && c.createdDate >= from && (!numbers || numbers.includes(c.couponNo)),
  );
  return { coupons: coupons.slice(offset, offset + limit).map((c) => couponJson(mall, c)) };
}

export function issueCoupon(mall: Cafe24Mall, couponNo: string, body: Record<string, unknown> | null, now: number) {
  const coupon = mall.coupons.get(couponNo);
  if (!coupon || coupon.deleted) throw new Cafe24HttpError(404, "The coupon does not exist. (coupon_no)");
  const request = requestBody(body);
  if (request.issued_member_scope !== "M")
    throw new Cafe24HttpError(422, "The simulator issues to one member only (issued_member_scope M).");
  const memberId = String(request.member_id ?? "");
  if (!mall.customers.has(memberId)) throw new Cafe24HttpError(422, "The member does not exist. (member_id)");
  const duplication = request.allow_duplication ?? "F";
  if (duplication !== "T" && mall.issues.some((i) => i.couponNo === couponNo && i.memberId === memberId))
    throw new Cafe24HttpError(422, "The coupon has already been issued to this member. (allow_duplication)");
  const issue = mall.issueCoupon(couponNo, memberId, Math.floor(now / 1000) * 1000, coupon.availableEnd);
  return { issues: { shop_no: mall.shopNo, coupon_no: couponNo, issued_member_scope: "M", ...issueJson(issue) } };
}

export function listIssues(mall: Cafe24Mall, couponNo: string, query: URLSearchParams) {
  if (!mall.coupons.has(couponNo)) throw new Cafe24HttpError(404, "The coupon does not exist. (coupon_no)");
  const limit = intParam(query, "limit", 10, 1, 500);
  const offset = intParam(query, "offset", 0, 0, 8_000);
  const memberId = query.get("member_id");
  const issues = mall.issues.filter((i) => i.couponNo === couponNo && (!memberId || i.memberId === memberId));
  return {
    issues: issues
      .slice(offset, offset + limit)
      .map((i) => ({ shop_no: mall.shopNo, coupon_no: couponNo, ...issueJson(i) })),
  };
}

function couponJson(mall: Cafe24Mall, c: Cafe24CouponRecord) {
  return {
    shop_no: mall.shopNo,
    coupon_no: c.couponNo,
    coupon_name: c.couponName,
    benefit_type: c.benefitType,
    benefit_percentage: c.benefitPercentage === null ? null : c.benefitPercentage.toFixed(2),
    available_period_type: "F",
    available_begin_datetime: kstIso(c.availableBegin),
    available_end_datetime: kstIso(c.availableEnd),
    created_date: kstIso(c.createdDate),
    deleted: c.deleted ? "T" : "F",
  };
}

function issueJson(i: Cafe24IssueRecord) {
  return {
    issue_no: i.issueNo,
    member_id: i.memberId,
    issued_date: kstIso(i.issuedDate),
    expiration_date: kstIso(i.expirationDate),
    used_coupon: i.usedCoupon ? "T" : "F",
    used_date: null,
    related_order_id: null,
  };
}
