// How the features follow each other: an order change re-predicts that customer and republishes what they
// see; a finished backfill (or the nightly job) refits the shop and republishes everyone.
import type { Db } from "../db/database.js";
import {
  clearFirstRecomputePending,
  findSyncState,
  recordFirstRecomputeFailure,
} from "../db/repositories/sync-state.repository.js";
import type { RecomputeService } from "./recompute.service.js";

export interface PipelineDeps {
  db: Db;
  recompute: Pick<RecomputeService, "recomputeShop" | "recomputeCustomer">;
  /** Records today's segment counts, so a new shop's dashboard can show movement a week after its first fit. */
  recordSnapshot?: (shop: string) => Promise<void>;
  log?: (message: string) => void;
}

export function createPipeline({ db, recompute, recordSnapshot, log = console.log }: PipelineDeps) {
  // One refit per shop at a time in this process: recovery finding the first recompute still owed while install's
  // is running joins it instead of fitting the shop twice.
  const refitting = new Map<string, Promise<void>>();

  async function refit(shop: string): Promise<void> {
    // A retry is "computing" again, not a failure shown beside a progress bar that moves.
    await recordFirstRecomputeFailure(db, shop, null);
    const { customers } = await recompute.recomputeShop(shop).catch(async (err: unknown) => {
      // The admin says predictions failed and why, instead of "computing" forever; reconcile retries it.
      await recordFirstRecomputeFailure(db, shop, messageOf(err)).catch(() => undefined);
      throw err;
    });
    // Every customer is predicted now: the first recompute after the backfill is no longer owed (recovery).
    await clearFirstRecomputePending(db, shop);
    log(`predictions ready for ${shop}: ${customers} customers`);
    await recordSnapshot?.(shop).catch((err: unknown) =>
      log(`segment snapshot for ${shop} failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  return {
    /** Order webhook or reconcile: milliseconds per customer. Skipped while the shop's backfill is still running,
     *  because the refit at its end covers every customer and a partial-data refit would be wasted work. */
    async orderChanged(shop: string, customerId: string): Promise<void> {
      const state = await findSyncState(db, shop);
      if (state?.phase !== "live") return;
      try {
        await recompute.recomputeCustomer(shop, customerId);
      } catch (err) {
        log(`recompute ${shop}/${customerId} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },

    /** After a backfill: fit the store model and predict every customer (each page queues its publish job). */
    shopSynced(shop: string): Promise<void> {
      let run = refitting.get(shop);
      if (!run) {
        run = refit(shop).finally(() => refitting.delete(shop));
        refitting.set(shop, run);
      }
      return run;
    },
  };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type Pipeline = ReturnType<typeof createPipeline>;
