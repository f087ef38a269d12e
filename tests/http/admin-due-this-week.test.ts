import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { listen, NOW, seedTwoShops, SHOP_A } from "./admin/fixtures.js";

const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

// The dashboard's "Due this week" card and its "View all" link must count the same customers: a window that
// opened days ago and stays open for weeks is not "due this week", on either screen.
describe.each(DB_KINDS)("due this week: dashboard and customer list agree on %s", (kind) => {
  let db: TestDb;
  let server: { url: string; close(): Promise<void> };
  const get = async (path: string) => (await fetch(`${server.url}${path}`)).json();

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedTwoShops(db.db);
    // a1 opens in 2 days (fixtures). a2: open since 3 days ago until 20 days from now. a3: opens in 6.5 days.
    const window = (id: string, early: number, likely: number, late: number) =>
      db.db
        .updateTable("customer_predictions")
        .set({ due_early: at(early), due_likely: at(likely), due_late: at(late) })
        .where("shop_domain", "=", SHOP_A)
        .where("customer_id", "=", id)
        .execute();
    await window("a2", -3, 8, 20);
    await window("a3", 6.5, 9, 30);
    server = await listen(
      createApp({
        db: db.db,
        dbKind: db.kind,
        mounts: [{ path: "/api", handler: adminRoutes({ db: db.db, auth: demoShopAuth(SHOP_A), now: () => NOW }) }],
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
  });

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
