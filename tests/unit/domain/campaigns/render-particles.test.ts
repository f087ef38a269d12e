import { describe, expect, it } from "vitest";
import { renderLocalized, renderTemplate } from "../../../../server/src/domain/campaigns/render.js";
import { defaultCampaigns } from "../../../../server/src/domain/campaigns/presets.js";

describe("renderTemplate: Korean particles after tokens", () => {
  it("chooses 을/를 and 이/가 from the filled code and product", () => {
    const text = "쿠폰 {code}을(를) 드려요. {product}이(가) 떨어질 때예요.";
    expect(renderTemplate(text, { code: "DG-7KQ2M9XHTR", product: "원두" }, "ko")).toBe(
      "쿠폰 DG-7KQ2M9XHTR을 드려요. 원두가 떨어질 때예요.",
    );
    expect(renderTemplate(text, { code: "DG-7KQ2M9XHTA", product: "녹차 세트" }, "ko")).toBe(
      "쿠폰 DG-7KQ2M9XHTA를 드려요. 녹차 세트가 떨어질 때예요.",
    );
  });

  it("leaves no both-form particle in any preset's Korean banner", () => {
    const values = { first_name: "지민", product: "유기농 원두", code: "DG-7KQ2M9XHTR", days_left: 3, percent: 15 };
    for (const preset of defaultCampaigns()) {
      const body = renderLocalized(preset.content.body, values).ko;
      expect(body, preset.key).not.toMatch(/\((?:이|가|을|를|은|는|와|과|으)\)/);
    }
  });
});
