// Dates in the shop's zone: a Cafe24 mall's admin writes an order placed at 16:00 UTC (01:00 the next day in Seoul)
// on the Seoul day, and amounts in won without decimals. Without a zone, dates stay UTC days as before.
import { afterEach, describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDays, formatMoney, setShopTimeZone } from "../../web/src/i18n/format.js";

const LATE_UTC = "2026-03-03T16:00:00Z"; // 2026-03-04 01:00 in Seoul

describe("dates in the shop's time zone", () => {
  afterEach(() => setShopTimeZone(null));

  it("writes a Cafe24 mall's dates and times in Asia/Seoul", () => {
    setShopTimeZone("Asia/Seoul");
    expect(formatDate("ko", LATE_UTC)).toBe("2026년 3월 4일");
    expect(formatDays("en", [LATE_UTC], new Date("2026-06-01T00:00:00Z"))).toEqual(["Mar 4"]);
    expect(formatDateTime("ko", LATE_UTC)).toContain("2026. 3. 4.");
    expect(formatDateTime("ko", LATE_UTC)).toMatch(/ 1:00$/);
  });

  it("keeps UTC days when the shop names no zone", () => {
    setShopTimeZone(null);
    expect(formatDate("ko", LATE_UTC)).toBe("2026년 3월 3일");
  });

  it("writes won without decimals", () => {
    expect(formatMoney("ko", 12_300, "KRW")).toBe("₩12,300");
    expect(formatMoney("ko", 12_300.5, "KRW")).toBe("₩12,301");
  });
});
