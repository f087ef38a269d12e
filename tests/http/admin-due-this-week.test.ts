import { describe, expect, it } from "vitest";
import type { Db } from "../../server/src/db/database.js";
import { withAdminApi } from "./admin/admin-api.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { NOW, SHOP_A } from "./admin/fixtures.js";

const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

/** a1 opens in 2 days (fixtures). a2: open since 3 days ago until 20 days from now. a3: opens in 6.5 days. */
async function seedWindows(db: Db): Promise<void> {
  const window = (id: string, early: number, likely: number, late: number) =>
    db
      .updateTable("customer_predictions")
      .set({ due_early: at(early), due_likely: at(likely), due_late: at(late) })
      .where("shop_domain", "=", SHOP_A)
      .where("customer_id", "=", id)
      .execute();
  await window("a2", -3, 8, 20);
  await window("a3", 6.5, 9, 30);
}

// The dashboard's "Due this week" card and its "View all" link must count the same customers: a window that
// opened days ago and stays open for weeks is not "due this week", on either screen.
describe.each(DB_KINDS)("due this week: dashboard and customer list agree on %s", (kind) => {
  const api = withAdminApi({ kind, seed: seedWindows });
  const get = async (path: string) => (await fetch(`${api.url}${path}`)).json();

  it("lists the same customers, in the same order, and the same total", async () => {
    const dashboard = await get("/api/dashboard");
    const list = await get("/api/customers?due=this_week&sort=due");
    const dashboardIds = dashboard.dueThisWeek.map((c: { customerId: string }) => c.customerId);
    const listIds = list.customers.map((c: { customerId: string }) => c.customerId);
    expect(listIds).toEqual(["a1", "a3"]); // windows that open within the next 7 days; a2's opened before today
    expect(dashboardIds).toEqual(listIds);
    expect(dashboard.dueThisWeekTotal).toBe(list.total);
  });
});
