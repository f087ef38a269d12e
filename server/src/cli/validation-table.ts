import type { SyntheticValidationRow } from "../domain/synthetic/validate-synthetic.js";

const COLUMNS: Array<[string, (r: SyntheticValidationRow) => string]> = [
  ["regime", (r) => r.regime],
  ["cutoff", (r) => r.cutoff],
  ["cust", (r) => String(r.result.customers)],
  ["actual", (r) => String(r.result.actualRepeatOrders)],
  ["ours%", (r) => pct(r.result.ours.errorPct)],
  ["bg%", (r) => pct(r.result.bgnbd.errorPct)],
  ["cover", (r) => share(r.result.ours.reorderedInsideWindowShare)],
  ["width", (r) => num(r.result.ours.medianWindowDays)],
  ["shown", (r) => share(r.result.ours.windowedShare)],
  ["nx→", (r) => share(r.result.ours.notShownReorderedShare)],
  ["auc", (r) => dec(r.result.ours.auc90)],
  ["aucBG", (r) => dec(r.result.bgnbd.auc90)],
  ["aucRec", (r) => dec(r.result.recencyAuc90)],
  ["aucObs", (r) => dec(r.truth.observableOracleAuc90)],
  ["1x%", (r) => pct(r.result.segments.oneTimers.oursErrorPct)],
  ["young%", (r) => pct(r.result.segments.young.oursErrorPct)],
  ["heavy%", (r) => pct(r.result.segments.heavy.oursErrorPct)],
];

/**
 * One line per regime and cutoff. ours%/bg% aggregate error; cover = share of all reorderers whose first reorder
 * fell inside the window stated for them (those "not expected" scored too); width = median window days; shown =
 * share of customers expected within the horizon (a window is shown); nx→ = share of the others who did reorder;
 * auc/aucBG/aucRec 90-day AUC of ours, plain BG/NBD, recency; aucObs the best AUC a model seeing only the orders
 * can expect (observable-oracle.ts); segment errors (ours).
 */
export function validationTable(rows: SyntheticValidationRow[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells.map((c) => c.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ")).join("\n");
}

const pct = (v: number) => (Number.isFinite(v) ? `${v > 0 ? "+" : ""}${v.toFixed(1)}` : "—");
const share = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "—");
const num = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "—");
const dec = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "—");
