import { describe, expect, it } from "vitest";
import { daysLeft, renderLocalized, renderTemplate } from "../../../../server/src/domain/campaigns/render.js";

describe("renderTemplate", () => {
  it("fills known tokens", () => {
    expect(
      renderTemplate(
        "Hi {first_name}, {percent}% off with {code} for {days_left} days",
        { first_name: "Mina", percent: 15, code: "DG-AB", days_left: 3 },
        "en",
      ),
    ).toBe("Hi Mina, 15% off with DG-AB for 3 days");
  });

  it("falls back to a friendly name per locale when the first name is missing", () => {
    expect(renderLocalized({ en: "Hi {first_name}", ko: "{first_name}님" }, { first_name: null })).toEqual({
      en: "Hi friend",
      ko: "고객님",
    });
  });

  it("leaves unknown tokens visible so the merchant notices the typo", () => {
    expect(renderTemplate("Hi {frist_name}", { first_name: "Mina" }, "en")).toBe("Hi {frist_name}");
  });

  it("returns markup as plain text (escaping happens at output) and strips control characters", () => {
    const evil = '<img src=x onerror="alert(1)">';
    expect(renderTemplate("Hi {first_name}", { first_name: `${evil}\n\u0000` }, "en")).toBe(`Hi ${evil}`);
  });

  it("caps the length", () => {
    expect(renderTemplate("x".repeat(2000), {}, "en")).toHaveLength(500);
  });
});

describe("daysLeft", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("rounds up partial days and never goes negative", () => {
    expect(daysLeft(new Date("2026-11-22T13:00:00Z"), now)).toBe(1);
    expect(daysLeft(new Date("2026-11-25T12:00:00Z"), now)).toBe(3);
    expect(daysLeft(new Date("2026-11-20T12:00:00Z"), now)).toBe(0);
  });
});
