// last_webhook_at (the status page's "last webhook") for the deliveries the intake stored, written after they are
// answered, not before: it says nothing about the delivery's safety, and awaited inside the batch it cost every
// acknowledgement of a burst one more PostgreSQL round trip. One write at a time per instance; shops due meanwhile
// (at most one write per shop and second) wait in `pending` and go together in the next one.
import type { Db } from "../db/database.js";
import { recordWebhooksSeen } from "../db/repositories/sync-state.repository.js";

export function createWebhookSeenTimes(db: Db, log: (message: string) => void) {
  const lastNoted = new Map<string, number>();
  const pending = new Map<string, Date>();
  let writing: Promise<void> | undefined;

  function writeNext(): void {
    if (writing || !pending.size) return;
    const seen = [...pending].map(([shop, at]) => ({ shop, at }));
    pending.clear();
    writing = recordWebhooksSeen(db, seen)
      .catch((err: unknown) =>
        log(`last webhook time not recorded: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        writing = undefined;
        writeNext();
      });
  }

  return {
    /** The shops of deliveries just stored, at their receipt times; written soon, never awaited by the answer. */
    note(rows: Array<{ shop_domain: string; received_at: string }>): void {
      for (const row of rows) {
        const at = new Date(row.received_at);
        if (at.getTime() - (lastNoted.get(row.shop_domain) ?? 0) < 1000) continue;
        lastNoted.set(row.shop_domain, at.getTime());
        pending.set(row.shop_domain, at);
      }
      writeNext();
    },
    /** Settles once every time noted so far is written (or its failure logged): shutdown, tests. */
    async drain(): Promise<void> {
      while (writing) await writing;
    },
  };
}
