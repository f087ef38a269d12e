// Sends a recompute's Flow events through the shop's platform, each occasion once: the occasion is claimed in
// flow_events first (one instance wins the insert), sent, and given back if the send fails so a later recompute
// retries it. Shopify: flowTriggerReceive; Cafe24: the merchant's signed webhook (platforms/flow-deliverer.ts).
import type { Db } from "../../db/database.js";
import { claimFlowOccasion, releaseFlowOccasion } from "../../db/repositories/flow-event.repository.js";
import type { FlowEvent } from "../../domain/flow/flow-events.js";

/** Delivers one event to one shop; throws when it was not delivered. */
export type FlowEventDeliverer = (shop: string, event: FlowEvent) => Promise<void>;

export interface FlowSendReport {
  sent: number;
  alreadySent: number;
  failed: Array<{ occasionKey: string; error: string }>;
}

export function createFlowEventsService(deps: { db: Db; deliver: FlowEventDeliverer; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async send(shop: string, events: FlowEvent[]): Promise<FlowSendReport> {
      const report: FlowSendReport = { sent: 0, alreadySent: 0, failed: [] };
      for (const event of events) {
        if (!(await claimFlowOccasion(deps.db, shop, event, now()))) {
          report.alreadySent++;
          continue;
        }
        try {
          await deps.deliver(shop, event);
          report.sent++;
        } catch (err) {
          await releaseFlowOccasion(deps.db, shop, event.occasionKey);
          report.failed.push({ occasionKey: event.occasionKey, error: (err as Error).message });
        }
      }
      return report;
    },
  };
}

export type FlowEventsService = ReturnType<typeof createFlowEventsService>;
