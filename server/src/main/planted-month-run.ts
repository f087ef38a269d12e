// One planted month on a planted-month stack: the VIP thank-you campaign opened to every customer with a prediction,
// a 20 % holdout and two variants (A, the campaign's text, and B), played through playPlantedMonth.
import { playPlantedMonth, type PlantedMonthRun } from "../demo/planted-month.js";
import type { PlantedTruth } from "../simulator/planted-orders.js";
import type { PlantedMonthStack } from "./planted-month-stack.js";

const DAY = 86_400_000;
export const PLANTED_CAMPAIGN = "vip_thanks";

/**
 * Holdout 4 %, A 6 %, B 12 % order within 14 days; orders average 40 in the shop's currency (£40: the seeded shop
 * sells in GBP, as its Online Retail history does), log-normal σ 0.8.
 */
export const DEFAULT_TRUTH: PlantedTruth = {
  conversion: { holdout: 0.04, a: 0.06, b: 0.12 },
  meanOrderValue: 40,
  orderValueSigma: 0.8,
  windowDays: 14,
};

const VARIANT_B = {
  id: "b",
  content: {
    title: { en: "A little thank-you, {first_name}", ko: "{first_name}님께 드리는 작은 감사" },
    body: {
      en: "Regulars like you keep us going. Here is what's new this week.",
      ko: "단골 덕분에 힘이 나요. 이번 주 신상품을 만나 보세요.",
    },
    cta: { en: "See this week's picks", ko: "이번 주 추천 보기" },
  },
};

export interface PlantedMonthPlan {
  truth?: PlantedTruth;
  days?: number;
  seed?: number;
  holdoutShare?: number;
  dailyLooks?: boolean;
}

export async function runPlantedMonth(stack: PlantedMonthStack, plan: PlantedMonthPlan = {}): Promise<PlantedMonthRun> {
  const truth = plan.truth ?? DEFAULT_TRUTH;
  const everyone = { lifecycles: [], purchaseStates: [], rfmGroups: [] };
  const patch = { enabled: true, holdoutShare: plan.holdoutShare ?? 0.2, segment: everyone };
  await stack.campaigns.update(stack.shop, PLANTED_CAMPAIGN, patch);
  await stack.campaigns.saveVariants(stack.shop, PLANTED_CAMPAIGN, { variants: [VARIANT_B] });
  const last = [...stack.store.orders.values()].reduce((m, o) => Math.max(m, o.processedAt), 0);
  return playPlantedMonth(
    {
      appBaseUrl: stack.url,
      shop: stack.shop,
      apiSecret: stack.apiSecret,
      store: stack.store,
      setClock: stack.setClock,
      publish: (ids) => stack.publisher.publishCustomers(stack.shop, ids),
      settle: stack.settle,
      results: async () => (await stack.results.results(stack.shop, PLANTED_CAMPAIGN)).experiment!,
    },
    {
      campaign: PLANTED_CAMPAIGN,
      start: new Date(Math.floor(last / DAY) * DAY + DAY),
      days: plan.days ?? 30,
      shoppers: [...stack.store.customers.keys()].map(String),
      truth,
      seed: plan.seed ?? 1,
      dailyLooks: plan.dailyLooks,
    },
  );
}
