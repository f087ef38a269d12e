// After a recompute: the hook reads the stored predictions and coupons, and sends each occasion once; "lapsed" only
// for a customer the app saw active since their last order.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import type { FlowEvent } from "../../server/src/domain/flow/flow-events.js";
import type { Segment } from "../../server/src/domain/timing/prediction.js";
import { createFlowEventsHook } from "../../server/src/services/flow-events/flow-events-hook.js";
import { createFlowEventsService } from "../../server/src/services/flow-events/flow-events.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { daysAgo, NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";

const active: Segment = { lifecycle: "repeat", purchase: "active", visit: "unknown", key: "repeat:active" };
const lapsed: Segment = { lifecycle: "repeat", purchase: "inactive", visit: "unknown", key: "repeat:inactive" };
const outOfWindow = { early: daysAgo(-10), likely: daysAgo(-12), late: daysAgo(-15) };

describe("Flow events after a recompute", () => {
  let t: TestDb;
  let sent: Array<[string, FlowEvent]>;
  let recomputed: (shop: string, ids: string[]) => Promise<void>;
  beforeEach(async () => {
    t = await createTestDb();
    sent = [];
    await upsertInstalledShop(t.db, SHOP, "shopify", NOW);
    const service = createFlowEventsService({ db: t.db, deliver: async (shop, e) => void sent.push([shop, e]) });
    recomputed = createFlowEventsHook({ db: t.db, service, now: () => NOW });
  });
  afterEach(() => t.destroy());

  it("opens the window once, and fires lapsed once on the move from active", async () => {
    await upsertPredictions(t.db, SHOP, [prediction({ customerId: "c1", segment: active })]);
    await recomputed(SHOP, ["c1"]);
    await recomputed(SHOP, ["c1"]);
    expect(sent.map(([, e]) => e.kind)).toEqual(["reorder_window_opened"]);

    await upsertPredictions(t.db, SHOP, [prediction({ customerId: "c1", segment: lapsed, dueWindow: outOfWindow })]);
    await recomputed(SHOP, ["c1"]);
    await recomputed(SHOP, ["c1"]);
    expect(sent.map(([shop, e]) => [shop, e.kind, e.customerId])).toEqual([
      [SHOP, "reorder_window_opened", "c1"],
      [SHOP, "customer_lapsed", "c1"],
    ]);
  });

  it("does not call a customer lapsed whom it never saw active since their last order", async () => {
    await upsertPredictions(t.db, SHOP, [prediction({ customerId: "c2", segment: lapsed, dueWindow: outOfWindow })]);
    await recomputed(SHOP, ["c2"]);
    expect(sent).toEqual([]);
  });
});
