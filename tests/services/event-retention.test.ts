// Issue 9 item 5: storefront beacons get a retention period. The job folds old raw rows into daily counts (and
// each shopper's last visit) and deletes them; every figure read from events must be the same before and after.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countCampaignEvents,
  insertCampaignEvents,
  listCustomerEventFacts,
  type CampaignEventRow,
} from "../../server/src/db/repositories/campaign-event.repository.js";
import {
  deleteCustomerCampaignData,
  deleteShopCampaignData,
} from "../../server/src/db/repositories/campaign.repository.js";
import { foldEventsBefore } from "../../server/src/db/repositories/event-retention.repository.js";
import { loadVisitSummaries } from "../../server/src/db/repositories/visit.repository.js";
import { CAMPAIGN_KEYS } from "../../server/src/domain/campaigns/campaign.js";
import { visitState } from "../../server/src/domain/segments/visit-purchase-grid.js";
import { createEventRetentionJob } from "../../server/src/jobs/event-retention.job.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import {
  BEACON_RETENTION_DAYS,
  createEventRetentionService,
} from "../../server/src/services/event-retention.service.js";
import type { Db } from "../../server/src/db/database.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOPS = ["a.myshopify.com", "b.myshopify.com"];
const NOW = new Date("2026-12-02T12:00:00.000Z");
const DAY = 86_400_000;
// Ages around every cutoff (90 and 366 days), plus well inside and well past them, at odd hours.
const AGES_DAYS = [0.2, 1, 30, 89.9, 90.1, 91, 120, 200, 365, 365.9, 366.1, 367, 400, 800];
const CUSTOMERS = Array.from({ length: 24 }, (_, i) => String(100 + i));

/** A deterministic spread of every event kind over shops, customers, campaigns and ages. */
function seedRows(): CampaignEventRow[] {
  let x = 7;
  const pick = <T>(list: readonly T[]): T => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return list[x % list.length];
  };
  const rows: CampaignEventRow[] = [];
  const at = (ageDays: number) => new Date(NOW.getTime() - ageDays * DAY).toISOString();
  for (let i = 0; i < 900; i++) {
    const kind = pick([
      "impression",
      "impression",
      "impression",
      "click",
      "visit",
      "visit",
      "dismiss",
      "assignment",
      "conversion",
    ] as const);
    const customer = i % 40 === 0 ? null : pick(CUSTOMERS); // a few legacy guest rows (stored before guests were ignored)
    rows.push({
      id: randomUUID(),
      shop_domain: pick(SHOPS),
      customer_id: customer,
      campaign_key: kind === "visit" ? null : pick(CAMPAIGN_KEYS),
      kind,
      holdout: kind === "assignment" || kind === "conversion" ? pick([0, 1]) : 0,
      order_id: kind === "conversion" ? `o${i}` : null,
      occurred_at: at(pick(AGES_DAYS) + pick([0, 0.01, 0.37])),
      page_view_id: kind === "assignment" || kind === "conversion" ? null : pick([null, randomUUID()]),
    });
  }
  return rows;
}

/** Everything read from events: campaign results, raw counts, the visit axis (and grid counts), decision facts. */
async function figures(db: Db) {
  const results = createCampaignResultsService({ db });
  const out: Record<string, unknown> = {};
  for (const shop of SHOPS) {
    for (const key of CAMPAIGN_KEYS) {
      out[`${shop} results ${key}`] = await results.results(shop, key);
      out[`${shop} counts ${key}`] = await countCampaignEvents(db, shop, key);
    }
    const visits = await loadVisitSummaries(db, shop, null);
    out[`${shop} visits`] = Object.fromEntries(
      [...visits!].map(([id, v]) => [id, v.lastVisitAt?.toISOString() ?? null]).sort(),
    );
    const some = await loadVisitSummaries(db, shop, [...CUSTOMERS.slice(0, 5), "nobody"]);
    out[`${shop} visits of some`] = Object.fromEntries(
      [...some!].map(([id, v]) => [id, v.lastVisitAt?.toISOString() ?? null]).sort(),
    );
    for (const cycleDays of [30, 120, 400]) {
      const grid: Record<string, number> = {};
      for (const id of CUSTOMERS) {
        const state = visitState(visits!.get(id) ?? { lastVisitAt: null }, NOW, cycleDays);
        grid[state] = (grid[state] ?? 0) + 1;
      }
      out[`${shop} grid visit axis, ${cycleDays}-day cycle`] = grid;
    }
    // What the decision engine reads: impressions only inside the longest frequency cap (365 days), the rest always.
    const facts = await listCustomerEventFacts(db, shop, CUSTOMERS);
    const capWindowStart = NOW.getTime() - 365 * DAY;
    out[`${shop} decision facts`] = [...facts].map(([id, list]) => [
      id,
      list
        .filter((f) => f.kind !== "impression" || f.occurredAt.getTime() > capWindowStart)
        .map((f) => `${f.kind} ${f.campaign} ${f.occurredAt.toISOString()}`)
        .sort(),
    ]);
  }
  return out;
}

const countRaw = async (db: Db, kind: string, olderThanDays: number) =>
  Number(
    (
      await db
        .selectFrom("campaign_events")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("kind", "=", kind)
        .where("occurred_at", "<", new Date(NOW.getTime() - olderThanDays * DAY).toISOString())
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DB_KINDS)("event retention on %s", (kind) => {
  let t: TestDb;
  const seeded = seedRows();
  beforeAll(async () => {
    t = await createTestDb(kind);
    await insertCampaignEvents(t.db, seeded);
  });
  afterAll(() => t.destroy());

  it("folds beacons past their retention period and changes no figure read from events", async () => {
    const before = await figures(t.db);
    const decisionFactsBefore = {
      dismiss: await countRaw(t.db, "dismiss", 0),
      assignment: await countRaw(t.db, "assignment", 0),
      conversion: await countRaw(t.db, "conversion", 0),
    };
    const expected = {
      visit: await countRaw(t.db, "visit", BEACON_RETENTION_DAYS.visit),
      click: await countRaw(t.db, "click", BEACON_RETENTION_DAYS.click),
      impression: await countRaw(t.db, "impression", BEACON_RETENTION_DAYS.impression),
    };
    expect(Math.min(...Object.values(expected))).toBeGreaterThan(10); // the seed really has old rows of each kind

    const logs: string[] = [];
    // Small batches, so the run takes many transactions.
    const job = createEventRetentionJob({
      retention: createEventRetentionService({ db: t.db, now: () => NOW, batchSize: 7 }),
      log: (m) => logs.push(m),
    });
    expect(await job.run()).toEqual({ ...expected, pixel_visits: 0, pixel_checkouts: 0 });
    expect(logs).toHaveLength(1);

    expect(await figures(t.db)).toEqual(before);
    for (const k of ["visit", "click", "impression"] as const)
      expect(await countRaw(t.db, k, BEACON_RETENTION_DAYS[k])).toBe(0);
    expect({
      dismiss: await countRaw(t.db, "dismiss", 0),
      assignment: await countRaw(t.db, "assignment", 0),
      conversion: await countRaw(t.db, "conversion", 0),
    }).toEqual(decisionFactsBefore);

    // A second run finds nothing to fold and changes nothing.
    expect(await job.run()).toEqual({ visit: 0, click: 0, impression: 0, pixel_visits: 0, pixel_checkouts: 0 });
    expect(await figures(t.db)).toEqual(before);
  });

  it("keeps counting new beacons on top of the folded ones", async () => {
    const results = createCampaignResultsService({ db: t.db });
    const before = (await results.results(SHOPS[0], "win_back")).impressions;
    await insertCampaignEvents(t.db, [
      {
        id: randomUUID(),
        shop_domain: SHOPS[0],
        customer_id: "100",
        campaign_key: "win_back",
        kind: "impression",
        holdout: 0,
        order_id: null,
        occurred_at: NOW.toISOString(),
      },
    ]);
    expect((await results.results(SHOPS[0], "win_back")).impressions).toBe(before + 1);
  });

  it("erases a shopper's folded last visit on customers/redact, and the shop's daily counts on shop/redact", async () => {
    const shop = SHOPS[0];
    const lastVisits = async () =>
      (
        await t.db.selectFrom("customer_last_visits").select("customer_id").where("shop_domain", "=", shop).execute()
      ).map((r) => r.customer_id);
    const victim = (await lastVisits())[0];
    expect(victim).toBeDefined();
    await deleteCustomerCampaignData(t.db, shop, victim);
    expect(await lastVisits()).not.toContain(victim);
    expect((await loadVisitSummaries(t.db, shop, [victim]))?.get(victim)?.lastVisitAt ?? null).toBeNull();

    await deleteShopCampaignData(t.db, shop);
    expect(await lastVisits()).toEqual([]);
    expect(
      await t.db.selectFrom("campaign_event_daily").select("day").where("shop_domain", "=", shop).execute(),
    ).toEqual([]);
    expect(
      await t.db.selectFrom("campaign_event_daily").select("day").where("shop_domain", "=", SHOPS[1]).execute(),
    ).not.toEqual([]);
  });
});

describe.each(DB_KINDS)("event retention batches on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it("rolls a failed batch back whole: no row deleted without being counted", async () => {
    const old = new Date(NOW.getTime() - 400 * DAY).toISOString();
    await insertCampaignEvents(
      t.db,
      Array.from({ length: 5 }, (_, i) => ({
        id: `v${i}`,
        shop_domain: SHOPS[0],
        customer_id: String(i),
        campaign_key: null,
        kind: "visit",
        holdout: 0,
        order_id: null,
        occurred_at: old,
      })),
    );
    // The last-visit upsert fails after the delete and the daily count in the same transaction.
    await sql`drop table customer_last_visits`.execute(t.db);
    await expect(foldEventsBefore(t.db, "visit", NOW.toISOString(), 100)).rejects.toThrow();
    expect(await countRaw(t.db, "visit", 0)).toBe(5);
    expect(await t.db.selectFrom("campaign_event_daily").selectAll().execute()).toEqual([]);
  });
});
