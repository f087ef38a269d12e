import { describe, expect, it } from "vitest";
import { PREVIEW_CODE } from "../../server/src/services/campaign-preview.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { useCampaignApi } from "./campaign-api-harness.js";

const SHOP = "a.myshopify.com";

// The editor's API: every knob the engine reads is editable and validated field by field, and the preview of an
// unsaved draft is decided by the engine and rendered by the storefront's Liquid.
describe.each(DB_KINDS)("campaign editor API on %s", (kind) => {
  const api = useCampaignApi(kind, SHOP);
  const send = api.send;
  const get = async (key: string) => (await fetch(`${api.base}/campaigns/${key}`)).json();

  it("saves every knob the engine reads: offer, timing, segment with RFM groups, cap, holdout, priority, schedule", async () => {
    const patch = {
      priority: 120,
      holdoutShare: 0.2,
      cap: { maxImpressions: 3, perDays: 14 },
      segment: { lifecycles: ["repeat"], purchaseStates: ["at_risk", "inactive"], rfmGroups: ["At risk", "Dormant"] },
      settings: {
        percentOff: 0.25,
        couponValidDays: 7,
        graceDays: 5,
        ctaPath: "/collections/sale",
        startsOn: "2026-12-01",
        endsOn: "2026-12-31",
      },
    };
    const res = await send("PATCH", "/campaigns/win_back", patch);
    expect(res.status).toBe(200);
    expect(await get("win_back")).toMatchObject(patch);
    // A schedule end can be cleared again.
    await send("PATCH", "/campaigns/win_back", { settings: { endsOn: null } });
    expect((await get("win_back")).settings).toMatchObject({ startsOn: "2026-12-01", endsOn: null, percentOff: 0.25 });
  });

  it.each([
    [{ settings: { percentOff: 0.95 } }, "settings.percentOff", "must be at most 0.9"],
    [{ settings: { percentOff: 0.125 } }, "settings.percentOff", "must be a whole percent"],
    [{ settings: { percentOff: 0 } }, "settings.percentOff", "must be above 0"],
    [{ settings: { couponValidDays: 0 } }, "settings.couponValidDays", "must be at least 1"],
    [{ settings: { couponValidDays: 2.5 } }, "settings.couponValidDays", "must be a whole number"],
    [{ settings: { graceDays: null } }, "settings.graceDays", "must be a number"],
    [{ settings: { startsOn: "2026-02-30" } }, "settings.startsOn", "must be a calendar day"],
    [{ settings: { startsOn: "2026-12-10", endsOn: "2026-12-09" } }, "settings.endsOn", "must not be before startsOn"],
    [{ settings: { leadDays: 3 } }, "settings.leadDays", "is not used by win_back"],
    [{ segment: { lifecycles: [], purchaseStates: [], rfmGroups: ["Champs"] } }, "segment.rfmGroups.0", "Invalid"],
    [{ priority: -1 }, "priority", "must be at least 0"],
    [{ content: { title: { en: " ", ko: "제목" } } }, "content.title.en", "must not be empty"],
  ])("refuses %j with a 400 naming %s, and saves none of the patch", async (bad, field, words) => {
    const before = await get("win_back");
    // A valid change rides along: nothing of a refused patch is stored.
    const res = await send("PATCH", "/campaigns/win_back", { enabled: !before.enabled, ...bad });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toContain(`${field}: ${words}`);
    expect(error.details).toContainEqual(expect.objectContaining({ field }));
    expect(await get("win_back")).toEqual(before);
  });

  it("previews an unsaved draft with the discount and validity it would issue, rendered by the storefront's Liquid", async () => {
    const before = await get("first_purchase");
    const draft = { settings: { percentOff: 0.25, couponValidDays: 9 } };
    const res = await send("POST", "/campaigns/first_purchase/preview", { draft, lang: "en" });
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.banner.body.en).toBe(
      `Here is 25% off your second order with code ${PREVIEW_CODE}, valid for 9 days.`,
    );
    expect(preview.banner.coupon.code).toBe(PREVIEW_CODE);
    expect(Date.parse(preview.banner.coupon.expiresAt) - Date.now()).toBeGreaterThan(8.9 * 86_400_000);
    // The extension's own markup: its block class, escaped text, the code and a countdown of nine days.
    expect(preview.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(preview.html).toContain('class="dangol-banner"');
    expect(preview.html).toContain("Here is 25% off your second order");
    expect(preview.html).toMatch(/class="dangol-countdown"[^>]*>\s*(8|9)d /);
    expect(await get("first_purchase")).toEqual(before);
  });

  it("previews in Korean with a Korean sample shopper, and the notice with its lead days", async () => {
    const ko = await (await send("POST", "/campaigns/win_back/preview", { lang: "ko" })).json();
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.banner.title.ko).toBe("민아님, 보고 싶었어요");
    const notice = await (
      await send("POST", "/campaigns/coupon_expiry/preview", { draft: { settings: { withinDays: 5 } } })
    ).json();
    expect(notice.banner).toBeNull();
    expect(notice.notice.text.en).toMatch(/ expires in 5 days\.$/);
    expect(notice.html).toContain('class="dangol-notice dangol-notice--bottom"');
  });

  it("answers 400 naming the field for an invalid draft, and 404 for an unknown campaign", async () => {
    const res = await send("POST", "/campaigns/win_back/preview", { draft: { settings: { percentOff: 2 } } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([
      expect.objectContaining({ field: "settings.percentOff", code: "too_big", maximum: 0.9 }),
    ]);
    expect((await send("POST", "/campaigns/win_back/preview", { lang: "fr" })).status).toBe(400);
    expect((await send("POST", "/campaigns/nope/preview", {})).status).toBe(404);
  });
});
