import type { Job } from "./job.js";
import { errorMessage } from "./queue/job-queue.js";

/** Runs runShop for every installed shop in turn; one shop's failure is logged and never stops the others. */
export async function runEachShop(
  label: string,
  listShops: () => Promise<string[]>,
  runShop: (shop: string) => Promise<unknown>,
  log: (message: string) => void,
): Promise<{ shops: number; ok: number }> {
  let ok = 0;
  const shops = await listShops();
  for (const shop of shops) {
    try {
      await runShop(shop);
      ok++;
    } catch (err) {
      log(`${label} ${shop} failed: ${errorMessage(err)}`);
    }
  }
  return { shops: shops.length, ok };
}

export interface DailyShopJobSpec {
  name: string;
  schedule: string;
  listShops: () => Promise<string[]>;
  runShop: (shop: string) => Promise<unknown>;
  log: (message: string) => void;
}

/** A daily job split into one queued job per shop and day; run() does every shop now, in this process. */
export function dailyShopJob({ name, schedule, listShops, runShop, log }: DailyShopJobSpec): Job {
  return {
    name,
    schedule,
    period: "day",
    perShop: { listShops, runShop },
    run: () => runEachShop(name, listShops, runShop, log),
  };
}
