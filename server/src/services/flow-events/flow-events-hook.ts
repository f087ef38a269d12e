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
  return async function customersRecomputed(shop: string, customerIds: string[]): Promise<void> {
    const settings = (await readShopSettings(deps.db, shop)) ?? {};
    const warnDays = flowSettingsView(settings).flowCouponWarningDays;
    const coupons = await listCustomerCoupons(deps.db, shop, customerIds);
    const at = now();
    for (const id of customerIds) {
      const prediction = await findPrediction(deps.db, shop, id);
      if (!prediction) continue;
      const unused = coupons
        .filter((c) => c.customerId === id && !c.usedAt && c.status === "active")
        .map((c) => ({ code: c.code, expiresAt: c.expiresAt }));
      const current = flowStateOf(prediction, unused);
      const seenActive = (await claimedFlowOccasions(deps.db, shop, [activeMarker(prediction)])).size > 0;
      const previous = seenActive ? { ...current, lapsed: false } : null;
      const events = decideFlowEvents({ customerId: id, previous, current, now: at, couponWarningDays: warnDays });
      await deps.service.send(shop, events);
      if (!current.lapsed)
        await claimFlowOccasion(
          deps.db,
          shop,
          { occasionKey: activeMarker(prediction), kind: "active_seen", customerId: id },
          at,
        );
    }
  };
}
