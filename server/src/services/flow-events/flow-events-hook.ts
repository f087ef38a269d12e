// After a recompute stored its predictions: each customer's Flow events, decided from the stored prediction and
// coupons, sent once per occasion. "Moved to lapsed" needs the state before, which the recompute has overwritten:
// the hook leaves a marker (an unsent occasion "active_seen:<customer>:<last order day>") whenever it sees a
// customer not lapsed, so a later lapse with the same last order is a move, and a customer already lapsed when the
// app first saw them is not.
import type { Db } from "../../db/database.js";
import { claimFlowOccasion, claimedFlowOccasions } from "../../db/repositories/flow-event.repository.js";
import { listCustomerCoupons } from "../../db/repositories/coupon.repository.js";
import { findPrediction } from "../../db/repositories/prediction.repository.js";
import { readShopSettings } from "../../db/repositories/settings.repository.js";
import { type FlowCustomerState, decideFlowEvents } from "../../domain/flow/flow-events.js";
import type { CustomerPrediction } from "../../domain/timing/prediction.js";
import type { FlowEventsService } from "./flow-events.service.js";
import { flowSettingsView } from "./flow-settings.js";

const day = (d: Date) => d.toISOString().slice(0, 10);
const activeMarker = (p: CustomerPrediction) => `active_seen:${p.customerId}:${day(p.lastOrderAt)}`;

export function flowStateOf(p: CustomerPrediction, coupons: FlowCustomerState["coupons"]): FlowCustomerState {
  return {
    segmentKey: p.segment.key,
    lapsed: p.segment.lifecycle !== "none" && p.segment.purchase === "inactive",
    dueWindow: p.dueWindow,
    lastOrderAt: p.lastOrderAt,
    coupons,
  };
}

export function createFlowEventsHook(deps: { db: Db; service: FlowEventsService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  /** A page of stored predictions: one query each for settings, coupons and markers, then only what fires. */
  async function forPredictions(shop: string, predictions: CustomerPrediction[]): Promise<void> {
    const settings = (await readShopSettings(deps.db, shop)) ?? {};
    const warnDays = flowSettingsView(settings).flowCouponWarningDays;
    const unusedOf = new Map<string, FlowCustomerState["coupons"]>();
    for (const c of await listCustomerCoupons(
      deps.db,
      shop,
      predictions.map((p) => p.customerId),
    )) {
      if (c.usedAt || c.status !== "active") continue;
      unusedOf.set(c.customerId, [...(unusedOf.get(c.customerId) ?? []), { code: c.code, expiresAt: c.expiresAt }]);
    }
    const markers = await claimedFlowOccasions(deps.db, shop, predictions.map(activeMarker));
    const at = now();
    for (const prediction of predictions) {
      const id = prediction.customerId;
      const current = flowStateOf(prediction, unusedOf.get(id) ?? []);
      const seenActive = markers.has(activeMarker(prediction));
      const previous = seenActive ? { ...current, lapsed: false } : null;
      const events = decideFlowEvents({ customerId: id, previous, current, now: at, couponWarningDays: warnDays });
      if (events.length > 0) await deps.service.send(shop, events);
      if (!current.lapsed && !seenActive)
        await claimFlowOccasion(
          deps.db,
          shop,
          { occasionKey: activeMarker(prediction), kind: "active_seen", customerId: id },
          at,
        );
    }
  }
  /** After a recompute of these customers (their predictions are read back from the database). */
  async function customersRecomputed(shop: string, customerIds: string[]): Promise<void> {
    const found = await Promise.all(customerIds.map((id) => findPrediction(deps.db, shop, id)));
    await forPredictions(
      shop,
      found.filter((p): p is CustomerPrediction => p !== undefined),
    );
  }
  return Object.assign(customersRecomputed, { forPredictions });
}
