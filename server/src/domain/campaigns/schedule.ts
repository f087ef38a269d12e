import type { CampaignSettings } from "./campaign.js";

const DAY = 86_400_000;
/** A calendar day as the editor's date field writes it. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a "YYYY-MM-DD" day, or null when it is not a real calendar day (e.g. 2026-02-30). */
export function utcDayStart(day: string): number | null {
  if (!DATE_ONLY.test(day)) return null;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day ? null : at;
}

/**
 * Null when the campaign may run at `now`, else why not. Start and end are UTC calendar days, both included
 * (a campaign ending on the 31st still shows all that day); either may be absent for an open end.
 */
export function scheduleMiss(settings: Pick<CampaignSettings, "startsOn" | "endsOn">, now: Date): string | null {
  const start = settings.startsOn ? utcDayStart(settings.startsOn) : null;
  const end = settings.endsOn ? utcDayStart(settings.endsOn) : null;
  if (start !== null && now.getTime() < start) return `scheduled to start on ${settings.startsOn}`;
  if (end !== null && now.getTime() >= end + DAY) return `schedule ended on ${settings.endsOn}`;
  return null;
}
