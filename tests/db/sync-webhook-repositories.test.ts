import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import { insertCheckedWebhookEvents } from "../../server/src/db/repositories/webhook-intake.repository.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { receivedDelivery } from "../helpers/webhook-rows.js";

const A = "a.myshopify.com";
const B = "b.myshopify.com";
const event = (shop: string, id: string) => receivedDelivery(shop, id);

describe.each(DB_KINDS)("sync state and webhook events on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t.destroy());

  it("stores a delivery once per webhook id, per shop", async () => {
    expect(await webhookEvents.insertWebhookEvent(t.db, event(A, "w1"))).toBe(true);
    expect(await webhookEvents.insertWebhookEvent(t.db, event(A, "w1"))).toBe(false);
    expect(await webhookEvents.insertWebhookEvent(t.db, event(B, "w1"))).toBe(true);
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, () => webhookEvents.insertWebhookEvent(t.db, event(A, "w2"))),
    );
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await webhookEvents.countWebhookEvents(t.db, A)).toBe(2);
  });

  it("a batch-stored delivery without a due time is due from its receipt, as one stored alone", async () => {
    // Otherwise its next_attempt_at is NULL: a crash before it is applied leaves it where no retry ever finds it.
    const delivery = { row: event(A, "checked-due"), platform: "shopify", orderId: null };
    expect(await insertCheckedWebhookEvents(t.db, [delivery])).toHaveLength(1);
    const due = await webhookEvents.listDueWebhookEvents(t.db, new Date("2026-01-01T00:00:01Z"), 100);
    expect(due.map((r) => r.webhook_id)).toContain("checked-due");
    await t.db.deleteFrom("webhook_events").where("webhook_id", "=", "checked-due").execute();
  });

  it("drops the payload once processed", async () => {
    await webhookEvents.markWebhookProcessed(t.db, A, "w1", new Date("2026-01-02T00:00:00Z"));
    const row = await webhookEvents.findWebhookEvent(t.db, A, "w1");
    expect(row).toMatchObject({ status: "processed", payload: null });
    expect((await webhookEvents.findWebhookEvent(t.db, B, "w1"))?.payload).toBe("{}");
  });

  it("patches sync state and only moves last_webhook_at forward", async () => {
    await syncState.saveSyncState(t.db, A, { phase: "paging", cursor: "c1", orders_done: 10 }, new Date());
    await syncState.saveSyncState(t.db, A, { cursor: "c2", orders_done: 20 }, new Date());
    await syncState.recordWebhookSeen(t.db, A, new Date("2026-01-03T00:00:00Z"));
    await syncState.recordWebhookSeen(t.db, A, new Date("2026-01-02T00:00:00Z"));
    expect(await syncState.findSyncState(t.db, A)).toMatchObject({
      phase: "paging",
      cursor: "c2",
      orders_done: 20,
      last_webhook_at: "2026-01-03T00:00:00.000Z",
    });
    expect(await syncState.findSyncState(t.db, B)).toBeUndefined();
  });

  it("writes a batch's webhook times in shop order, so instances lock the same rows in the same order", async () => {
    // Three instances upserting overlapping shops each in its own arrival order deadlocked on PostgreSQL (40P01,
    // 33 in 900 statements in a probe at load 18, each after a 1 s deadlock_timeout): one order for all prevents it.
    const order: string[][] = [];
    const recording: KyselyPlugin = {
      transformQuery: (args) => {
        // Rows of plain values are PrimitiveValueListNodes: their values are the parameters themselves.
        const node = args.node as unknown as { kind: string; values?: { values?: Array<{ values: unknown[] }> } };
        if (node.kind === "InsertQueryNode")
          order.push((node.values?.values ?? []).map((row) => String(row.values[0])));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const at = new Date("2026-02-01T00:00:00Z");
    const shops = ["c.myshopify.com", "a.myshopify.com", "d.myshopify.com", "b.myshopify.com"];
    await syncState.recordWebhooksSeen(
      t.db.withPlugin(recording),
      shops.map((shop) => ({ shop, at })),
    );
    expect(order).toEqual([[...shops].sort()]);
    expect((await syncState.findSyncState(t.db, "d.myshopify.com"))?.last_webhook_at).toBe(at.toISOString());
  });
});
