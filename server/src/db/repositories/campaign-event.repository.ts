import type { Db } from "../database.js";
import type { CampaignEventsTable } from "../tables/campaign.tables.js";
import type { CampaignEventFact, CampaignEventKind } from "../../domain/campaigns/decision-input.js";
import { chunks } from "./order.repository.js";

export type CampaignEventRow = CampaignEventsTable;

/** Inserts events; rows whose id already exists are skipped (engine facts use deterministic ids). */
export async function insertCampaignEvents(db: Db, rows: CampaignEventRow[]): Promise<void> {
  for (const batch of chunks(rows, 200)) {
    await db
      .insertInto("campaign_events")
      .values(batch)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
}

/**
 * Stores one storefront beacon; false when the shopper already sent this kind for this campaign on this page view
 * (the unique index campaign_events_page_view), so a replay is a no-op. Beacons without a page view always insert.
 */
export async function insertBeacon(db: Db, row: CampaignEventRow): Promise<boolean> {
  const result = await db
    .insertInto("campaign_events")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every event of these customers, grouped by customer, for the decision engine. */
export async function listCustomerEventFacts(
  db: Db,
  shop: string,
  customerIds: string[],
): Promise<Map<string, CampaignEventFact[]>> {
  const out = new Map<string, CampaignEventFact[]>(customerIds.map((id) => [id, []]));
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("campaign_events")
      .select(["customer_id", "campaign_key", "kind", "occurred_at"])
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .where("kind", "in", ["impression", "dismiss", "conversion"])
      .execute();
    for (const r of rows) {
      out
        .get(r.customer_id!)
        ?.push({ kind: r.kind as CampaignEventKind, campaign: r.campaign_key, occurredAt: new Date(r.occurred_at) });
    }
  }
  return out;
}

export interface AssignmentRow {
  customerId: string;
  campaign: string;
  holdout: boolean;
  assignedAt: Date;
}

/** Assignment events of these customers (any campaign). */
export async function listAssignments(db: Db, shop: string, customerIds: string[]): Promise<AssignmentRow[]> {
  const out: AssignmentRow[] = [];
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("campaign_events")
      .select(["customer_id", "campaign_key", "holdout", "occurred_at"])
      .where("shop_domain", "=", shop)
      .where("kind", "=", "assignment")
      .where("customer_id", "in", ids)
      .execute();
    for (const r of rows)
      out.push({
        customerId: r.customer_id!,
        campaign: r.campaign_key!,
        holdout: r.holdout === 1,
        assignedAt: new Date(r.occurred_at),
      });
  }
  return out;
}

/** Event counts of one campaign by kind: raw rows plus the daily counts of rows the retention job has folded. */
export async function countCampaignEvents(db: Db, shop: string, campaign: string): Promise<Record<string, number>> {
  const [raw, folded] = await Promise.all([
    db
      .selectFrom("campaign_events")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("shop_domain", "=", shop)
      .where("campaign_key", "=", campaign)
      .groupBy("kind")
      .execute(),
    db
      .selectFrom("campaign_event_daily")
      .select(["kind", (eb) => eb.fn.sum<number>("events").as("n")])
      .where("shop_domain", "=", shop)
      .where("campaign_key", "=", campaign)
      .groupBy("kind")
      .execute(),
  ]);
  const counts: Record<string, number> = {};
  for (const r of [...raw, ...folded]) counts[r.kind] = (counts[r.kind] ?? 0) + Number(r.n);
  return counts;
}
