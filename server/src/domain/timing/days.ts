/** Calendar arithmetic in whole UTC days, the timing engine's unit. */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), as a whole number. */
export function dayIndex(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** Fractional days from a to b. */
export function daysBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / DAY_MS;
}
