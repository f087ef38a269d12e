import { sql } from "kysely";
import type { Db } from "../database.js";
import { chunks } from "./order.repository.js";

/** Storefront beacon kinds the retention job folds; decision facts (dismiss, assignment, conversion) stay raw. */
export type FoldableKind = "impression" | "click" | "visit";

interface FoldedRow {
  shop_domain: string;
  customer_id: string | null;
  campaign_key: string | null;
  occurred_at: string;
}

/**
 * Folds up to `limit` of the oldest `kind` rows that occurred before `before` (ISO) in one transaction: the rows
 * are deleted and exactly the rows deleted (RETURNING) are added to campaign_event_daily and, for visits, to each
 * shopper's customer_last_visits. A crash rolls the whole batch back; two runs at once delete disjoint rows (a row
 * one of them deleted is gone for the other), so nothing is lost or counted twice. Returns how many rows it folded.
 */
export async function foldEventsBefore(db: Db, kind: FoldableKind, before: string, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows: FoldedRow[] = await trx
      .deleteFrom("campaign_events")
      .where("id", "in", (eb) =>
        eb
          .selectFrom("campaign_events")
          .select("id")
          .where("kind", "=", kind)
          .where("occurred_at", "<", before)
          .orderBy("occurred_at")
          .limit(limit),
      )
      .returning(["shop_domain", "customer_id", "campaign_key", "occurred_at"])
      .execute();
    await addDailyCounts(trx, kind, rows);
    if (kind === "visit") await raiseLastVisits(trx, rows);
    return rows.length;
  });
}

async function addDailyCounts(db: Db, kind: FoldableKind, rows: FoldedRow[]): Promise<void> {
  const counts = new Map<
    string,
    { shop_domain: string; campaign_key: string; kind: string; day: string; events: number }
  >();
  for (const r of rows) {
    const day = r.occurred_at.slice(0, 10); // occurred_at is ISO UTC, so this is the UTC day
    const key = `${r.shop_domain}\u0000${r.campaign_key ?? ""}\u0000${day}`;
    const entry = counts.get(key) ?? {
      shop_domain: r.shop_domain,
      campaign_key: r.campaign_key ?? "",
      kind,
      day,
      events: 0,
    };
    entry.events++;
    counts.set(key, entry);
  }
  for (const batch of chunks([...counts.values()], 200)) {
    await db
      .insertInto("campaign_event_daily")
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(["shop_domain", "campaign_key", "kind", "day"])
          .doUpdateSet({ events: sql`campaign_event_daily.events + excluded.events` }),
      )
      .execute();
  }
}

async function raiseLastVisits(db: Db, rows: FoldedRow[]): Promise<void> {
  const latest = new Map<string, { shop_domain: string; customer_id: string; last_visit_at: string }>();
  for (const r of rows) {
    if (!r.customer_id) continue; // guest visits from before guests stopped being stored: counted, nobody's last visit
    const key = `${r.shop_domain}\u0000${r.customer_id}`;
    const seen = latest.get(key);
    if (!seen || seen.last_visit_at < r.occurred_at)
      latest.set(key, { shop_domain: r.shop_domain, customer_id: r.customer_id, last_visit_at: r.occurred_at });
  }
  for (const batch of chunks([...latest.values()], 200)) {
    await db
      .insertInto("customer_last_visits")
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(["shop_domain", "customer_id"])
          .doUpdateSet({ last_visit_at: sql`excluded.last_visit_at` })
          .where(sql<boolean>`customer_last_visits.last_visit_at < excluded.last_visit_at`),
      )
      .execute();
  }
}
