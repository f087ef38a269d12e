import type { Db } from "../database.js";

/** A published decision row with the customer's name, for the storefront preview's customer picker. */
export interface PreviewCandidate {
  customerId: string;
  firstName: string | null;
  lastName: string | null;
  /** JSON StorefrontDecision. */
  decision: string;
  /** JSON Assignment[]. */
  assignments: string;
}

export type PreviewCandidateKind = "banner" | "notice" | "holdout";

interface DecisionFilter {
  column: "decision" | "assignments";
  op: "like" | "not like";
  pattern: string;
}

// JSON.stringify writes `"banner":null` only for an empty slot (quotes inside string values are escaped),
// so a LIKE on the stored text finds each kind portably on SQLite and PostgreSQL.
const PATTERNS: Record<PreviewCandidateKind, DecisionFilter> = {
  banner: { column: "decision", op: "not like", pattern: '%"banner":null%' },
  notice: { column: "decision", op: "not like", pattern: '%"notice":null%' },
  holdout: { column: "assignments", op: "like", pattern: '%"holdout":true%' },
};

/** Up to `limit` customers of one shop whose published decision matches the filter, by customer id. */
async function findCandidates(db: Db, shop: string, f: DecisionFilter, limit: number): Promise<PreviewCandidate[]> {
  const rows = await db
    .selectFrom("published_decisions as d")
    .leftJoin("customers as c", (join) =>
      join.onRef("c.shop_domain", "=", "d.shop_domain").onRef("c.customer_id", "=", "d.customer_id"),
    )
    .select(["d.customer_id", "c.first_name", "c.last_name", "d.decision", "d.assignments"])
    .where("d.shop_domain", "=", shop)
    .where(`d.${f.column}`, f.op, f.pattern)
    .orderBy("d.customer_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    firstName: r.first_name,
    lastName: r.last_name,
    decision: r.decision,
    assignments: r.assignments,
  }));
}

/** Up to `limit` customers of one shop whose published decision is of the given kind, by customer id. */
export function findPreviewCandidates(
  db: Db,
  shop: string,
  kind: PreviewCandidateKind,
  limit: number,
): Promise<PreviewCandidate[]> {
  return findCandidates(db, shop, PATTERNS[kind], limit);
}

/**
 * Up to `limit` customers of one shop whose published decision shows this campaign (banner or notice), by customer
 * id. Each campaign key fills one slot only, and quotes inside text values are escaped, so the key's JSON pair is
 * unambiguous in the stored text.
 */
export function findCampaignPreviewCandidates(
  db: Db,
  shop: string,
  campaign: string,
  limit: number,
): Promise<PreviewCandidate[]> {
  const pattern = `%"campaign":${JSON.stringify(campaign)}%`;
  return findCandidates(db, shop, { column: "decision", op: "like", pattern }, limit);
}
