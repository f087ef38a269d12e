// A shop of N customers with orders, the real recompute (pages of P) and the real decision publisher on a fake
// platform that counts each customer's metafield writes and can refuse one customer's batch a number of times.
import type { Db } from "../../server/src/db/database.js";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import type { CustomerMetafield } from "../../server/src/platforms/commerce-platform.js";
import { PlatformError } from "../../server/src/domain/shared/errors.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { inlineRecomputeEngine } from "../../server/src/services/recompute-engine.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import type { PublishPage } from "../../server/src/db/repositories/publish-page.repository.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";

export const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;

export const customerId = (i: number) => `c${String(i).padStart(4, "0")}`;

function ordersOf(customers: number): Order[] {
  const out: Order[] = [];
  for (let c = 0; c < customers; c++)
    for (let k = 0; k < 2 + (c % 3); k++) {
      const at = new Date(NOW.getTime() - (3 + c + k * 30) * DAY);
      out.push({
        ...{ id: `o${c}-${k}`, customerId: customerId(c), processedAt: at, updatedAt: at, cancelledAt: null },
        ...{ test: false, totalPrice: 30, refundedTotal: 0, currency: "KRW", discountCodes: [] },
        lines: [{ productId: "beans", variantId: null, title: "Beans", quantity: 1, price: 30 }],
      });
    }
  return out;
}

/** The shop, its recompute (pages of `pageSize`) and publisher; `publishRange` records each call's customer count. */
export async function publishFixture(db: Db, shop: string, customers: number, pageSize: number) {
  await upsertOrders(db, shop, ordersOf(customers));
  const writes = new Map<string, number>();
  const failing = { customer: "", times: 0 };
  const fake = createFakePlatform();
  fake.install(shop, { customers: [] });
  const platform = {
    ...fake.platform,
    async setCustomerMetafields(_shop: string, metafields: CustomerMetafield[]) {
      if (failing.times > 0 && metafields.some((m) => m.customerId === failing.customer)) {
        failing.times--;
        throw new PlatformError("metafields down", true);
      }
      for (const m of metafields) writes.set(m.customerId, (writes.get(m.customerId) ?? 0) + 1);
      return { rejected: [] };
    },
  };
  const platforms = await installedOn(db, platform, [shop]);
  const publisher = createDecisionPublisher({
    db,
    platforms,
    loadPredictions: predictionsFromDb(db),
    now: () => NOW,
    log: () => undefined,
  });
  const calls: Array<{ afterId: string | null; throughId: string; customers: number }> = [];
  const publishRange = async (s: string, afterId: string | null, throughId: string) => {
    const summary = await publisher.publishRange(s, afterId, throughId);
    calls.push({ afterId, throughId, customers: summary.customers });
    return summary;
  };
  /** Sizes of the id lists the recompute hands to onRecomputed (before issue 11: the whole shop, in one call). */
  const idLists: number[] = [];
  const recomputeWith = (publishPages: { enqueue(page: PublishPage): Promise<unknown> }) =>
    createRecomputeService({
      onRecomputed: (_shop, ids) => void idLists.push(ids.length),
      db,
      clock: () => NOW,
      log: () => undefined,
      pageSize,
      engine: inlineRecomputeEngine,
      publishPages,
    });
  return { writes, failing, calls, idLists, publishRange, recomputeWith };
}
