import { describe, expect, it } from "vitest";
import { translate } from "../../web/src/i18n/i18n.js";
import { campaignName, couponStatusLabel, excludedReasonLabel, rfmGroupLabel } from "../../web/src/i18n/labels.js";

const ko = (key: string, vars?: Record<string, string | number>) => translate("ko", key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate("en", key, vars);

describe("labels for values the API sends as keys", () => {
  it("names RFM groups by Shopify key or by the stored English name", () => {
    expect(rfmGroupLabel(ko, "AT_RISK")).toBe("이탈 위험 고객");
    expect(rfmGroupLabel(ko, "Champions")).toBe("최우수 고객");
    expect(rfmGroupLabel(ko, "Dormant")).toBe("휴면 고객");
    expect(rfmGroupLabel(en, "NEEDS_ATTENTION")).toBe("Needs attention");
    expect(rfmGroupLabel(ko, null)).toBe("—");
  });

  it("names campaigns, coupon states and excluded orders, keeping an unknown value as it is", () => {
    expect(campaignName(ko, "win_back")).toBe("이탈 고객 복귀 혜택");
    expect(couponStatusLabel(ko, "active")).toBe("사용 가능");
    expect(excludedReasonLabel(ko, "cancelled")).toBe("취소된 주문");
    expect(campaignName(ko, "custom_one")).toBe("custom_one");
  });
});
