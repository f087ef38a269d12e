import type { Kysely } from "kysely";
import type { Database, Db } from "../database.js";
import type { FlowEventTables } from "../tables/flow-event.tables.js";

// The flow_events table is not part of Database (db/database.ts); this module sees it through this view.
const flowDb = (db: Db) => db as unknown as Kysely<Database & FlowEventTables>;

export interface FlowOccasion {
  occasionKey: string;
  kind: string;
  customerId: string;
}

/** Claims an occasion: true for the one caller that inserted it, false when it was already claimed (sent). */
export async function claimFlowOccasion(db: Db, shop: string, occasion: FlowOccasion, at: Date): Promise<boolean> {
  const result = await flowDb(db)
    .insertInto("flow_events")
    .values({
      shop_domain: shop,
      occasion_key: occasion.occasionKey,
      kind: occasion.kind,
      customer_id: occasion.customerId,
      claimed_at: at.toISOString(),
    })
    .onConflict((oc) => oc.columns(["shop_domain", "occasion_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Gives a claim back after a failed send, so a later recompute sends it. */
export async function releaseFlowOccasion(db: Db, shop: string, occasionKey: string): Promise<void> {
  await flowDb(db)
    .deleteFrom("flow_events")
    .where("shop_domain", "=", shop)
    .where("occasion_key", "=", occasionKey)
    .execute();
}

/** Which of these occasion keys the shop has claimed. */
export async function claimedFlowOccasions(db: Db, shop: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await flowDb(db)
    .selectFrom("flow_events")
    .select("occasion_key")
    .where("shop_domain", "=", shop)
    .where("occasion_key", "in", keys)
    .execute();
  return new Set(rows.map((r) => r.occasion_key));
}
