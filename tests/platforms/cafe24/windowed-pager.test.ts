// The {window, offset} walk on a fake endpoint with Cafe24's rules scaled down (offset cap 10, limit 4): windows
// never pass 3 months or the cap, and stopping after any page and resuming from its cursor gives every row once.
import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  readPage,
  startCursor,
  type WindowCursor,
  type WindowedSource,
} from "../../../server/src/platforms/cafe24/windowed-pager.js";
import { addDays, lastDayWithinMonths } from "../../../server/src/platforms/cafe24/kst-days.js";

interface Row {
  id: number;
  day: string;
}

function fakeSource(rows: Row[], calls: Array<{ from: string; to: string; offset?: number }>): WindowedSource<Row> {
  const within = (from: string, to: string) => rows.filter((r) => r.day >= from && r.day <= to);
  const check = (from: string, to: string, offset = 0) => {
    if (to > lastDayWithinMonths(from, 3)) throw new Error(`window ${from}..${to} passes 3 months`);
    if (offset > 10) throw new Error(`offset ${offset} passes the cap`);
    calls.push({ from, to, offset });
  };
  return {
    maxMonths: 3,
    offsetCap: 10,
    maxLimit: 4,
    count: async (from, to) => {
      check(from, to);
      return within(from, to).length;
    },
    list: async (from, to, offset, limit) => {
      check(from, to, offset);
      return within(from, to).slice(offset, offset + limit);
    },
  };
}

// 9 months of rows: sparse, then a dense fortnight (30 rows), then one row a week.
const rows: Row[] = [];
let id = 0;
for (let d = 0; d < 270; d++) {
  const day = addDays("2026-01-01", d);
  const perDay = d >= 100 && d < 115 ? 2 : d % 7 === 0 ? 1 : 0;
  for (let i = 0; i < perDay; i++) rows.push({ id: id++, day });
}

async function walk(from: WindowCursor | null, stopAfter = Infinity, calls: Array<{ from: string; to: string }> = []) {
  const source = fakeSource(rows, calls);
  const seen: number[] = [];
  let cursor = from;
  let pages = 0;
  while (cursor && pages < stopAfter) {
    const page = await readPage(source, decodeCursor(encodeCursor(cursor)), 4);
    seen.push(...page.items.map((r) => r.id));
    cursor = page.next;
    pages++;
  }
  return { seen, cursor, pages };
}

describe("Cafe24 windowed pager", () => {
  it("reads every row once in windows of at most 3 months, splitting the dense one under the cap", async () => {
    const calls: Array<{ from: string; to: string }> = [];
    const { seen } = await walk(startCursor("2026-01-01", "2026-09-30"), Infinity, calls);
    expect(seen).toEqual(rows.map((r) => r.id));
    const windows = new Set(calls.map((c) => `${c.from}..${c.to}`));
    expect(windows.size).toBeGreaterThan(4); // 3 three-month windows would do without the split
  });

  it("resumes from the cursor after any page with no duplicate and no gap", async () => {
    const total = (await walk(startCursor("2026-01-01", "2026-09-30"))).pages;
    for (let stop = 1; stop < total; stop++) {
      const first = await walk(startCursor("2026-01-01", "2026-09-30"), stop);
      const rest = await walk(first.cursor);
      expect([...first.seen, ...rest.seen], `stopped after page ${stop}`).toEqual(rows.map((r) => r.id));
    }
  });

  it("refuses a cursor it did not write", () => {
    expect(() => decodeCursor("garbage")).toThrow();
    expect(() =>
      decodeCursor(JSON.stringify({ v: 1, until: "x", from: "2026-01-01", to: "2026-01-01", offset: 0 })),
    ).toThrow();
  });
});
