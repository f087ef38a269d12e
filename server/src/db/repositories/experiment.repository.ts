import type { Db } from "../database.js";
import type { CampaignContent } from "../../domain/campaigns/campaign.js";
import type { ExposureSpan, RevenueOrder } from "../../domain/experiments/attribution-window.js";
import { noExperiment, type ContentVariant, type ExperimentState } from "../../domain/experiments/variant.js";
import { chunks } from "./order.repository.js";

/** Every campaign's variants and winner for one shop, keyed by campaign. */
export async function listExperimentStates(db: Db, shop: string): Promise<Map<string, ExperimentState>> {
  const [variants, experiments] = await Promise.all([
    db
      .selectFrom("campaign_variants")
      .selectAll()
      .where("shop_domain", "=", shop)
      .orderBy("campaign_key")
      .orderBy("variant_id")
      .execute(),
    db.selectFrom("campaign_experiments").selectAll().where("shop_domain", "=", shop).execute(),
  ]);
  const out = new Map<string, ExperimentState>();
  const stateOf = (key: string) => {
    const s = out.get(key) ?? noExperiment();
    out.set(key, s);
    return s;
  };
  for (const v of variants)
    stateOf(v.campaign_key).variants.push({
      id: v.variant_id,
      content: JSON.parse(v.content) as CampaignContent,
      imageUrl: v.image_url,
      weight: Number(v.weight),
    });
  for (const e of experiments)
    Object.assign(stateOf(e.campaign_key), { winner: e.winner_variant, endedAt: e.ended_at });
  return out;
}

/** Replaces a campaign's extra variants (the editor saves the whole list). */
export async function replaceVariants(
  db: Db,
  shop: string,
  campaign: string,
  variants: ContentVariant[],
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("campaign_variants")
      .where("shop_domain", "=", shop)
      .where("campaign_key", "=", campaign)
      .execute();
    if (variants.length === 0) return;
    await tx
      .insertInto("campaign_variants")
      .values(
        variants.map((v) => ({
          shop_domain: shop,
          campaign_key: campaign,
          variant_id: v.id,
          content: JSON.stringify(v.content),
          image_url: v.imageUrl,
          weight: v.weight,
          updated_at: now.toISOString(),
        })),
      )
      .execute();
  });
}

/** Sets (or clears, with null) the winner; a winner ends the test at `now`. */
export async function saveWinner(db: Db, shop: string, campaign: string, winner: string | null, now: Date) {
  const values = { winner_variant: winner, ended_at: winner ? now.toISOString() : null };
  await db
    .insertInto("campaign_experiments")
    .values({ shop_domain: shop, campaign_key: campaign, ...values })
    .onConflict((oc) => oc.columns(["shop_domain", "campaign_key"]).doUpdateSet(values))
    .execute();
}

export interface ArmAssignment {
  customerId: string;
  campaign: string;
  arm: string;
}

/** Records that these customers were decided into these arms at `at`: the first arm is kept, the latest time and arm move. */
export async function recordArmAssignments(db: Db, shop: string, rows: ArmAssignment[], at: Date): Promise<void> {
  const iso = at.toISOString();
  for (const batch of chunks(rows, 200)) {
    await db
      .insertInto("experiment_assignments")
      .values(
        batch.map((r) => ({
          shop_domain: shop,
          campaign_key: r.campaign,
          customer_id: r.customerId,
          arm: r.arm,
          last_arm: r.arm,
          first_at: iso,
          last_at: iso,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["shop_domain", "campaign_key", "customer_id"]).doUpdateSet((eb) => ({
          last_arm: eb.ref("excluded.last_arm"),
          last_at: eb.ref("excluded.last_at"),
        })),
      )
      .execute();
  }
}

/** Spans of one campaign's customers (all campaigns when `campaign` is null) still inside the window at `since`. */
export async function listExposureSpans(
  db: Db,
  shop: string,
  campaign: string | null,
  activeSince: Date | null = null,
): Promise<Array<ExposureSpan & { campaign: string }>> {
  let q = db
    .selectFrom("experiment_assignments")
    .select(["campaign_key", "customer_id", "arm", "first_at", "last_at"])
    .where("shop_domain", "=", shop);
  if (campaign !== null) q = q.where("campaign_key", "=", campaign);
  if (activeSince) q = q.where("last_at", ">=", activeSince.toISOString());
  const rows = await q.execute();
  return rows.map((r) => ({
    campaign: r.campaign_key,
    customerId: r.customer_id,
    arm: r.arm,
    firstAt: new Date(r.first_at),
    lastAt: new Date(r.last_at),
  }));
}

/** Counted orders (not cancelled, test or refunded) of these customers processed in [from, to), revenue net of refunds. */
export async function listRevenueOrders(
  db: Db,
  shop: string,
  customerIds: string[],
  from: Date,
  to: Date | null = null,
): Promise<RevenueOrder[]> {
  const out: RevenueOrder[] = [];
  for (const ids of chunks([...new Set(customerIds)], 500)) {
    let q = db
      .selectFrom("orders")
      .select(["order_id", "customer_id", "processed_at", "total_price", "refunded_total"])
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .where("excluded_reason", "is", null)
      .where("processed_at", ">=", from.toISOString());
    if (to) q = q.where("processed_at", "<", to.toISOString());
    for (const r of await q.execute())
      out.push({
        orderId: r.order_id,
        customerId: r.customer_id!,
        processedAt: new Date(r.processed_at),
        revenue: Number(r.total_price) - Number(r.refunded_total),
      });
  }
  return out;
}

/** The arms one customer was really decided into in one campaign (first and latest); null when never assigned. */
export async function findCustomerArms(
  db: Db,
  shop: string,
  campaign: string,
  customerId: string,
): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom("experiment_assignments")
    .select(["arm", "last_arm"])
    .where("shop_domain", "=", shop)
    .where("campaign_key", "=", campaign)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row ? { first: row.arm, last: row.last_arm } : null;
}

/**
 * Impressions and clicks of one campaign per arm: by the variant the beacon's banner showed (stored only after it
 * was checked against the customer's assignment), else (beacons without one) by the customer's first arm.
 */
export async function countEngagementByArm(
  db: Db,
  shop: string,
  campaign: string,
): Promise<Map<string, { impressions: number; clicks: number }>> {
  const rows = await db
    .selectFrom("campaign_events as e")
    .innerJoin("experiment_assignments as a", (j) =>
      j
        .onRef("a.shop_domain", "=", "e.shop_domain")
        .onRef("a.campaign_key", "=", "e.campaign_key")
        .onRef("a.customer_id", "=", "e.customer_id"),
    )
    .select((eb) => [eb.fn.coalesce("e.variant", "a.arm").as("arm"), "e.kind", eb.fn.countAll<number>().as("n")])
    .where("e.shop_domain", "=", shop)
    .where("e.campaign_key", "=", campaign)
    .where("e.kind", "in", ["impression", "click"])
    .groupBy((eb) => [eb.fn.coalesce("e.variant", "a.arm"), "e.kind"])
    .execute();
  const out = new Map<string, { impressions: number; clicks: number }>();
  for (const r of rows) {
    const arm = String(r.arm); // never null: a.arm is NOT NULL
    const e = out.get(arm) ?? { impressions: 0, clicks: 0 };
    if (r.kind === "impression") e.impressions += Number(r.n);
    else e.clicks += Number(r.n);
    out.set(arm, e);
  }
  return out;
}
