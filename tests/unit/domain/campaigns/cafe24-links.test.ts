// Banner links by storefront: Shopify's win-back banner applies its code through /discount/CODE; a Cafe24 shop has
// no such route (coupons are issued into the member's coupon box), so its links never carry a code. And the
// public banner an unverified Cafe24 shopper gets is the same whatever member asks, with no code in it.
import { describe, expect, it } from "vitest";
import { CAFE24_COUPON_PAGE } from "../../../../server/src/domain/campaigns/cta.js";
import { decide } from "../../../../server/src/domain/campaigns/decide.js";
import { publicDecision } from "../../../../server/src/domain/campaigns/public-banner.js";
import { campaigns, daysAgo, input, NOW, prediction } from "./fixtures.js";

const overdue = prediction({
  lastOrderAt: daysAgo(60),
  dueWindow: { early: daysAgo(40), likely: daysAgo(30), late: daysAgo(20) },
  dueProducts: [],
});
const code = {
  code: "DG-WB-7Q2K",
  campaign: "win_back",
  occasion: daysAgo(60).toISOString(),
  percentOff: 0.15,
  issuedAt: daysAgo(10),
  expiresAt: new Date(NOW.getTime() + 3 * 86_400_000),
  usedAt: null,
};

describe("banner links per storefront", () => {
  it("win-back: Shopify links /discount/CODE, Cafe24 links the coupon box and never /discount", () => {
    const base = { prediction: overdue, coupons: [code], campaigns: campaigns(["win_back"]) };
    expect(decide(input(base)).decision.banner!.ctaUrl).toBe("/discount/DG-WB-7Q2K?redirect=%2Fcollections%2Fall");
    const cafe24 = decide(input({ ...base, links: "cafe24" })).decision.banner!;
    expect(cafe24.ctaUrl).toBe(CAFE24_COUPON_PAGE);
    expect(cafe24.ctaUrl).not.toContain("discount");
  });

  it("replenishment: Shopify's cart permalink, Cafe24's product page by product number", () => {
    const due = (productId: string) =>
      prediction({
        dueProducts: [
          { productId, variantId: "P000000A000B", title: "Coffee beans", dueAt: daysAgo(-2), cycleDays: 30 },
        ],
      });
    expect(decide(input({ prediction: due("17") })).decision.banner!.ctaUrl).toBe("/search?q=Coffee%20beans");
    expect(decide(input({ prediction: due("17"), links: "cafe24" })).decision.banner!.ctaUrl).toBe(
      "/product/detail.html?product_no=17",
    );
    expect(decide(input({ prediction: due("gid://x/1"), links: "cafe24" })).decision.banner!.ctaUrl).toBe(
      "/product/search.html?keyword=Coffee%20beans",
    );
  });

  it("the public banner has no code and no name, and a member gets the coupon box whichever id asked", () => {
    const on = campaigns(["win_back"]);
    const member = publicDecision(on, true, NOW);
    expect(member.banner).toMatchObject({ campaign: "win_back", coupon: null, ctaUrl: CAFE24_COUPON_PAGE });
    expect(JSON.stringify(member)).not.toMatch(/DG-|Mina|discount/);
    expect(publicDecision(on, false, NOW).banner!.ctaUrl).toBe("/member/login.html");
    expect(publicDecision(campaigns(["replenishment", "vip_thanks"]), true, NOW).banner).toBeNull();
  });
});
