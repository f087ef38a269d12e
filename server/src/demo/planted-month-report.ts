// Planted truth against what the results page reports: per comparison and metric, the true difference, the
// estimate and whether the 95 % always-valid interval holds the truth.
import type { ExperimentResults } from "../services/experiment-results.js";
import { trueRevenuePerShopper, type PlantedTruth } from "../simulator/planted-orders.js";

export interface PlantedCheck {
  comparison: string;
  metric: "conversion" | "revenuePerCustomer";
  truth: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  inside: boolean | null;
}

export function plantedChecks(results: ExperimentResults, truth: PlantedTruth): PlantedCheck[] {
  const rate = (arm: string) => truth.conversion[arm] ?? 0;
  return results.analysis.comparisons.flatMap((c) =>
    (["conversion", "revenuePerCustomer"] as const).map((metric) => {
      const t =
        metric === "conversion"
          ? rate(c.treatment) - rate(c.control)
          : trueRevenuePerShopper(truth, c.treatment) - trueRevenuePerShopper(truth, c.control);
      const i = c[metric];
      return {
        comparison: `${c.treatment} vs ${c.control}`,
        metric,
        truth: t,
        estimate: i?.estimate ?? null,
        low: i?.low ?? null,
        high: i?.high ?? null,
        inside: i ? i.low <= t && t <= i.high : null,
      };
    }),
  );
}
