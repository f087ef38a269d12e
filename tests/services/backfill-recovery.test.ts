// Which shops start-up recovery resumes, how many at once, and that a backfill already running here is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSyncState, saveSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { createInstallService } from "../../server/src/services/install.service.js";
import type { SyncPhase } from "../../server/src/db/tables/sync.tables.js";
import type { BackfillResult } from "../../server/src/services/order-sync.service.js";
import { createBackfillRecovery } from "../../server/src/services/backfill-recovery.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const PHASES: Record<string, SyncPhase | null> = {
  "bulk.myshopify.com": "bulk",
  "paging.myshopify.com": "paging",
  "customers.myshopify.com": "customers",
  "failed.myshopify.com": "failed",
  "pending.myshopify.com": "pending",
  "live.myshopify.com": "live",
  "no-state.myshopify.com": null, // installed elsewhere, never began a backfill here: not ours to start
  "installing.myshopify.com": "bulk", // its install's backfill is running in this process
};

describe.each(DB_KINDS)("backfill recovery on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [shop, phase] of Object.entries(PHASES))
      if (phase) await saveSyncState(t.db, shop, { phase }, new Date());
  });
  afterAll(() => t?.destroy());

  it("resumes every unfinished backfill at start-up, two at a time, each followed by the first fit", async () => {
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sync = {
      isBackfilling: (shop: string) => shop === "installing.myshopify.com",
      async backfill(shop: string): Promise<BackfillResult> {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        events.push(`backfill ${shop}`);
        await gate;
        await new Promise((r) => setTimeout(r, 10));
        await saveSyncState(t.db, shop, { phase: "live" }, new Date());
        running--;
        return { method: "bulk", orders: 1, customers: 1 };
      },
    };
    const recovery = createBackfillRecovery({
      db: t.db,
      sync,
      listShops: async () => Object.keys(PHASES),
      onBackfilled: async (shop) => void events.push(`fit ${shop}`),
      concurrency: 2,
      log: () => undefined,
    });
    const unfinished = [
      "bulk.myshopify.com",
      "paging.myshopify.com",
      "customers.myshopify.com",
      "failed.myshopify.com",
      "pending.myshopify.com",
    ];
    expect((await recovery.resumeAll()).sort()).toEqual([...unfinished].sort());
    // Reconcile meanwhile: a queued or running shop is not queued twice; a live one is reconciled as usual.
    expect(await recovery.resumeIfUnfinished("bulk.myshopify.com")).toBe(true);
    expect(await recovery.resumeIfUnfinished("installing.myshopify.com")).toBe(true);
    expect(await recovery.resumeIfUnfinished("live.myshopify.com")).toBe(false);
    release();
    await recovery.idle();
    expect(mostAtOnce).toBe(2);
    expect(events.filter((e) => e.startsWith("backfill")).sort()).toEqual(
      unfinished.map((s) => `backfill ${s}`).sort(),
    );
    for (const shop of unfinished)
      expect(events.indexOf(`fit ${shop}`)).toBeGreaterThan(events.indexOf(`backfill ${shop}`));
    expect(events).toHaveLength(unfinished.length * 2);
  });

  it("logs a resumed backfill that fails and leaves it for the next reconcile run", async () => {
    await saveSyncState(t.db, "broken.myshopify.com", { phase: "paging" }, new Date());
    const logs: string[] = [];
    const fits: string[] = [];
    const recovery = createBackfillRecovery({
      db: t.db,
      sync: { isBackfilling: () => false, backfill: async () => Promise.reject(new Error("Shopify answered 503")) },
      listShops: async () => ["broken.myshopify.com"],
      onBackfilled: async (shop) => void fits.push(shop),
      log: (m) => logs.push(m),
    });
    await recovery.resumeAll();
    await recovery.idle();
    expect(fits).toEqual([]);
    expect(logs.join("\n")).toMatch(/broken\.myshopify\.com failed.*503/);
    expect(await recovery.resumeIfUnfinished("broken.myshopify.com")).toBe(true);
    await recovery.stop();
  });

  it("an install records a pending backfill before the shop row, so a crash before the backfill's first write still resumes", async () => {
    const shop = "crashed-install.myshopify.com";
    const install = createInstallService({
      db: t.db,
      platform: "shopify",
      exchangeToken: async () => undefined,
      hasOfflineSession: async () => false,
      backfill: () => new Promise(() => undefined), // the process dies before the backfill writes anything
      shopSynced: async () => undefined,
      log: () => undefined,
    });
    await install.ensureInstalled(shop, "jwt");
    expect((await findSyncState(t.db, shop))?.phase).toBe("pending");
    const resumed: string[] = [];
    const recovery = createBackfillRecovery({
      db: t.db,
      sync: {
        isBackfilling: () => false,
        backfill: async (s) => {
          resumed.push(s);
          return { method: "bulk", orders: 0, customers: 0 };
        },
      },
      listShops: async () => [shop],
      onBackfilled: async () => undefined,
      log: () => undefined,
    });
    expect(await recovery.resumeAll()).toEqual([shop]);
    await recovery.idle();
    expect(resumed).toEqual([shop]);
  });
});
