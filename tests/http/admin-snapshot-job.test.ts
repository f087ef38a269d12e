import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSegmentSnapshotJob } from "../../server/src/jobs/segment-snapshot.job.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A, SHOP_B } from "./admin/fixtures.js";

describe("segment snapshot job", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedTwoShops(db.db);
  });
  afterAll(() => db?.destroy());

  it("snapshots every shop, carries on past a failing one, and is idempotent per day", async () => {
    const dashboard = createDashboardService({ db: db.db, now: () => NOW });
    const logs: string[] = [];
    const failing = {
      recordSnapshot: (shop: string) =>
        shop === "broken.myshopify.com" ? Promise.reject(new Error("boom")) : dashboard.recordSnapshot(shop),
    };
    const job = createSegmentSnapshotJob({
      dashboard: failing,
      listShops: async () => ["broken.myshopify.com", SHOP_A, SHOP_B],
      log: (m) => logs.push(m),
    });
    expect(await job.run()).toEqual({ shops: 3, ok: 2 });
    expect(await job.run()).toEqual({ shops: 3, ok: 2 });
    expect(logs[0]).toMatch(/broken.*boom/);
    const rows = await db.db
      .selectFrom("segment_snapshots")
      .selectAll()
      .where("snapshot_date", "=", "2026-11-20")
      .orderBy("shop_domain")
      .orderBy("segment_key")
      .execute();
    expect(rows.map((r) => [r.shop_domain, r.segment_key, r.customers])).toEqual([
      [SHOP_A, "first:at_risk", 1],
      [SHOP_A, "repeat:active", 1],
      [SHOP_A, "repeat:inactive", 1],
      [SHOP_B, "repeat:active", 1],
    ]);
  });
});
