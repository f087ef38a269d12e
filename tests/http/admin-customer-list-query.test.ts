import { describe, expect, it } from "vitest";
import type { Db } from "../../server/src/db/database.js";
import { withAdminApi } from "./admin/admin-api.js";
import { SHOP_A } from "./admin/fixtures.js";

// GET /api/customers with the RFM group, churn band and due window filters and the new sorts; bad values are a 400
// whose message names the parameter and what it accepts. (Filters and sorts on both databases:
// tests/services/customer-list-filters.test.ts.)
/** a1 becomes a Champion; a2 and a3 stay Loyal (fixtures). */
const makeA1Champion = (db: Db) =>
  db
    .updateTable("customer_predictions")
    .set({ rfm_group: "Champions" })
    .where("shop_domain", "=", SHOP_A)
    .where("customer_id", "=", "a1")
    .execute();

describe("customer list query parameters", () => {
  const api = withAdminApi({ seed: makeA1Champion });
  const ids = async (path: string) =>
    ((await api.get(path)).body.customers as Array<{ customerId: string }>).map((c) => c.customerId);

  it("filters by RFM groups given as a comma list or repeated, by churn band and by due window", async () => {
    expect(await ids("/api/customers?rfm=CHAMPIONS")).toEqual(["a1"]);
    expect((await ids("/api/customers?rfm=LOYAL,CHAMPIONS")).sort()).toEqual(["a1", "a2", "a3"]);
    expect((await ids("/api/customers?rfm=LOYAL&rfm=CHAMPIONS")).sort()).toEqual(["a1", "a2", "a3"]);
    expect((await ids("/api/customers?churn=high")).sort()).toEqual(["a2", "a3"]); // 0.93 and 0.95
    expect(await ids("/api/customers?churn=low")).toEqual(["a1"]); // 0.1
    expect(await ids("/api/customers?due=next_30_days")).toEqual(["a1"]); // opens in 2 days
    expect(await ids("/api/customers?rfm=LOYAL&churn=high&sort=churn_risk")).toEqual(["a3", "a2"]);
  });

  it("sorts by churn risk (riskiest first), RFM score and spend, customers without a prediction last", async () => {
    expect(await ids("/api/customers?sort=churn_risk")).toEqual(["a3", "a2", "a1", "a4"]);
    expect(await ids("/api/customers?sort=churn_risk&direction=asc")).toEqual(["a1", "a2", "a3", "a4"]);
    const spend = (await api.get("/api/customers?sort=spend")).body.customers as Array<{ spent: number | null }>;
    expect(spend.map((c) => c.spent)).toEqual([...spend.map((c) => c.spent)].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect((await api.get("/api/customers?sort=rfm")).status).toBe(200);
  });

  it("answers 400 naming the bad parameter and the values it takes", async () => {
    const cases: Array<[string, RegExp]> = [
      ["rfm=VIP", /rfm.*CHAMPIONS/],
      ["rfm=CHAMPIONS,vip", /rfm.*CHAMPIONS/],
      ["rfm=", /rfm/],
      ["churn=extreme", /churn.*high.*medium.*low/],
      ["due=soon", /due.*overdue.*open.*this_week.*next_30_days.*later/],
      ["sort=risk", /sort.*churn_risk/],
      ["direction=up", /direction/],
      ["unknown=1", /unknown/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await api.get(`/api/customers?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code, query).toBe("InvalidInput");
      expect(body.error.message, query).toMatch(/^Invalid customer list query: /);
      expect(body.error.message, query).toMatch(message);
    }
  });
});
