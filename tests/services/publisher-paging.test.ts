import type { KyselyPlugin } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import {
  createDecisionPublisher,
  type PredictionLoader,
  predictionsFromDb,
} from "../../server/src/services/decision-publisher.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";

const CUSTOMERS = Array.from({ length: 23 }, (_, i) => `c${String(i).padStart(2, "0")}`);

/** The shop installed on a fake platform with CUSTOMERS, each with a stored prediction. */
async function shopWithPredictions(t: TestDb) {
  const fake = createFakePlatform();
  fake.install(SHOP, { customers: CUSTOMERS });
  const platforms = await installedOn(t.db, fake.platform, [SHOP]);
  await upsertPredictions(
    t.db,
    SHOP,
    CUSTOMERS.map((customerId) => prediction({ customerId })),
  );
  return { fake, platforms };
}

/** A whole-shop publish reads the stored predictions a page at a time (issue 11): never the whole shop at once. */
describe.each(DB_KINDS)("whole-shop publish pages through predictions on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("asks for pages of at most pageSize and writes every customer's metafield once", async () => {
    const { fake, platforms } = await shopWithPredictions(t);
    await createCampaignService({ db: t.db, now: () => NOW }).update(SHOP, "replenishment", {
      enabled: true,
      holdoutShare: 0,
    });
    const fromDb = predictionsFromDb(t.db);
    const pages: number[] = [];
    const loader: PredictionLoader = async (shop, ids) => {
      if (ids === null) throw new Error("loaded the whole shop's predictions at once");
      return fromDb(shop, ids);
    };
    loader.page = async (shop, after, limit) => {
      const page = await fromDb.page!(shop, after, limit);
      pages.push(page.length);
      return page;
    };
    const publisher = createDecisionPublisher({
      db: t.db,
      platforms,
      loadPredictions: loader,
      now: () => NOW,
      pageSize: 5,
    });
    const summary = await publisher.publishShop(SHOP);
    expect(pages).toEqual([5, 5, 5, 5, 3, 0]);
    expect(summary).toMatchObject({ customers: 23, metafieldsWritten: 23, metafieldFailures: 0 });
    expect(
      fake.metafieldCalls
        .flat()
        .map((m) => m.customerId)
        .sort(),
    ).toEqual(CUSTOMERS);
  });
  it("a recompute page's publish reads each customer's prediction once (under its claim)", async () => {
    const { platforms } = await shopWithPredictions(t);
    // Prediction rows the database returned: those carrying a prediction column, not only the customer id.
    let predictionRows = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        for (const row of args.result.rows) if ("p_alive" in (row as object)) predictionRows++;
        return args.result;
      },
    };
    const db = t.db.withPlugin(counting);
    const publisher = createDecisionPublisher({
      db,
      platforms,
      loadPredictions: predictionsFromDb(db),
      now: () => NOW,
      pageSize: 5,
    });
    const summary = await publisher.publishRange(SHOP, CUSTOMERS[0], CUSTOMERS[20]);
    expect(summary).toMatchObject({ customers: 20, metafieldsWritten: 20, metafieldFailures: 0 });
    expect(predictionRows).toBe(20);
  });
});
