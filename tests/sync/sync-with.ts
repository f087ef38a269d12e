// An order sync over the sync harness's Shopify platform with some of its calls replaced, to make a backfill fail,
// die or count what it reads; silent.
import { createOrderSyncService } from "../../server/src/services/order-sync.service.js";
import { registryOf } from "../helpers/platforms.js";
import type { Harness } from "./harness.js";

export function syncWith(
  h: Harness,
  replaced: Partial<Harness["stack"]["platform"]>,
  options: { pageSize?: number } = {},
) {
  return createOrderSyncService({
    db: h.t.db,
    platforms: registryOf(h.t.db, { ...h.stack.platform, ...replaced }),
    ...options,
    log: () => undefined,
  });
}
