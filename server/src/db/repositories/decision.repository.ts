import type { Db } from "../database.js";
import type { PublishedDecisionsTable } from "../tables/campaign.tables.js";
import type { StorefrontDecision } from "../../domain/campaigns/storefront-decision.js";
import type { Assignment, Verdict } from "../../domain/campaigns/decide.js";
import { chunks } from "./order.repository.js";

export interface PublishedDecision {
  customerId: string;
  decision: StorefrontDecision;
  verdicts: Verdict[];
  assignments: Assignment[];
  decidedAt: Date;
  publishedAt: Date | null;
}

function toPublished(r: PublishedDecisionsTable): PublishedDecision {
  return {
    customerId: r.customer_id,
    decision: JSON.parse(r.decision),
    verdicts: JSON.parse(r.verdicts),
    assignments: JSON.parse(r.assignments),
    decidedAt: new Date(r.decided_at),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
  };
}

export async function savePublishedDecisions(db: Db, shop: string, decisions: PublishedDecision[]): Promise<void> {
  for (const batch of chunks(decisions, 200)) {
    const rows: PublishedDecisionsTable[] = batch.map((d) => ({
      shop_domain: shop,
      customer_id: d.customerId,
      decision: JSON.stringify(d.decision),
      verdicts: JSON.stringify(d.verdicts),
      assignments: JSON.stringify(d.assignments),
      decided_at: d.decidedAt.toISOString(),
      published_at: d.publishedAt ? d.publishedAt.toISOString() : null,
    }));
    await db
      .insertInto("published_decisions")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["shop_domain", "customer_id"]).doUpdateSet((eb) => ({
          decision: eb.ref("excluded.decision"),
          verdicts: eb.ref("excluded.verdicts"),
          assignments: eb.ref("excluded.assignments"),
          decided_at: eb.ref("excluded.decided_at"),
          published_at: eb.ref("excluded.published_at"),
        })),
      )
      .execute();
  }
}

export async function findPublishedDecision(
  db: Db,
  shop: string,
  customerId: string,
): Promise<PublishedDecision | undefined> {
  const row = await db
    .selectFrom("published_decisions")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row ? toPublished(row) : undefined;
}

export async function listPublishedDecisions(
  db: Db,
  shop: string,
  customerIds: string[],
): Promise<Map<string, PublishedDecision>> {
  const out = new Map<string, PublishedDecision>();
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("published_decisions")
      .selectAll()
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
    for (const r of rows) out.set(r.customer_id, toPublished(r));
  }
  return out;
}

export async function markDecisionsPublished(db: Db, shop: string, customerIds: string[], at: Date): Promise<void> {
  for (const ids of chunks(customerIds, 500)) {
    await db
      .updateTable("published_decisions")
      .set({ published_at: at.toISOString() })
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
  }
}

/** The stored StorefrontDecision JSON text only: the storefront hot path sends it as is, without parsing. */
export async function findDecisionJson(db: Db, shop: string, customerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("published_decisions")
    .select("decision")
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row?.decision;
}
