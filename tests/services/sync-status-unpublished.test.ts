// A customer Shopify refused a decision for (deleted there) is counted on Sync and settings, per shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { clearPublishErrors, recordPublishErrors } from "../../server/src/db/repositories/publish-error.repository.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "status-a.myshopify.com";
const OTHER = "status-b.myshopify.com";
const at = new Date("2026-03-01T00:00:00Z");
const decision = (customerId: string) => ({
  customerId,
  decision: { version: 1 as const, customerId, banner: null, notice: null, decidedAt: at.toISOString() },
  verdicts: [],
  assignments: [],
  decidedAt: at,
  publishedAt: null,
});

describe.each(DB_KINDS)("sync status: unpublished customers on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const shop of [SHOP, OTHER]) await savePublishedDecisions(t.db, shop, ["1", "2", "3"].map(decision));
  });
  afterAll(() => t.destroy());

  it("counts the shop's own refused customers and drops one once a write succeeds", async () => {
    const status = createSyncStatusService({ db: t.db });
    expect((await status.status(SHOP)).unpublishedCustomers).toBe(0);
    await recordPublishErrors(
      t.db,
      SHOP,
      [{ customerId: "2", reason: "unknown_customer", message: "Owner does not exist." }],
      at,
    );
    await recordPublishErrors(t.db, SHOP, [{ customerId: "3", reason: "invalid", message: "Value is invalid." }], at);
    await recordPublishErrors(
      t.db,
      OTHER,
      [{ customerId: "1", reason: "unknown_customer", message: "Owner does not exist." }],
      at,
    );
    expect((await status.status(SHOP)).unpublishedCustomers).toBe(2);
    expect((await status.status(OTHER)).unpublishedCustomers).toBe(1);
    await clearPublishErrors(t.db, SHOP, ["2"]);
    expect((await status.status(SHOP)).unpublishedCustomers).toBe(1);
  });
});
