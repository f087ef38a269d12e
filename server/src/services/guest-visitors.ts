import type { Db } from "../db/database.js";
import { countGuestClientsSeenSince } from "../db/repositories/pixel.repository.js";
import type { SegmentCell } from "../contracts/admin-api.js";

const DAY = 86_400_000;
/** A guest has no reorder cycle of their own: seen within 30 days is visiting, within 60 at risk (then inactive). */
export const GUEST_ACTIVE_DAYS = 30;
export const GUEST_AT_RISK_DAYS = 60;

type Cell = Omit<SegmentCell, "previousCount">;

/**
 * Adds the web pixel's guests (browsers no order of ours ties to a customer) to the grid's "never purchased" row,
 * as visiting or at risk by their last page view. They have no prediction, so they are counted here, not per customer.
 */
export async function withGuestVisitors(db: Db, shop: string, now: Date, cells: Cell[]): Promise<Cell[]> {
  const [active, within60] = await Promise.all([
    countGuestClientsSeenSince(db, shop, new Date(now.getTime() - GUEST_ACTIVE_DAYS * DAY)),
    countGuestClientsSeenSince(db, shop, new Date(now.getTime() - GUEST_AT_RISK_DAYS * DAY)),
  ]);
  const out = cells.map((c) => ({ ...c }));
  const add = (visit: "active" | "at_risk", count: number) => {
    if (count <= 0) return;
    const key = `none:never_purchased_visit_${visit}`;
    const cell = out.find((c) => c.key === key);
    if (cell) cell.count += count;
    else out.push({ key, lifecycle: "none", purchase: "never", visit, count });
  };
  add("active", active);
  add("at_risk", within60 - active);
  return out;
}
