import { describe, expect, it } from "vitest";
import { formatMoney } from "../../web/src/i18n/format.js";

describe("formatMoney", () => {
  it("writes each currency with its own decimals, in English and Korean", () => {
    expect(formatMoney("ko", 12300, "KRW")).toBe("₩12,300");
    expect(formatMoney("en", 12300.4, "KRW")).toBe("₩12,300");
    expect(formatMoney("en", 12.3, "USD")).toBe("$12.30");
    expect(formatMoney("ko", 12.3, "USD")).toBe("US$12.30");
    expect(formatMoney("en", 1234.5, "GBP")).toBe("£1,234.50");
    expect(formatMoney("en", 1230, "JPY")).toBe("¥1,230");
  });

  it("shows a dash for a missing amount and the bare code for an unknown currency", () => {
    expect(formatMoney("ko", null, "KRW")).toBe("—");
    expect(formatMoney("en", 12.3, "NOPE!")).toBe("12 NOPE!");
  });
});
