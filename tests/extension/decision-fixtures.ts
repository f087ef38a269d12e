// Hand-built StorefrontDecision values (the metafield contract) for rendering tests.
import type { BannerDecision, StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";

const DAY = 86_400_000;

export function dueDecision(now: Date, banner: Partial<BannerDecision> = {}): StorefrontDecision {
  const expiresAt = new Date(now.getTime() + 2 * DAY + 3 * 3_600_000).toISOString();
  return {
    version: 1,
    customerId: "1001",
    banner: {
      campaign: "replenishment",
      title: { en: "Running low on coffee beans?", ko: "원두가 떨어질 때가 됐어요" },
      body: { en: "Re-order in one click.", ko: "한 번에 다시 주문하세요." },
      ctaLabel: { en: "Re-order now", ko: "바로 재주문" },
      ctaUrl: "/cart/4411:1?discount=BACK10",
      coupon: { code: "BACK10", expiresAt },
      ...banner,
    },
    notice: null,
    decidedAt: now.toISOString(),
  };
}

export function couponHolderDecision(now: Date, expiresInMs = 3 * DAY): StorefrontDecision {
  return {
    version: 1,
    customerId: "1003",
    banner: null,
    notice: {
      campaign: "coupon_expiry",
      text: { en: "Your 10% code expires soon:", ko: "10% 쿠폰이 곧 만료돼요:" },
      coupon: { code: "SAVE10-XYZ", expiresAt: new Date(now.getTime() + expiresInMs).toISOString() },
    },
    decidedAt: now.toISOString(),
  };
}

/** What the engine publishes for a holdout customer (or one with nothing to show): both slots empty. */
export function emptyDecision(now: Date): StorefrontDecision {
  return { version: 1, customerId: "1002", banner: null, notice: null, decidedAt: now.toISOString() };
}

export const XSS_SCRIPT = `<script>alert("xss")</script>`;
export const XSS_IMG = `<img src=x onerror=alert(1)>`;
