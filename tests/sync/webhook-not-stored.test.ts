// A delivery the batch's insert skipped, for a reason gone by the time the batch asks why (its owners changed in
// between), was not stored: answering it 200 "duplicate" would end Shopify's retries for a row we do not hold.
// It must be an error (500: the sender tries again), and nothing half-written.
import { type KyselyPlugin, type RootOperationNode, RawNode } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findWebhookEvent } from "../../server/src/db/repositories/webhook-event.repository.js";
import { UnauthorizedError } from "../../server/src/domain/shared/errors.js";
import { createAckGroupCommit } from "../../server/src/services/webhook-group-commit.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { receivedDelivery } from "../helpers/webhook-rows.js";

/** The batch's checked insert is one raw statement (webhook-intake.repository.ts). */
const insertsWebhookEvent = (node: RootOperationNode) =>
  RawNode.is(node) && node.sqlFragments.join("?").includes("INSERT INTO webhook_events");

/** The batch's checked insert stores nothing, as when its check refused the delivery at that moment. */
const insertRefusesEverything: KyselyPlugin = {
  transformQuery: ({ node }) =>
    insertsWebhookEvent(node) ? (RawNode.createWithSql("select 1 where 1 = 0") as RootOperationNode) : node,
  transformResult: async ({ result }) => result,
};

const SHOP = "not-stored.myshopify.com";
const row = receivedDelivery(SHOP, "wh-not-stored-1", { received_at: "2026-12-03T10:00:00.000Z" });

describe.each(DB_KINDS)("a delivery neither stored nor refused (%s)", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t?.destroy());

  it("is answered with an error, not as a duplicate, and nothing is stored", async () => {
    const commit = createAckGroupCommit(t.db.withPlugin(insertRefusesEverything), () => undefined);
    const outcome = await commit.store({ platformId: "shopify", orderId: "7001", row }).catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toBeInstanceOf(UnauthorizedError);
    expect((outcome as Error).message).toMatch(/not stored/);
    expect(await findWebhookEvent(t.db, SHOP, row.webhook_id)).toBeUndefined();
    await commit.drain();
  });
});
