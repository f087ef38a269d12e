// Issue 11 (scale test, run 4): a shop's first full recompute after its backfill ran only in the process that
// finished the backfill. An instance killed during it left the shop "live" with a stored model and only the
// predictions order webhooks had made since; nothing ran the full recompute again until the nightly job. Here the
// first recompute "dies" (it throws, as a killed process never finishes it), a few customers are re-predicted as
// their order webhooks would, then a new instance's recovery runs over the same database: start-up (install path)
// and a handed-back backfill-shop job (recovery path). Afterwards every customer with orders has a prediction.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSyncWiring } from "../../server/src/main/sync-wiring.js";
import { loadStoreModel } from "../../server/src/db/repositories/model-fit.repository.js";
import { findSyncState, saveSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { inlineRecomputeEngine } from "../../server/src/services/recompute-engine.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "./harness.js";

const SEED = { until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 25, includeGuests: false };
const NOW = new Date("2009-12-08T00:00:00Z");
const SHOPS = {
  install: "first-fit-a.myshopify.com",
  resumed: "first-fit-b.myshopify.com",
  reconciled: "first-fit-c.myshopify.com",
};

describe.each(DB_KINDS)("a shop's first full recompute survives its process dying on %s", (kind) => {
  let h: Harness;
  const recompute = () => createRecomputeService({ db: h.t.db, clock: () => NOW, log: () => undefined });
  /**
   * The pipeline of an instance killed during the first full recompute, where the scale test's was: the store
   * model fitted and stored, no page of predictions written.
   */
  const dyingPipeline = () => {
    const engine = () => ({
      ...inlineRecomputeEngine(),
      predict: async (): Promise<never> => {
        throw new Error("killed during the first full recompute");
      },
    });
    const dying = createRecomputeService({ db: h.t.db, clock: () => NOW, log: () => undefined, engine });
    return createPipeline({ db: h.t.db, recompute: dying, log: () => undefined });
  };
  /** A new app instance over the same database (the production sync wiring with the real pipeline). */
  const newInstance = () => {
    const pipeline = createPipeline({ db: h.t.db, recompute: recompute(), log: () => undefined });
    return createSyncWiring({ db: h.t.db, platforms: h.platforms, onBackfilled: pipeline.shopSynced });
  };

  /** Customers with a counted order (one not cancelled, refunded or a test) and no prediction. */
  async function unpredicted(shop: string): Promise<number> {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from (
      select distinct customer_id from orders
        where shop_domain = ${shop} and customer_id is not null and excluded_reason is null
      except select customer_id from customer_predictions where shop_domain = ${shop}) x`.execute(h.t.db);
    return Number(rows[0]!.n);
  }

  /** What order webhooks do after the backfill: re-predict a few customers against the (first) stored model. */
  async function webhooksRepredictSome(shop: string): Promise<void> {
    const ids = [...h.sim.store(shop).customers.keys()].slice(0, 3).map(String);
    const pipeline = createPipeline({ db: h.t.db, recompute: recompute(), log: () => undefined });
    for (const id of ids) await pipeline.orderChanged(shop, id);
    // The first model is stored, so each is predicted alone; everyone else is still waiting.
    expect(await loadStoreModel(h.t.db, shop)).toBeTruthy();
    expect(await unpredicted(shop)).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: Object.values(SHOPS).map((domain) => ({ domain, seed: SEED })) } });
    for (const shop of Object.values(SHOPS)) await h.install(shop);
  });
  afterAll(async () => h?.close());

  it("install path: the next instance's start-up recovery runs the first recompute the dead one never finished", async () => {
    const shop = SHOPS.install;
    // What install does: the backfill, then the first fit in the same process (which dies).
    await h.sync.backfill(shop);
    await expect(dyingPipeline().shopSynced(shop)).rejects.toThrow("killed");
    await webhooksRepredictSome(shop);
    const next = newInstance();
    await next.recovery.resumeAll();
    await next.recovery.idle();
    expect(await unpredicted(shop)).toBe(0);
    await next.recovery.stop();
  });

  it("recovery path: a handed-back backfill-shop job runs the first recompute its dead instance never finished", async () => {
    const shop = SHOPS.resumed;
    await saveSyncState(h.t.db, shop, {}, new Date()); // as install records it before its backfill begins
    const dead = createSyncWiring({ db: h.t.db, platforms: h.platforms, onBackfilled: dyingPipeline().shopSynced });
    await dead.recovery.runShop(shop); // backfills, then its first fit dies (logged, not thrown)
    await dead.recovery.stop();
    await webhooksRepredictSome(shop);
    const next = newInstance();
    await next.recovery.runShop(shop); // what the shared queue runs when it hands the job to another instance
    expect(await unpredicted(shop)).toBe(0);
    // Done now: a further handed-back job or start-up leaves the shop alone.
    expect(await next.recovery.resumeAll()).toEqual([]);
    await next.recovery.stop();
  });

  it("reconcile job: queues the first recompute still owed and reconciles the live shop as usual", async () => {
    const shop = SHOPS.reconciled;
    await h.sync.backfill(shop);
    await expect(dyingPipeline().shopSynced(shop)).rejects.toThrow("killed");
    await webhooksRepredictSome(shop);
    const next = newInstance();
    const reconcile = next.jobs.find((job) => job.name === "reconcile-orders")!;
    await reconcile.perShop!.runShop(shop);
    await next.recovery.idle();
    expect(await unpredicted(shop)).toBe(0);
    expect((await findSyncState(h.t.db, shop))?.last_reconciled_at).toBeTruthy();
    await next.recovery.stop();
  });
});
