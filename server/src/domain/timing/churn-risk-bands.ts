/**
 * Churn risk is P(their next order would have come by now | their own rhythm). The bands a merchant filters by:
 * high once 90 % of their own gaps would have ended (past the late end of a typical window), medium past the median.
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
