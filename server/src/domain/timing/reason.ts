/** The one-line "why" shown to merchants, in English and Korean. */
export interface ReasonInput {
  orders: number;
  /** Typical gap (median) and its ± spread, in days. */
  cycleDays: number;
  spreadDays: number;
  elapsedDays: number;
  /** Own-window gap quantiles in days. */
  earlyDays: number;
  lateDays: number;
}

type Status = "not_due" | "due" | "overdue";

const STATUS_EN: Record<Status, string> = { not_due: "not due yet", due: "due now", overdue: "overdue" };
const STATUS_KO: Record<Status, string> = {
  not_due: "아직 이른 시기",
  due: "재구매 시기",
  overdue: "재구매 시기 지남",
};

export function reasonLine(r: ReasonInput): { en: string; ko: string } {
  const status: Status = r.elapsedDays < r.earlyDays ? "not_due" : r.elapsedDays <= r.lateDays ? "due" : "overdue";
  const c = Math.round(r.cycleDays);
  const s = Math.round(r.spreadDays);
  const e = Math.round(r.elapsedDays);
  if (r.orders <= 1) {
    return {
      en: `first order ${e} days ago; similar shoppers reorder in about ${c} days → ${STATUS_EN[status]}`,
      ko: `첫 주문 후 ${e}일; 비슷한 고객은 약 ${c}일 후 재구매 → ${STATUS_KO[status]}`,
    };
  }
  return {
    en: `buys every ${c} ± ${s} days; ${e} days since last order → ${STATUS_EN[status]}`,
    ko: `${c} ± ${s}일마다 구매; 마지막 주문 후 ${e}일 → ${STATUS_KO[status]}`,
  };
}
