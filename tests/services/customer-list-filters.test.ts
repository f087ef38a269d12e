import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RFM_GROUP_KEYS, RFM_GROUPS, type RfmGroupKey } from "../../server/src/domain/segments/rfm-groups.js";
import type { CustomerPredictionsTable } from "../../server/src/db/tables/timing.tables.js";
import {
  CHURN_RISK_BAND_KEYS,
  CUSTOMER_DUE_WINDOWS,
  CUSTOMER_PAGE_SIZE,
  CUSTOMER_SORT_DIRECTIONS,
  CUSTOMER_SORTS,
  type CustomerListQuery,
  type CustomerSort,
} from "../../server/src/contracts/admin-api.js";
import { createCustomerInsightsService } from "../../server/src/services/customer-insights.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, SHOP_A, SHOP_B } from "../http/admin/fixtures.js";
import { manyCustomers, seedManyCustomers } from "../http/admin/many-customers.js";

const DAY = 86_400_000;

const ROWS = manyCustomers(SHOP_A, 140);

// The definitions, computed directly on the seeded rows.
const dueMatches: Record<(typeof CUSTOMER_DUE_WINDOWS)[number], (p: CustomerPredictionsTable) => boolean> = {
  overdue: (p) => Date.parse(p.due_late as string) < NOW.getTime(),
  open: (p) => Date.parse(p.due_early as string) < NOW.getTime() && Date.parse(p.due_late as string) >= NOW.getTime(),
  this_week: (p) => within(p, 7),
  next_30_days: (p) => within(p, 30),
  later: (p) => Date.parse(p.due_early as string) >= NOW.getTime() + 30 * DAY,
};
function within(p: CustomerPredictionsTable, days: number) {
  const early = Date.parse(p.due_early as string);
  return early >= NOW.getTime() && early < NOW.getTime() + days * DAY;
}
const churnMatches = {
  high: (r: number) => r >= 0.9,
  medium: (r: number) => r >= 0.5 && r < 0.9,
  low: (r: number) => r < 0.5,
};
const sortValue: Record<CustomerSort, (row: (typeof ROWS)[number]) => number | string | null> = {
  due: (r) => r.p?.due_likely ?? null,
  churn_risk: (r) => r.p?.churn_risk ?? null,
  rfm: (r) => (r.p ? r.p.rfm_recency + r.p.rfm_frequency + r.p.rfm_monetary : null),
  spend: (r) => (r.p ? r.p.order_count * r.p.average_order_value : null),
  clv: (r) => r.p?.clv ?? null,
  p_alive: (r) => r.p?.p_active ?? null,
  last_order: (r) => r.p?.last_order_at ?? null,
  orders: (r) => r.p?.order_count ?? null,
  name: (r) => r.first,
};
function expectedOrder(sort: CustomerSort, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...ROWS]
    .sort((a, b) => {
      const [x, y] = [sortValue[sort](a), sortValue[sort](b)];
      if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
      return (x < y ? -sign : x > y ? sign : 0) || (a.id < b.id ? -1 : 1);
    })
    .map((r) => r.id);
}

// The customer list filtered by RFM group, churn band and due window and sorted by every key, in SQL, one page of
// CUSTOMER_PAGE_SIZE at a time: each answer equals the same definition computed directly on the seeded rows.
describe.each(DB_KINDS)("customer list filters and sorts on %s", (kind) => {
  let db: TestDb;
  const service = () => createCustomerInsightsService({ db: db.db, now: () => NOW });
  /** Every page of a query, and the total the first page reported. */
  async function all(query: CustomerListQuery): Promise<{ ids: string[]; total: number }> {
    const first = await service().list(SHOP_A, query);
    const ids = first.customers.map((c) => c.customerId);
    for (let page = 2; page <= Math.ceil(first.total / first.pageSize); page++) {
      const next = await service().list(SHOP_A, { ...query, page });
      expect(next.customers.length).toBeLessThanOrEqual(CUSTOMER_PAGE_SIZE);
      ids.push(...next.customers.map((c) => c.customerId));
    }
    return { ids, total: first.total };
  }
  const idsWhere = (match: (p: CustomerPredictionsTable) => boolean) =>
    ROWS.filter((r) => r.p && match(r.p))
      .map((r) => r.id)
      .sort();

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedManyCustomers(db.db, SHOP_A, ROWS);
    // Shop B holds the same customer ids: none of them may appear in shop A's answers.
    await seedManyCustomers(db.db, SHOP_B, manyCustomers(SHOP_B, 40));
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("pages 50 at a time with the shop's total", async () => {
    const page1 = await service().list(SHOP_A, {});
    expect(page1).toMatchObject({ page: 1, pageSize: 50, total: ROWS.length });
    expect(page1.customers).toHaveLength(50);
    expect((await service().list(SHOP_A, { page: 3 })).customers).toHaveLength(ROWS.length - 100);
  });

  it.each(RFM_GROUP_KEYS)("filters by the RFM group %s", async (key) => {
    const { ids, total } = await all({ rfm: [key] });
    const expected = idsWhere((p) => p.rfm_group === RFM_GROUPS[key]);
    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it("filters by several RFM groups at once, combined with other filters", async () => {
    const groups: RfmGroupKey[] = ["CHAMPIONS", "AT_RISK", "DORMANT"];
    const names = groups.map((g) => RFM_GROUPS[g] as string);
    const { ids, total } = await all({ rfm: groups, churn: "high" });
    const expected = idsWhere((p) => names.includes(p.rfm_group) && p.churn_risk >= 0.9);
    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it.each(CHURN_RISK_BAND_KEYS)("filters by churn risk band %s (edges included once)", async (band) => {
    const { ids, total } = await all({ churn: band });
    const expected = idsWhere((p) => churnMatches[band](p.churn_risk));
    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it.each(CUSTOMER_DUE_WINDOWS)("filters by due window %s", async (due) => {
    const { ids, total } = await all({ due });
    const expected = idsWhere(dueMatches[due]);
    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it("due windows: this week lies within the next 30 days; overdue, open, next 30 days and later cover everyone", async () => {
    const sets = Object.fromEntries(
      await Promise.all(CUSTOMER_DUE_WINDOWS.map(async (due) => [due, new Set((await all({ due })).ids)] as const)),
    );
    for (const id of sets.this_week) expect(sets.next_30_days.has(id)).toBe(true);
    const covered = ["overdue", "open", "next_30_days", "later"].reduce((n, due) => n + sets[due].size, 0);
    expect(covered).toBe(ROWS.filter((r) => r.p).length); // disjoint, and nobody with a window is left out
  });

  it.each(CUSTOMER_SORTS)("sorts by %s both ways, customers without a prediction last", async (sort) => {
    for (const direction of ["asc", "desc"] as const)
      expect((await all({ sort, direction })).ids, `${sort} ${direction}`).toEqual(expectedOrder(sort, direction));
    expect((await all({ sort })).ids).toEqual(expectedOrder(sort, CUSTOMER_SORT_DIRECTIONS[sort]));
  });

  it("returns each row's RFM group key and spend", async () => {
    const { customers } = await service().list(SHOP_A, { sort: "spend" });
    const top = ROWS.find((r) => r.id === customers[0].customerId)?.p as CustomerPredictionsTable;
    expect(customers[0].spent).toBeCloseTo(top.order_count * top.average_order_value, 6);
    expect(RFM_GROUPS[customers[0].rfmGroup as RfmGroupKey]).toBe(top.rfm_group);
  });
});
