// Pixel rows have a retention period (PIXEL_RETENTION_MONTHS, README "How long"): the nightly event-retention job
// deletes page-view counts last seen, and checkout claims made, more than 13 months ago, in every shop, and keeps
// everything younger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPixelCheckout, recordPixelPageView } from "../../server/src/db/repositories/pixel.repository.js";
import { createEventRetentionJob } from "../../server/src/jobs/event-retention.job.js";
import {
  createEventRetentionService,
  PIXEL_RETENTION_MONTHS,
} from "../../server/src/services/event-retention.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOPS = ["a.myshopify.com", "b.myshopify.com"];
const NOW = new Date("2026-12-02T12:00:00.000Z");
const CUTOFF = new Date("2025-11-02T12:00:00.000Z"); // NOW less 13 calendar months
const HOUR = 3_600_000;
// Around the cutoff, well inside and well past it.
const AGES = [
  { at: new Date(CUTOFF.getTime() - 400 * 24 * HOUR), kept: false },
  { at: new Date(CUTOFF.getTime() - HOUR), kept: false },
  { at: new Date(CUTOFF.getTime() + HOUR), kept: true },
  { at: new Date(NOW.getTime() - 24 * HOUR), kept: true },
];

describe.each(DB_KINDS)("pixel retention on %s", (kind) => {
  let t: TestDb;
  const rows = async (table: "pixel_visits" | "pixel_checkouts") =>
    (await t.db.selectFrom(table).select(["shop_domain", "client_id"]).execute())
      .map((r) => `${r.shop_domain}/${r.client_id}`)
      .sort();

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const shop of SHOPS)
      for (const [i, age] of AGES.entries()) {
        await recordPixelPageView(t.db, shop, `client-${i}`, age.at);
        await recordPixelCheckout(t.db, shop, `order-${i}`, `client-${i}`, age.at);
      }
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("the nightly job deletes the rows older than 13 months in every shop and keeps the rest", async () => {
    expect(PIXEL_RETENTION_MONTHS).toBe(13);
    const job = createEventRetentionJob({
      retention: createEventRetentionService({ db: t.db, now: () => NOW }),
      log: () => undefined,
    });
    const oldCount = AGES.filter((a) => !a.kept).length * SHOPS.length;
    expect(await job.run()).toMatchObject({ pixel_visits: oldCount, pixel_checkouts: oldCount });
    const kept = SHOPS.flatMap((shop) => AGES.flatMap((a, i) => (a.kept ? [`${shop}/client-${i}`] : []))).sort();
    expect(await rows("pixel_visits")).toEqual(kept);
    expect(await rows("pixel_checkouts")).toEqual(kept);
    expect(NOW.toISOString()).toBe("2026-12-02T12:00:00.000Z"); // the job did not move the clock it was given

    // A second run finds nothing more.
    expect(await job.run()).toMatchObject({ pixel_visits: 0, pixel_checkouts: 0 });
  });
});
