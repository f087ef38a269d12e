// GET /api/v2/admin/customersprivacy (+ /count): members with their personal data, limit 1..1000 (default 30),
// offset at most 8,000, searched by join date (search_type=created_date); and GET /customers?member_id=, the
// non-personal lookup. Members come in join-date order (then member id).
import type { Cafe24Mall } from "./mall.js";
import type { Cafe24CustomerRecord } from "./records.js";
import { kstIso, parseCafe24Date } from "./kst.js";
import { Cafe24HttpError, intParam } from "./http.js";

export const CUSTOMERS_MAX_LIMIT = 1000;
export const CUSTOMERS_MAX_OFFSET = 8_000;

export function listCustomersPrivacy(mall: Cafe24Mall, query: URLSearchParams) {
  const limit = intParam(query, "limit", 30, 1, CUSTOMERS_MAX_LIMIT);
  const offset = intParam(query, "offset", 0, 0, CUSTOMERS_MAX_OFFSET);
  return {
    customersprivacy: matching(mall, query)
      .slice(offset, offset + limit)
      .map((c) => privacyJson(mall, c)),
  };
}

export function countCustomersPrivacy(mall: Cafe24Mall, query: URLSearchParams) {
  return { count: matching(mall, query).length };
}

export function lookupCustomers(mall: Cafe24Mall, query: URLSearchParams) {
  const ids = query.get("member_id")?.split(",");
  if (!ids) throw new Cafe24HttpError(422, "member_id or cellphone is required. (member_id)");
  const found = ids.flatMap((id) => {
    const customer = mall.customers.get(id);
    return customer
      ? [{ shop_no: mall.shopNo, member_id: customer.memberId, group_no: 1, member_authentication: "T" }]
      : [];
  });
  return { customers: found };
}

function matching(mall: Cafe24Mall, query: URLSearchParams): Cafe24CustomerRecord[] {
  const start = query.get("created_start_date");
  const end = query.get("created_end_date");
  const from = start ? parseCafe24Date(start, "start") : -Infinity;
  const to = end ? parseCafe24Date(end, "end") : Infinity;
  if (from === null) throw new Cafe24HttpError(422, "created_start_date is not a valid date. (created_start_date)");
  if (to === null) throw new Cafe24HttpError(422, "created_end_date is not a valid date. (created_end_date)");
  const ids = query.get("member_id")?.split(",");
  return [...mall.customers.values()]
    .filter((c) => c.createdDate >= from && c.createdDate <= to && (!ids || ids.includes(c.memberId)))
    .sort((a, b) => a.createdDate - b.createdDate || (a.memberId < b.memberId ? -1 : 1));
}

function privacyJson(mall: Cafe24Mall, c: Cafe24CustomerRecord) {
  return {
    shop_no: mall.shopNo,
    member_id: c.memberId,
    name: c.name,
    email: c.email,
    group_no: 1,
    member_authentication: "T",
    created_date: kstIso(c.createdDate),
  };
}
