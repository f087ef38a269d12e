// A stored delivery that always fails is retried with capped exponential backoff, then kept as a dead letter the
// merchant sees (their own shop's only) and can retry; it never holds back the deliveries behind it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import { PlatformError } from "../../server/src/domain/shared/errors.js";
import { createApp } from "../../server/src/http/app.js";
import { syncRoutes } from "../../server/src/http/routes/sync.routes.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import {
  MAX_WEBHOOK_ATTEMPTS,
  createWebhookIngestService,
  nextAttemptAt,
  retryDelayMs,
} from "../../server/src/services/webhook-ingest.service.js";
import { orderPayload } from "../../server/src/simulator/webhook-payloads.js";
import { listen } from "../http/admin/fixtures.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { receivedDelivery } from "../helpers/webhook-rows.js";
import { startHarness, type Harness } from "./harness.js";

const SHOP = "retries-a.myshopify.com";
const OTHER = "retries-b.myshopify.com";
const SEED = { until: new Date("2009-12-04T00:00:00Z"), maxCustomers: 4, includeGuests: false };
const MINUTE = 60_000;

describe("webhook retry policy", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  it("backs off 1, 2, 4 … minutes, at most 6 hours", () => {
    expect([1, 2, 3, 4, 8].map(retryDelayMs)).toEqual([1, 2, 4, 8, 128].map((m) => m * MINUTE));
    expect(retryDelayMs(30)).toBe(6 * 60 * MINUTE);
  });
  it("gives up after 8 failures of the delivery's own, never because the platform was unreachable", () => {
    expect(nextAttemptAt(MAX_WEBHOOK_ATTEMPTS - 1, new Error("bad"), now)).not.toBeNull();
    expect(nextAttemptAt(MAX_WEBHOOK_ATTEMPTS, new Error("bad"), now)).toBeNull();
    expect(nextAttemptAt(MAX_WEBHOOK_ATTEMPTS, new PlatformError("refused", false), now)).toBeNull();
    expect(nextAttemptAt(20, new PlatformError("unreachable", true), now)?.getTime()).toBe(
      now.getTime() + 6 * 60 * MINUTE,
    );
  });
});

describe.each(DB_KINDS)("poison webhook deliveries on %s", (kind) => {
  let h: Harness;
  let clock = Date.parse("2026-03-01T00:00:00Z");
  const at = (ms: number) => new Date(ms).toISOString();
  let ingest: ReturnType<typeof createWebhookIngestService>;

  /** A delivery stored earlier and not applied; `payload` null or malformed makes it fail every time. */
  const stored = (shop: string, webhookId: string, payload: string | null, receivedAt = clock - 10 * MINUTE) =>
    webhookEvents.insertWebhookEvent(
      h.t.db,
      receivedDelivery(shop, webhookId, { received_at: at(receivedAt), payload }),
    );
  const poison = JSON.stringify({ id: 5, line_items: "not a list" });

  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }, { domain: OTHER }] } });
    await h.install(SHOP);
    await h.install(OTHER);
    ingest = createWebhookIngestService({
      db: h.t.db,
      platforms: h.platforms,
      privacy: createPrivacyService({ db: h.t.db }),
      now: () => new Date(clock),
      log: () => undefined,
    });
  }, 60_000);
  afterAll(async () => h?.close());

  it("retries a failing delivery with backoff and makes it a dead letter after 8 tries", async () => {
    await stored(SHOP, "poison-1", poison);
    const seen: Array<{ attempts: number; next: string | null; status: string }> = [];
    for (let run = 0; run < 40; run++) {
      await ingest.retryPending();
      const row = (await webhookEvents.findWebhookEvent(h.t.db, SHOP, "poison-1"))!;
      if (seen.at(-1)?.attempts !== row.attempts)
        seen.push({ attempts: row.attempts, next: row.next_attempt_at, status: row.status });
      clock += 10 * MINUTE; // the reconcile job's period
    }
    expect(seen.map((s) => s.attempts)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.at(-1)).toMatchObject({ status: "dead", next: null });
    const row = (await webhookEvents.findWebhookEvent(h.t.db, SHOP, "poison-1"))!;
    expect(row.payload).toBe(poison); // kept so the merchant can retry it
    expect(row.error).toMatch(/malformed/);
  });

  it("never lets old failing deliveries starve a newer good one", async () => {
    for (let i = 0; i < 12; i++) await stored(SHOP, `starve-${i}`, poison, clock - 60 * MINUTE + i);
    const order = [...h.sim.store(SHOP).orders.values()][0];
    await stored(SHOP, "good-1", JSON.stringify(orderPayload(h.sim.store(SHOP), order)), clock - 5 * MINUTE);
    for (let run = 0; run < 3; run++) {
      await ingest.retryPending({ limit: 5 });
      clock += 10 * MINUTE;
    }
    expect((await webhookEvents.findWebhookEvent(h.t.db, SHOP, "good-1"))?.status).toBe("processed");
    expect(await orders.findOrder(h.t.db, SHOP, String(order.id))).toBeDefined();
  });

  describe("in Sync and settings", () => {
    let server: { url: string; close(): Promise<void> };
    const api = (shop: string) => {
      const app = createApp({
        db: h.t.db,
        dbKind: h.t.kind,
        mounts: [
          {
            path: "/api/sync",
            handler: syncRoutes({
              status: createSyncStatusService({ db: h.t.db }),
              retryDeadLetter: (s, id) => ingest.retryDeadLetter(s, id),
              defaultShop: shop,
            }),
          },
        ],
      });
      return listen(app);
    };
    afterAll(async () => server?.close());

    it("lists the shop's own dead letters and retries one", async () => {
      await stored(OTHER, "other-dead", poison);
      await webhookEvents.markWebhookFailed(h.t.db, OTHER, "other-dead", {
        error: "boom",
        attempts: 8,
        nextAttemptAt: null,
      });
      server = await api(SHOP);
      const status = await (await fetch(`${server.url}/api/sync/status`)).json();
      expect(status.deadLetters.total).toBe(1);
      expect(status.deadLetters.items).toEqual([
        expect.objectContaining({ webhookId: "poison-1", topic: "orders/create", attempts: 8 }),
      ]);
      // Another shop's dead letter is not ours to retry.
      expect((await fetch(`${server.url}/api/sync/dead-letters/other-dead/retry`, { method: "POST" })).status).toBe(
        404,
      );
      expect((await webhookEvents.findWebhookEvent(h.t.db, OTHER, "other-dead"))?.status).toBe("dead");
      // Ours gets a fresh set of tries; this payload still fails, so it is back in the queue, not dead.
      const res = await fetch(`${server.url}/api/sync/dead-letters/poison-1/retry`, { method: "POST" });
      expect(await res.json()).toEqual({ outcome: "failed" });
      expect(await webhookEvents.findWebhookEvent(h.t.db, SHOP, "poison-1")).toMatchObject({
        status: "failed",
        attempts: 1,
      });
      expect((await (await fetch(`${server.url}/api/sync/status`)).json()).deadLetters.total).toBe(0);
    });
  });
});
