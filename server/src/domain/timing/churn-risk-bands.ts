/**
 * Churn risk is P(the customer has stopped buying) = 1 − P(active) (predict-customer.ts). The bands a merchant
 * filters by: high once the chance they still buy is 10 % or less, medium once it is a coin flip or worse.
 * `min` inclusive, `max` exclusive; high has no upper bound.
 */
export const CHURN_RISK_BANDS = {
  high: { min: 0.9, max: null },
  medium: { min: 0.5, max: 0.9 },
  low: { min: 0, max: 0.5 },
} as const satisfies Record<string, { min: number; max: number | null }>;

export type ChurnRiskBand = keyof typeof CHURN_RISK_BANDS;
export const CHURN_RISK_BAND_KEYS = Object.keys(CHURN_RISK_BANDS) as ChurnRiskBand[];

export function churnRiskBand(risk: number): ChurnRiskBand {
  if (risk >= CHURN_RISK_BANDS.high.min) return "high";
  return risk >= CHURN_RISK_BANDS.medium.min ? "medium" : "low";
}
