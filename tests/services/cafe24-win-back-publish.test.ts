// The win-back code end to end on a Cafe24 mall: the publisher, resolving the mall's platform through the
// registry, reaches the Cafe24 adapter on the simulator, which creates one coupon named by our code and issues it
// to the lapsed member. No metafield call (the storefront script asks our server); the stored decision carries the
// code. Republishing, and a publish whose coupon create or issue answer is lost after the simulator acted, still
// leave exactly one coupon and one issue.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { installedOn } from "../helpers/platforms.js";
import { startCafe24Harness, type Cafe24Harness } from "../platforms/cafe24/harness.js";
import type { Cafe24Module } from "../../server/src/platforms/cafe24/index.js";
import { daysAgo, NOW, prediction } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { findPublishedDecision } from "../../server/src/db/repositories/decision.repository.js";
import { listCustomerCoupons } from "../../server/src/db/repositories/coupon.repository.js";

const MALL = "lapsedmall";
const MEMBER = "m12345";
const lapsed = prediction({
  customerId: MEMBER,
  lastOrderAt: daysAgo(60),
  dueWindow: { early: daysAgo(40), likely: daysAgo(30), late: daysAgo(20) },
  dueProducts: [],
});

type Step = "create" | "issue";
const isStep = (step: Step, url: string, init?: RequestInit) =>
  init?.method === "POST" &&
  (step === "create" ? /\/admin\/coupons$/ : /\/admin\/coupons\/\d+\/issues$/).test(new URL(url).pathname);

describe.each(DB_KINDS)("Cafe24 win-back code through the publisher on %s", (kind) => {
  let h: Cafe24Harness;
  let lose: Step | null;
  const errors: string[] = [];

  /** A fetch that, once, lets the simulator act on the `lose` step's call and then drops its answer. */
  const lossyFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (lose && isStep(lose, String(input), init)) {
      lose = null;
      await res.body?.cancel();
      throw new TypeError("fetch failed: other side closed");
    }
    return res;
  };

  async function publisherFor(m: Cafe24Module) {
    const platforms = await installedOn(h.db.db, m.platform, [MALL]);
    return createDecisionPublisher({
      db: h.db.db,
      platforms,
      loadPredictions: async () => [lapsed],
      now: () => NOW,
      log: (message) => errors.push(message),
    });
  }

  beforeEach(async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    h.sim.mall(MALL).load([], [{ memberId: MEMBER, name: "Mina", email: null, createdDate: daysAgo(200).getTime() }]);
    lose = null;
    errors.length = 0;
    await createCampaignService({ db: h.db.db, now: () => NOW }).update(MALL, "win_back", {
      enabled: true,
      holdoutShare: 0,
    });
  }, 60_000);
  afterEach(async () => h?.close());

  function expectOneCouponIssuedToMember() {
    const mall = h.sim.mall(MALL);
    expect([...mall.coupons.values()]).toHaveLength(1);
    expect(mall.issues.map((i) => i.memberId)).toEqual([MEMBER]);
    return [...mall.coupons.values()][0];
  }

  it("creates one coupon, issues it to the member, stores the code in the decision, and never writes metafields", async () => {
    const m = h.module();
    await h.install(MALL, m);
    const metafields = vi.spyOn(m.platform, "setCustomerMetafields");
    const publisher = await publisherFor(m);

    const first = await publisher.publishShop(MALL);
    expect(errors).toEqual([]);
    expect(first).toMatchObject({ couponsIssued: 1, banners: 1, metafieldFailures: 0, metafieldsWritten: 0 });
    const coupon = expectOneCouponIssuedToMember();
    expect(coupon.benefitPercentage).toBe(15);
    const [stored] = await listCustomerCoupons(h.db.db, MALL, [MEMBER]);
    expect(stored).toMatchObject({ code: coupon.couponName, status: "active" });
    const decision = await findPublishedDecision(h.db.db, MALL, MEMBER);
    expect(decision!.decision.banner).toMatchObject({ campaign: "win_back", coupon: { code: coupon.couponName } });
    expect(decision!.publishedAt).not.toBeNull();

    const second = await publisher.publishShop(MALL);
    expect(second.couponsIssued).toBe(0);
    expectOneCouponIssuedToMember();
    expect(metafields).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  }, 60_000);

  it("a member the mall no longer knows gets no coupon definition, however often the shop is republished", async () => {
    h.sim.mall(MALL).customers.delete(MEMBER); // left the mall; our synced row and prediction remain
    const m = h.module();
    await h.install(MALL, m);
    const publisher = await publisherFor(m);
    for (let i = 0; i < 3; i++) expect((await publisher.publishShop(MALL)).couponsIssued).toBe(0);
    expect(h.sim.mall(MALL).coupons.size).toBe(0);
    expect(h.sim.mall(MALL).issues).toEqual([]);
  }, 60_000);

  it.each<Step>(["create", "issue"])(
    "a lost answer to the coupon %s call is retried with the same code: one coupon, one issue",
    async (step) => {
      const m = h.module({ fetch: lossyFetch });
      await h.install(MALL, m);
      const publisher = await publisherFor(m);

      lose = step;
      const first = await publisher.publishShop(MALL);
      expect(lose).toBeNull(); // the answer was dropped
      expect(first.couponsIssued).toBe(0);
      expect(errors).toHaveLength(1);
      const [pending] = await listCustomerCoupons(h.db.db, MALL, [MEMBER]);
      expect(pending?.status).toBe("pending");

      const second = await publisher.publishShop(MALL);
      expect(second.couponsIssued).toBe(1);
      const coupon = expectOneCouponIssuedToMember();
      expect(coupon.couponName).toBe(pending.code);
      const decision = await findPublishedDecision(h.db.db, MALL, MEMBER);
      expect(decision!.decision.banner).toMatchObject({ coupon: { code: pending.code } });

      const third = await publisher.publishShop(MALL);
      expect(third.couponsIssued).toBe(0);
      expectOneCouponIssuedToMember();
      expect(errors).toHaveLength(1);
    },
    60_000,
  );
});
