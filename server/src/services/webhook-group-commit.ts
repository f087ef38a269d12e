// Group commit for webhook acknowledgements: the deliveries verified while a store is under way are checked and
// stored together, in one INSERT ... SELECT ... ON CONFLICT DO NOTHING per batch (the check inside it) instead of
// three round trips each; a read follows only when some delivery was not stored (a duplicate or a refusal). Under a burst a round trip costs
// the app a socket write and PostgreSQL a backend wake-up (measured on three instances answering 3,000 deliveries:
// the socket writes to PostgreSQL were the app's largest self time, 14 s of 73 s busy), so the acknowledgement now
// costs per batch, not per delivery. Each delivery still gets its own outcome, none before its row is committed.
import type { Db } from "../db/database.js";
import type { NewWebhookEvent } from "../db/repositories/webhook-event.repository.js";
import { insertCheckedWebhookEvents, readIntakeOwners } from "../db/repositories/webhook-intake.repository.js";
import { UnauthorizedError, UnavailableError } from "../domain/shared/errors.js";
import type { PlatformId } from "../platforms/commerce-platform.js";
import { createWebhookSeenTimes } from "./webhook-seen-times.js";

/** A verified delivery waiting to be stored: its row, the intake's platform and the order id its body names. */
export interface AckItem {
  platformId: PlatformId;
  orderId: string | null;
  row: NewWebhookEvent;
}

export type Stored = "accepted" | "duplicate";

/** Rows per statement: 13 parameters each stays far below SQLite's and PostgreSQL's limits. */
const MAX_BATCH = 200;
/** Payload bytes per statement, so a burst of large bodies is not one huge statement. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Batches stored at once; deliveries verified meanwhile wait for the next one (they form it). Two at once left a
 * burst's batches at about two deliveries each (5,000 across three instances: 2,696 statements), each a round trip
 * and a commit on a machine whose CPU, not PostgreSQL's latency, sets the answer time; with one, a batch is what
 * arrived during the last store.
 */
const IN_FLIGHT = 1;
/**
 * How long a batch's store may take before its deliveries are answered 503 and the next batch goes. With one batch
 * in flight, a stuck statement (a lock held elsewhere, a database that stopped answering) would otherwise hold every
 * later delivery of this instance unanswered. Counted from the batch's oldest delivery's arrival and below
 * Shopify's 5 s, so the sender hears a failure it retries (the webhook id dedupes); a batch takes tens of ms, a few
 * hundred on a loaded 2-core box. The statement itself is not cancelled: should it commit later, the rows are stored
 * as usual (due for applying after the grace period of webhook-ingest.service.ts) and the retried delivery is a
 * duplicate. Until it settles, later batches are answered 503 at once without a statement: each would otherwise hold
 * another pooled connection behind the same stuck lock, until the pool (and every other query of the app) waits.
 */
export const STORE_TIMEOUT_MS = 4_000;

export function createAckGroupCommit(
  db: Db,
  log: (message: string) => void = console.error,
  storeTimeoutMs = STORE_TIMEOUT_MS,
) {
  const seenTimes = createWebhookSeenTimes(db, log);
  const waiting: Array<{ item: AckItem; at: number; settle: (outcome: Stored | Error) => void }> = [];
  let inFlight = 0;
  let stuck = 0; // stores past their deadline, not settled yet
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
      if (stuck > 0) {
        const err = new UnavailableError("Webhook intake waits for an earlier store; try again");
        for (const b of batch) b.settle(err);
        continue;
      }
      inFlight++;
      const items = batch.map((b) => b.item);
      let done = false;
      let late = false;
      // Settles the batch's deliveries once (the store, or the deadline, whichever comes first) and lets the next go.
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        settle();
        inFlight--;
        flush();
      };
      const deadline = setTimeout(
        () =>
          finish(() => {
            late = true;
            stuck++;
            log(`webhook intake: a batch of ${batch.length} not stored within ${storeTimeoutMs} ms; answered 503`);
            const err = new UnavailableError("Webhook delivery not stored in time; try again");
            for (const b of batch) b.settle(err);
          }),
        Math.max(0, batch[0].at + storeTimeoutMs - Date.now()),
      );
      deadline.unref?.();
      const accepted = (outcomes: Array<Stored | Error>) =>
        items.flatMap((item, i) => (outcomes[i] === "accepted" ? [item.row] : []));
      storeBatch(db, items).then(
        (outcomes) => {
          if (late) stuck--;
          if (late) return seenTimes.note(accepted(outcomes)); // stored after its 503: the retry is a duplicate
          finish(() => {
            for (const [i, b] of batch.entries()) b.settle(outcomes[i]);
            seenTimes.note(accepted(outcomes));
          });
        },
        (err: unknown) => {
          if (late) stuck--;
          finish(() => {
            for (const b of batch) b.settle(err instanceof Error ? err : new Error(String(err)));
          });
        },
      );
    }
  }

  return {
    /** Stores one delivery with whatever else is waiting: "accepted" if new, "duplicate" if held already. */
    store(item: AckItem): Promise<Stored> {
      return new Promise<Stored>((resolve, reject) => {
        waiting.push({
          item,
          at: Date.now(),
          settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
        });
        // The rest of this turn's deliveries join the batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    /** Settles once the last webhook times of the deliveries stored so far are written (shutdown, tests). */
    drain: () => seenTimes.drain(),
  };
}

/**
 * One batch: inserts in one statement every first delivery of a key whose check passes (insertCheckedWebhookEvents:
 * its shop is not installed on another platform, its order id is held by no other shop; the body's signature doesn't
 * say whose order it is and the shop header is unsigned; Shopify's order ids are global; an id nobody holds yet is
 * confirmed with the platform when applied). The rest are refused (UnauthorizedError, nothing stored) or
 * duplicates (held already, or twice in the batch), told apart by one read.
 */
async function storeBatch(db: Db, items: AckItem[]): Promise<Array<Stored | Error>> {
  const keyOf = (row: { shop_domain: string; webhook_id: string }) => `${row.shop_domain}\u0000${row.webhook_id}`;
  const firstOf = new Map<string, number>();
  for (const [i, item] of items.entries()) if (!firstOf.has(keyOf(item.row))) firstOf.set(keyOf(item.row), i);
  const inserted = await insertCheckedWebhookEvents(
    db,
    [...firstOf.values()].map((i) => ({ ...items[i], platform: items[i].platformId })),
  );
  const outcomes: Array<Stored | Error | undefined> = items.map(() => undefined);
  for (const r of inserted) outcomes[firstOf.get(keyOf(r))!] = "accepted";
  const rest = items.flatMap((item, i) => (outcomes[i] ? [] : [item]));
  if (!rest.length) return outcomes as Stored[];
  const why = await explainNotStored(db, rest);
  return outcomes.map((outcome, i) => outcome ?? why(items[i]));
}

/** Why a delivery the batch's insert skipped was not stored: refused, held already ("duplicate"), or neither. */
async function explainNotStored(db: Db, items: AckItem[]): Promise<(item: AckItem) => Stored | Error> {
  const platformOf = new Map<string, string>();
  const holders = new Map<string, string[]>();
  const stored = new Set<string>();
  const rows = await readIntakeOwners(
    db,
    [...new Set(items.map((i) => i.row.shop_domain))],
    [...new Set(items.flatMap((i) => (i.orderId ? [i.orderId] : [])))],
    [...new Set(items.map((i) => i.row.webhook_id))],
  );
  for (const r of rows) {
    if (r.kind === "shop") platformOf.set(r.key, r.value);
    else if (r.kind === "stored") stored.add(`${r.value}\u0000${r.key}`);
    else holders.set(r.key, [...(holders.get(r.key) ?? []), r.value]);
  }
  return ({ platformId, orderId, row }) => {
    const platform = platformOf.get(row.shop_domain);
    // One platform's signature says nothing about another platform's shop.
    if (platform && platform !== platformId) return new UnauthorizedError(`Webhook for a shop not on ${platformId}`);
    const held = orderId ? (holders.get(orderId) ?? []) : [];
    if (held.length && !held.includes(row.shop_domain))
      return new UnauthorizedError("Webhook order belongs to another shop");
    if (stored.has(`${row.shop_domain}\u0000${row.webhook_id}`)) return "duplicate";
    // Refused by the insert's check, which no longer refuses it (its owners changed meanwhile): not stored, so not
    // "duplicate" (a 200); the sender tries again.
    return new Error("Webhook delivery was not stored; try again");
  };
}
