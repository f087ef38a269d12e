// Cafe24 speaks Korea Standard Time (UTC+9, no daylight saving): dates are KST calendar days and timestamps are
// ISO 8601 with "+09:00".
const KST_OFFSET_MS = 9 * 3_600_000;

/** "2026-12-02T09:30:00+09:00" for an epoch-ms instant. */
export function kstIso(ms: number): string {
  return `${new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** The KST calendar day of an instant, "2026-12-02". */
export function kstDay(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00:00 KST on a "YYYY-MM-DD" day. */
export function kstDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - KST_OFFSET_MS;
}

/** "YYYY-MM-DD" (a KST day) or an ISO datetime with an explicit offset; null when unreadable. */
export function parseCafe24Date(text: string, edge: "start" | "end"): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = kstDayStart(text);
    if (Number.isNaN(start) || kstDay(start) !== text) return null;
    return edge === "start" ? start : start + 86_400_000 - 1000;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(text)) return null;
  const ms = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}

/** The same KST wall-clock time `months` calendar months later (clamped to the month's last day). */
export function addKstMonths(ms: number, months: number): number {
  const wall = new Date(ms + KST_OFFSET_MS);
  const day = wall.getUTCDate();
  wall.setUTCDate(1);
  wall.setUTCMonth(wall.getUTCMonth() + months);
  const last = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0)).getUTCDate();
  wall.setUTCDate(Math.min(day, last));
  return wall.getTime() - KST_OFFSET_MS;
}
