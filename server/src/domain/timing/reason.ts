/** The one-line "why" shown to merchants, in English and Korean: plain sentences, not "17 ± 23일마다 구매". */
export interface ReasonInput {
  orders: number;
  /** Typical gap (median) and its ± spread, in days. */
  cycleDays: number;
  spreadDays: number;
  elapsedDays: number;
  /** Own-window gap quantiles in days. */
  earlyDays: number;
  lateDays: number;
  /**
   * The next-order outlook (next-order-window.ts). When the order is not expected within the horizon, a due or late
   * own rhythm must not read as "reorder now": the line says the chance instead, so it tells the page's story.
   */
  outlook?: { horizonDays: number; pOrder: number; expected: boolean };
}

type Status = "not_due" | "due" | "overdue";
/** How steady the gaps are: the spread against the cycle (17 ± 23 days is "irregular"). */
type Rhythm = "regular" | "varying" | "irregular";

const REGULAR_AT_MOST = 0.3;
const IRREGULAR_FROM = 0.75;

const STATUS_EN: Record<Status, string> = {
  not_due: "not due yet",
  due: "due to reorder now",
  overdue: "later than usual",
};
const STATUS_KO: Record<Status, string> = {
  not_due: "아직 재구매 시기 전이에요",
  due: "지금이 재구매 시기예요",
  overdue: "평소보다 늦어지고 있어요",
};
const RHYTHM_EN: Record<Rhythm, string> = {
  regular: ", quite regularly",
  varying: "",
  irregular: ", though the gaps vary a lot",
};
const RHYTHM_KO: Record<Rhythm, string> = {
  regular: " (꽤 규칙적이에요)",
  varying: "",
  irregular: " (주기가 들쭉날쭉해요)",
};

function rhythmOf(cycle: number, spread: number): Rhythm {
  const ratio = spread / Math.max(cycle, 1);
  return ratio <= REGULAR_AT_MOST ? "regular" : ratio >= IRREGULAR_FROM ? "irregular" : "varying";
}

const daysEn = (n: number) => (n === 1 ? "1 day" : `${n} days`);
const agoEn = (n: number) => (n === 0 ? "today" : `${daysEn(n)} ago`);

/** A chance below one half, never printed as "50%" (that would read as a coin flip, not "unlikely"). */
function percent(p: number): string {
  const n = Math.min(49, Math.round(p * 100));
  return n < 1 ? "<1%" : `${n}%`;
}

/** The status words, honest about a due or late rhythm when the outlook says no order within the horizon. */
function statusWords(status: Status, firstOrder: boolean, o: ReasonInput["outlook"]): { en: string; ko: string } {
  if (!o || o.expected || status === "not_due") return { en: STATUS_EN[status], ko: STATUS_KO[status] };
  const h = o.horizonDays,
    pct = percent(o.pOrder);
  if (status === "due")
    return firstOrder
      ? {
          en: `within the usual reorder window, but an order within ${h} days is unlikely (${pct})`,
          ko: `재구매 시기에 들어 있지만 ${h}일 안에 주문할 가능성은 낮아요(${pct})`,
        }
      : {
          en: `in their usual reorder window, but an order within ${h} days is unlikely (${pct})`,
          ko: `평소 재구매 시기이지만 ${h}일 안에 주문할 가능성은 낮아요(${pct})`,
        };
  return {
    en: `later than usual, and an order within ${h} days is unlikely (${pct})`,
    ko: `평소보다 늦어지고 있어요. ${h}일 안에 주문할 가능성도 낮아요(${pct})`,
  };
}

export function reasonLine(r: ReasonInput): { en: string; ko: string } {
  const status: Status = r.elapsedDays < r.earlyDays ? "not_due" : r.elapsedDays <= r.lateDays ? "due" : "overdue";
  const c = Math.max(1, Math.round(r.cycleDays));
  const e = Math.max(0, Math.round(r.elapsedDays));
  const s = statusWords(status, r.orders <= 1, r.outlook);
  if (r.orders <= 1) {
    return {
      en: `First order ${agoEn(e)}. Similar shoppers reorder after about ${daysEn(c)}: ${s.en}.`,
      ko: `${e === 0 ? "오늘" : `${e}일 전에`} 첫 주문을 했어요. 비슷한 고객은 보통 ${c}일쯤 뒤에 다시 구매해요. ${s.ko}.`,
    };
  }
  const rhythm = rhythmOf(r.cycleDays, r.spreadDays);
  return {
    en: `Buys about every ${daysEn(c)}${RHYTHM_EN[rhythm]}. Last order ${agoEn(e)}: ${s.en}.`,
    ko: `보통 ${c}일쯤마다 구매해요${RHYTHM_KO[rhythm]}. ${e === 0 ? "오늘 주문했고" : `마지막 주문 후 ${e}일이 지났고`}, ${s.ko}.`,
  };
}
