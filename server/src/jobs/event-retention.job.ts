import type { Job } from "./job.js";

export interface EventRetentionJobDeps {
  retention: { foldExpired(): Promise<Record<string, number>> };
  log: (message: string) => void;
  /** node-cron expression; daily at 04:45 by default, after the recompute (03:30) and the segment snapshot (04:15). */
  schedule?: string;
}

/** Folds storefront beacons past their retention period into daily counts and deletes old pixel rows (see event-retention.service.ts). */
export function createEventRetentionJob(deps: EventRetentionJobDeps): Job {
  return {
    name: "event-retention",
    schedule: deps.schedule ?? "45 4 * * *",
    // Not per shop: one queued job a day folds every shop's expired beacons.
    period: "day",
    async run() {
      const folded = await deps.retention.foldExpired();
      const total = Object.values(folded).reduce((a, b) => a + b, 0);
      if (total > 0)
        deps.log(
          `event-retention folded ${Object.entries(folded)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ")}`,
        );
      return folded;
    },
  };
}
