// Order history from a file (`cli import`): a store's past orders from its own export, stored like synced ones.
import type { Db } from "../db/database.js";
import { upsertOrdersAtomically } from "../db/repositories/order.repository.js";
import { findShop, listInstalledShops } from "../db/repositories/shop.repository.js";
import type { Order } from "../domain/orders/order.js";
import { ValidationError } from "../domain/shared/errors.js";

export interface ImportOutcome {
  orders: number;
  /** Inserted or replaced (a re-import of the same file writes the same rows again: idempotent). */
  written: number;
  /** Already stored with a newer update (e.g. synced from the platform since): left as they are. */
  keptNewer: number;
}

const BATCH = 500;

export function createOrderImportService(deps: { db: Db }) {
  const { db } = deps;

  /** Stores the orders for an installed shop in one transaction, keyed by (shop, order id); a dry run writes nothing. */
  async function importOrders(shop: string, orders: Order[], options: { dryRun: boolean }): Promise<ImportOutcome> {
    if (!(await findShop(db, shop))) {
      const known = await listInstalledShops(db);
      throw new ValidationError(
        `Unknown shop ${shop}: install the app on it first (installed: ${known.join(", ") || "none"})`,
      );
    }
    if (options.dryRun) return { orders: orders.length, written: 0, keptNewer: 0 };
    const written = await upsertOrdersAtomically(db, shop, batches(orders));
    return { orders: orders.length, written: written.length, keptNewer: orders.length - written.length };
  }

  return { importOrders };
}

function* batches(orders: Order[]): Generator<Order[]> {
  for (let i = 0; i < orders.length; i += BATCH) yield orders.slice(i, i + BATCH);
}
