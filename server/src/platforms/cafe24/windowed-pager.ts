// Walks a Cafe24 list endpoint that accepts only short date windows and bounded offsets (orders: 3 months,
// offset ≤ 15,000; members: offset ≤ 8,000) from a start day to the day the walk began. Each window is counted
// first; one holding more than the offset cap is halved until it fits. The cursor is {window, offset} as JSON, so
// a walk killed anywhere resumes where its last stored page ended: rows come in date order, and a past window
// doesn't change, so resuming neither repeats nor skips a row.
import { ValidationError } from "../../domain/shared/errors.js";
import { addDays, daysBetween, lastDayWithinMonths, minDay } from "./kst-days.js";

export interface WindowCursor {
  v: 1;
  /** Last day of the whole walk (inclusive), fixed when the walk starts. */
  until: string;
  /** The current window, inclusive KST days. */
  from: string;
  to: string;
  /** Rows of the window already returned. */
  offset: number;
  /** Only rows changed since this instant are returned (ISO), if set. */
  since?: string;
}

export interface WindowedSource<T> {
  /** Longest window the endpoint accepts, in calendar months. */
  maxMonths: number;
  offsetCap: number;
  maxLimit: number;
  count(from: string, to: string): Promise<number>;
  list(from: string, to: string, offset: number, limit: number): Promise<T[]>;
}

export interface WindowPage<T> {
  items: T[];
  next: WindowCursor | null;
}

export function encodeCursor(cursor: WindowCursor): string {
  return JSON.stringify(cursor);
}

export function decodeCursor(text: string): WindowCursor {
  let value: WindowCursor;
  try {
    value = JSON.parse(text) as WindowCursor;
  } catch {
    throw new ValidationError("Not a Cafe24 cursor");
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (value?.v !== 1 || ![value.until, value.from, value.to].every((d) => day.test(d)) || !(value.offset >= 0))
    throw new ValidationError("Not a Cafe24 cursor");
  return value;
}

/** A walk over [first, until]: its first window is sized when the first page is read. */
export function startCursor(first: string, until: string, since?: Date): WindowCursor | null {
  if (first > until) return null;
  return { v: 1, until, from: first, to: first, offset: 0, ...(since ? { since: since.toISOString() } : {}) };
}

export async function readPage<T>(
  source: WindowedSource<T>,
  cursor: WindowCursor,
  pageSize: number,
): Promise<WindowPage<T>> {
  const limit = Math.min(Math.max(1, pageSize), source.maxLimit);
  let window = cursor;
  if (window.offset === 0) {
    const sized = await sizeWindow(source, window);
    window = sized.window;
    if (sized.count === 0) return { items: [], next: nextWindow(window) };
  }
  const items = await source.list(window.from, window.to, window.offset, limit);
  const offset = window.offset + items.length;
  // A short page ends the window; a full one might too, which the next (empty) page finds out.
  if (items.length < limit) return { items, next: nextWindow(window) };
  if (offset > source.offsetCap) {
    // The window grew past the cap while we read it (today's orders): start it over, split. Rows read twice
    // are harmless (stored by id); none are skipped.
    return { items, next: { ...window, to: window.from, offset: 0 } };
  }
  return { items, next: { ...window, offset } };
}

/** Widest window from `from` the endpoint accepts, halved until its count fits under the offset cap. */
async function sizeWindow<T>(
  source: WindowedSource<T>,
  cursor: WindowCursor,
): Promise<{ window: WindowCursor; count: number }> {
  let to = minDay(cursor.until, lastDayWithinMonths(cursor.from, source.maxMonths));
  for (;;) {
    const count = await source.count(cursor.from, to);
    if (count <= source.offsetCap) return { window: { ...cursor, to, offset: 0 }, count };
    const span = daysBetween(cursor.from, to);
    if (span === 0)
      throw new ValidationError(`More than ${source.offsetCap} rows on ${cursor.from}: Cafe24 can't page them by date`);
    to = addDays(cursor.from, Math.floor(span / 2));
  }
}

function nextWindow(window: WindowCursor): WindowCursor | null {
  const from = addDays(window.to, 1);
  if (from > window.until) return null;
  return { ...window, from, to: from, offset: 0 };
}
