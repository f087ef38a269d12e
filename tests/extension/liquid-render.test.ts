import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { createExtensionEngine, type StorefrontGlobals } from "../../server/src/storefront-preview/liquid-engine.js";
import { customerDrop, type PreviewCustomer } from "../../server/src/storefront-preview/customer-drop.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { XSS_IMG, XSS_SCRIPT, couponHolderDecision, dueDecision, emptyDecision } from "./decision-fixtures.js";

const engine = createExtensionEngine();
const now = new Date();
const kim: PreviewCustomer = { id: "1001", firstName: "Minji", lastName: "Kim", email: null };

function globals(
  decision: StorefrontDecision | null,
  lang: "en" | "ko" = "en",
  customer: PreviewCustomer | null = kim,
): StorefrontGlobals {
  return { lang, customer: customer ? customerDrop(customer, decision) : null, assetBase: "/preview/assets" };
}

async function render(
  block: "dangol-banner" | "coupon-expiry-bar",
  g: StorefrontGlobals,
  settings?: Record<string, unknown>,
) {
  const { html } = await engine.renderBlock(block, g, settings);
  const window = new Window();
  window.document.body.innerHTML = html;
  return { html, doc: window.document };
}

describe("Dangol banner (app block)", () => {
  it("renders a due customer's banner server-side with reserved space, CTA and countdown", async () => {
    const { doc } = await render("dangol-banner", globals(dueDecision(now)));
    const slot = doc.querySelector("dangol-slot.dangol-banner")!;
    expect(slot).not.toBeNull();
    // Reserved heights per layout (beside the button / stacked), applied by the inline CSS's container queries.
    expect(slot.getAttribute("style")).toBe("--dangol-reserve: 128px; --dangol-reserve-narrow: 280px");
    expect(slot.getAttribute("lang")).toBe("en");
    expect(slot.getAttribute("data-endpoint")).toBe("/apps/dangol/events");
    expect(slot.getAttribute("data-dismiss-key")).toBe("dangol:1001:banner:replenishment");
    expect(doc.querySelector(".dangol-banner__title")!.textContent).toBe("Running low on coffee beans?");
    expect(doc.querySelector("a.dangol-banner__cta")!.getAttribute("href")).toBe("/cart/4411:1?discount=BACK10");
    expect(doc.querySelector(".dangol-countdown")!.textContent).toMatch(/^2d 0[23]:\d\d:\d\d$/);
  });

  it("speaks Korean when the storefront locale is ko", async () => {
    const { doc } = await render("dangol-banner", globals(dueDecision(now), "ko"), { show_greeting: true });
    expect(doc.querySelector(".dangol-banner__title")!.textContent).toBe("원두가 떨어질 때가 됐어요");
    expect(doc.querySelector("a.dangol-banner__cta")!.textContent).toBe("바로 재주문");
    expect(doc.querySelector(".dangol-banner__greeting")!.textContent).toBe("Minji님, 안녕하세요");
    expect(doc.querySelector("dangol-slot")!.getAttribute("aria-label")).toBe("회원님을 위한 혜택");
    expect(doc.querySelector(".dangol-countdown")!.textContent).toMatch(/^2일 /);
    // Korean breaks between words only: keep-all keyed to the slot's own lang, whatever the theme's <html lang>.
    expect(doc.querySelector("dangol-slot")!.getAttribute("lang")).toBe("ko");
    expect(doc.querySelector("style")!.textContent).toContain(".dangol-banner:lang(ko){word-break:keep-all}");
  });

  it("brings its CSS inline with the block instead of a render-blocking stylesheet", async () => {
    const { html, doc } = await render("dangol-banner", globals(dueDecision(now)));
    expect((await engine.renderBlock("dangol-banner", globals(null))).schema.stylesheet).toBeUndefined();
    expect((await engine.renderBlock("coupon-expiry-bar", globals(null))).schema.stylesheet).toBeUndefined();
    expect(html.indexOf("<style>")).toBeLessThan(html.indexOf("<dangol-slot"));
    expect(doc.querySelectorAll("style")).toHaveLength(1);
    expect(doc.querySelector("link")).toBeNull();
    const bar = await render("coupon-expiry-bar", globals(couponHolderDecision(now), "ko"));
    expect(bar.html.indexOf("<style>")).toBeLessThan(bar.html.indexOf("<dangol-slot"));
    expect(bar.doc.querySelector("style")!.textContent).toContain(".dangol-notice:lang(ko){word-break:keep-all}");
  });

  it("escapes script and onerror payloads in merchant text and the customer's name", async () => {
    const decision = dueDecision(now, {
      campaign: `x"><img src=x onerror=alert(2)>`,
      title: { en: `Hi ${XSS_SCRIPT}`, ko: XSS_SCRIPT },
      body: { en: XSS_IMG, ko: XSS_IMG },
      ctaLabel: { en: `</a>${XSS_IMG}`, ko: "x" },
      coupon: { code: XSS_SCRIPT, expiresAt: new Date(now.getTime() + 86_400_000).toISOString() },
    });
    const evil: PreviewCustomer = { id: "1001", firstName: XSS_IMG, lastName: XSS_SCRIPT, email: null };
    const { html, doc } = await render("dangol-banner", globals(decision, "en", evil), { show_greeting: true });
    expect(doc.querySelectorAll("img")).toHaveLength(0);
    // The only script is the constant dismissal guard.
    const scripts = [...doc.querySelectorAll("script")].map((s) => s.textContent);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toContain("alert");
    expect(html).not.toMatch(/<script>alert|<img/);
    expect(doc.querySelector(".dangol-banner__title")!.textContent).toBe(`Hi ${XSS_SCRIPT}`);
    expect(doc.querySelector(".dangol-banner__body")!.textContent).toBe(XSS_IMG);
    expect(doc.querySelector(".dangol-banner__name")!.textContent).toBe(XSS_IMG);
    expect(doc.querySelector("dangol-slot")!.getAttribute("data-campaign")).toBe(`x"><img src=x onerror=alert(2)>`);
  });

  it.each(["javascript:alert(1)", "//evil.example/x", "/\\evil.example", "https://evil.example", " /cart/1:1", ""])(
    "links only same-site paths (not %j)",
    async (ctaUrl) => {
      const { doc } = await render("dangol-banner", globals(dueDecision(now, { ctaUrl })));
      expect(doc.querySelector("dangol-slot")).not.toBeNull();
      expect(doc.querySelector("a")).toBeNull();
    },
  );

  it("keeps the reserved space when the metafield is still empty", async () => {
    const { doc } = await render("dangol-banner", globals(null), { reserve_height: 160, reserve_height_narrow: 9999 });
    const box = doc.querySelector(".dangol-banner--pending")!;
    expect(box).not.toBeNull();
    expect(box.getAttribute("style")).toBe("--dangol-reserve: 160px; --dangol-reserve-narrow: 400px");
    expect(doc.querySelector("style")!.textContent).toContain("@container dangol-banner");
    expect(box.textContent).toBe("");
    expect(doc.querySelector("dangol-slot")).toBeNull();
  });

  it("renders nothing for a holdout (empty) decision or a guest", async () => {
    expect((await render("dangol-banner", globals(emptyDecision(now)))).html.trim()).toBe("");
    expect((await render("dangol-banner", globals(dueDecision(now), "en", null))).html.trim()).toBe("");
  });
});

describe("Coupon expiry bar (app embed)", () => {
  it("shows a coupon holder's code with a ticking countdown, escaped and localized", async () => {
    const { doc } = await render("coupon-expiry-bar", globals(couponHolderDecision(now), "ko"));
    const bar = doc.querySelector("dangol-slot.dangol-notice")!;
    expect(bar.className).toContain("dangol-notice--bottom");
    expect(bar.getAttribute("data-dismiss-key")).toBe("dangol:1001:notice:SAVE10-XYZ");
    expect(doc.querySelector(".dangol-notice__text")!.textContent).toContain("10% 쿠폰이 곧 만료돼요:");
    expect(doc.querySelector(".dangol-countdown")!.textContent).toMatch(/^(2일 23|3일 00):\d\d:\d\d$/);
  });

  it("escapes the notice text", async () => {
    const decision = couponHolderDecision(now);
    decision.notice!.text.en = XSS_IMG;
    const { html, doc } = await render("coupon-expiry-bar", globals(decision));
    expect(doc.querySelectorAll("img")).toHaveLength(0);
    expect(html).not.toContain("<img");
  });

  it("renders no bar once the code has expired or for an empty decision, and nothing at all for a guest", async () => {
    const visitMarker = '<span hidden data-dangol-visit="/apps/dangol/events"></span>';
    for (const decision of [couponHolderDecision(now, -60_000), emptyDecision(now), null]) {
      // A logged-in customer keeps only the hidden visit-beacon marker: no bar, no reserved space.
      expect((await render("coupon-expiry-bar", globals(decision))).html.trim()).toBe(visitMarker);
    }
    expect((await render("coupon-expiry-bar", globals(couponHolderDecision(now), "en", null))).html.trim()).toBe("");
  });
});
