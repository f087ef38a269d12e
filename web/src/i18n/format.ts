import type { Language } from "../../../server/src/contracts/admin-api.js";

const LOCALE: Record<Language, string> = { en: "en-US", ko: "ko-KR" };

/**
 * The shop's time zone from its settings (a Cafe24 mall: Asia/Seoul unless its record says otherwise). Unset,
 * calendar dates are written in UTC and times in the browser's zone, as before.
 */
let shopTimeZone: string | undefined;

export function setShopTimeZone(zone: string | null | undefined): void {
  shopTimeZone = zone ?? undefined;
}

export function formatPercent(language: Language, share: number | null, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return new Intl.NumberFormat(LOCALE[language], {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(share);
}

/** Money as the shop's currency writes it: its own decimals (KRW "₩12,300", USD "$12.30", JPY "¥1,230"). */
export function formatMoney(language: Language, amount: number | null, currency: string): string {
  if (amount === null || !Number.isFinite(amount)) return "—";
  try {
    return new Intl.NumberFormat(LOCALE[language], { style: "currency", currency }).format(amount);
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}

export function formatNumber(language: Language, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value);
}

export function formatDate(language: Language, iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(LOCALE[language], {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: shopTimeZone ?? "UTC",
  }).format(new Date(iso));
}

export function formatDateTime(language: Language, iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: shopTimeZone,
  }).format(new Date(iso));
}

/** Dates of one statement ("Mar 3", "Mar 17"), all with the year when any of them is not in this year. */
export function formatDays(language: Language, isos: string[], now = new Date()): string[] {
  const thisYear = now.getUTCFullYear();
  const otherYear = isos.some((iso) => new Date(iso).getUTCFullYear() !== thisYear);
  const f = new Intl.DateTimeFormat(LOCALE[language], {
    year: otherYear ? "numeric" : undefined,
    month: "short",
    day: "numeric",
    timeZone: shopTimeZone ?? "UTC",
  });
  return isos.map((iso) => f.format(new Date(iso)));
}

/** "Mar 3 – Mar 17" for a due window; with the year ("Dec 28, 2026 – Jan 9, 2027") when either end is not this year. */
export function formatRange(language: Language, from: string, to: string, now = new Date()): string {
  const [a, b] = formatDays(language, [from, to], now);
  return `${a} – ${b}`;
}
