// Cafe24 searches by Korea Standard Time calendar days (UTC+9, no daylight saving). A day is "YYYY-MM-DD".
const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export function kstDayOf(at: Date | number): string {
  return new Date(new Date(at).getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last day of a search window starting on `from` that Cafe24 accepts: 3 calendar months minus one day. */
export function lastDayWithinMonths(from: string, months: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** Cafe24 timestamps: ISO with "+09:00", or the token endpoint's KST wall time without an offset. */
export function parseCafe24Instant(text: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}+09:00`);
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
