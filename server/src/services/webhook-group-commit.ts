// Group commit for webhook acknowledgements: the deliveries verified while a store is under way are checked and
// stored together, one read (their shops' platforms and their order ids' holders) and one multi-row
// INSERT ... ON CONFLICT DO NOTHING per batch instead of three round trips each. Under a burst a round trip costs
// the app a socket write and PostgreSQL a backend wake-up (measured on three instances answering 3,000 deliveries:
// the socket writes to PostgreSQL were the app's largest self time, 14 s of 73 s busy), so the acknowledgement now
// costs per batch, not per delivery. Each delivery still gets its own outcome, none before its row is committed.
import type { Db } from "../db/database.js";
import type { NewWebhookEvent } from "../db/repositories/webhook-event.repository.js";
import { insertNewWebhookEvents, readIntakeOwners } from "../db/repositories/webhook-intake.repository.js";
import { recordWebhooksSeen } from "../db/repositories/sync-state.repository.js";
import { UnauthorizedError } from "../domain/shared/errors.js";
import type { PlatformId } from "../platforms/commerce-platform.js";

/** A verified delivery waiting to be stored: its row, the intake's platform and the order id its body names. */
export interface AckItem {
  platformId: PlatformId;
  orderId: string | null;
  row: NewWebhookEvent;
}

export type Stored = "accepted" | "duplicate";

/** Rows per statement: 11 parameters each stays far below SQLite's and PostgreSQL's limits. */
const MAX_BATCH = 200;
/** Payload bytes per statement, so a burst of large bodies is not one huge statement. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** Batches stored at once; deliveries arriving meanwhile wait for the next one (they form it). */
const IN_FLIGHT = 2;

export function createAckGroupCommit(db: Db, log: (message: string) => void = console.error) {
  // last_webhook_at is for the status page: one write per shop per second, the batch's due shops in one statement
  // (one each cost a round trip per shop and second on every instance during a burst).
  const lastSeenWrite = new Map<string, number>();
  const seenDue = (rows: NewWebhookEvent[]) =>
    rows.flatMap((row) => {
      const at = new Date(row.received_at);
      if (at.getTime() - (lastSeenWrite.get(row.shop_domain) ?? 0) < 1000) return [];
      lastSeenWrite.set(row.shop_domain, at.getTime());
      return [{ shop: row.shop_domain, at }];
    });
  const waiting: Array<{ item: AckItem; settle: (outcome: Stored | Error) => void }> = [];
  let inFlight = 0;
  let scheduled = false;

  function take(): typeof waiting {
    let bytes = 0;
    let n = 0;
    while (n < waiting.length && n < MAX_BATCH && (n === 0 || bytes < MAX_BATCH_BYTES))
      bytes += waiting[n++].item.row.payload?.length ?? 0;
    return waiting.splice(0, n);
  }

  function flush(): void {
    scheduled = false;
    while (inFlight < IN_FLIGHT && waiting.length) {
      const batch = take();
      inFlight++;
      storeBatch(
        db,
        batch.map((b) => b.item),
        seenDue,
        log,
      )
        .then(
          (outcomes) => {
            for (const [i, b] of batch.entries()) b.settle(outcomes[i]);
          },
          (err: unknown) => {
            for (const b of batch) b.settle(err instanceof Error ? err : new Error(String(err)));
          },
        )
        .finally(() => {
          inFlight--;
          flush();
        });
    }
  }

  return {
    /** Stores one delivery with whatever else is waiting: "accepted" if new, "duplicate" if held already. */
    store(item: AckItem): Promise<Stored> {
      return new Promise<Stored>((resolve, reject) => {
        waiting.push({ item, settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
        // The rest of this turn's deliveries join the batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}

/**
 * One batch: refuses (UnauthorizedError, nothing stored) a delivery for a shop installed on another platform or
 * naming an order id another shop holds (the body's signature doesn't say whose order it is and the shop header is
 * unsigned; Shopify's order ids are global; an id nobody holds yet is confirmed with the platform when applied), then inserts the rest in one statement; a key seen twice (already
 * stored, or twice in the batch) is a duplicate.
 */
async function storeBatch(
  db: Db,
  items: AckItem[],
  seenDue: (accepted: NewWebhookEvent[]) => Array<{ shop: string; at: Date }>,
  log: (message: string) => void,
): Promise<Array<Stored | Error>> {
  const shops = [...new Set(items.map((i) => i.row.shop_domain))];
  const orderIds = [...new Set(items.flatMap((i) => (i.orderId ? [i.orderId] : [])))];
  const platformOf = new Map<string, string>();
  const holders = new Map<string, string[]>();
  for (const r of await readIntakeOwners(db, shops, orderIds)) {
    if (r.kind === "shop") platformOf.set(r.key, r.value);
    else holders.set(r.key, [...(holders.get(r.key) ?? []), r.value]);
  }
  const outcomes: Array<Stored | Error> = items.map(({ platformId, orderId, row }) => {
    const platform = platformOf.get(row.shop_domain);
    // One platform's signature says nothing about another platform's shop.
    if (platform && platform !== platformId) return new UnauthorizedError(`Webhook for a shop not on ${platformId}`);
    const held = orderId ? (holders.get(orderId) ?? []) : [];
    if (held.length && !held.includes(row.shop_domain))
      return new UnauthorizedError("Webhook order belongs to another shop");
    return "duplicate";
  });
  const firstOf = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const key = `${item.row.shop_domain}\u0000${item.row.webhook_id}`;
    if (outcomes[i] === "duplicate" && !firstOf.has(key)) firstOf.set(key, i);
  }
  if (firstOf.size === 0) return outcomes;
  const inserted = await insertNewWebhookEvents(
    db,
    [...firstOf.values()].map((i) => items[i].row),
  );
  for (const r of inserted) outcomes[firstOf.get(`${r.shop_domain}\u0000${r.webhook_id}`)!] = "accepted";
  // The deliveries are stored: the status page's time failing must not answer them 500 (Shopify's retry would get
  // "duplicate" and the apply would wait for the reconcile job).
  await recordWebhooksSeen(
    db,
    seenDue(items.flatMap((item, i) => (outcomes[i] === "accepted" ? [item.row] : []))),
  ).catch((err: unknown) => log(`last webhook time not recorded: ${err instanceof Error ? err.message : String(err)}`));
  return outcomes;
}
