import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

// "+1,135 since last week" on a shop's first day compared today's grid with one rebuilt from order history:
// movement is shown only against a snapshot that was really taken about a week ago.
describe.each(DB_KINDS)("dashboard movement since last week on %s", (kind) => {
  let db: TestDb;
  const dashboard = () => createDashboardService({ db: db.db, now: () => NOW });
  const snapshot = (snapshotDays: number, takenDays: number, customers = 3) =>
    db.db
      .insertInto("segment_snapshots")
      .values({
        shop_domain: SHOP_A,
        snapshot_date: at(snapshotDays).slice(0, 10),
        segment_key: "repeat:active",
        customers,
        created_at: at(takenDays),
      })
      .execute();

  beforeAll(async () => {
    db = await createTestDb(kind);
    await seedTwoShops(db.db);
  });
  beforeEach(async () => {
    await db.db.deleteFrom("segment_snapshots").where("shop_domain", "=", SHOP_A).execute();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("shows no movement against a week-old snapshot written today (rebuilt, not observed)", async () => {
    await snapshot(-7, 0, 1500);
    const dash = await dashboard().get(SHOP_A);
    expect(dash.segmentsComparedTo).toBeNull();
    expect(dash.segments.every((s) => s.previousCount === null)).toBe(true);
  });

  it("shows no movement when the only real snapshot is months old", async () => {
    await snapshot(-60, -60);
    expect((await dashboard().get(SHOP_A)).segmentsComparedTo).toBeNull();
  });

  it("compares with the snapshot taken on its own day about a week ago", async () => {
    await snapshot(-9, -9, 5);
    await snapshot(-8, -8 + 0.1, 3); // the 04:15 job: taken on the day it describes
    await snapshot(-3, -3, 9); // too recent for "since last week"
    const dash = await dashboard().get(SHOP_A);
    expect(dash.segmentsComparedTo).toBe(at(-8).slice(0, 10));
    expect(dash.segments.find((s) => s.key === "repeat:active")).toMatchObject({ count: 1, previousCount: 3 });
  });

  it("takes the first real snapshot right after the first fit, so movement appears a week later", async () => {
    const pipeline = createPipeline({
      db: db.db,
      recompute: { recomputeShop: async () => ({ customers: 3 }), recomputeCustomer: async () => undefined } as never,
      recordSnapshot: dashboard().recordSnapshot,
      log: () => undefined,
    });
    await pipeline.shopSynced(SHOP_A);
    expect((await dashboard().get(SHOP_A)).segmentsComparedTo).toBeNull();
    const weekLater = await createDashboardService({ db: db.db, now: () => new Date(NOW.getTime() + 7 * DAY) }).get(
      SHOP_A,
    );
    expect(weekLater.segmentsComparedTo).toBe(NOW.toISOString().slice(0, 10));
  });
});
