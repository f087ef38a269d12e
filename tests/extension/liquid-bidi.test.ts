import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { createExtensionEngine } from "../../server/src/storefront-preview/liquid-engine.js";
import { customerDrop } from "../../server/src/storefront-preview/customer-drop.js";
import { couponHolderDecision, dueDecision } from "./decision-fixtures.js";

const RLO = "\u202E";
const engine = createExtensionEngine();
const now = new Date();
const expiresAt = new Date(now.getTime() + 2 * 86_400_000).toISOString();

/** The element that holds exactly `text` must isolate it: <bdi>, or its own dir attribute (both isolate in browsers). */
function isolatingHolder(html: string, text: string): string {
  const window = new Window();
  window.document.body.innerHTML = html;
  // <strong><bdi>CODE</bdi></strong>: both hold exactly the text; the innermost decides.
  const holders = [...window.document.querySelectorAll("*")].filter((el) => el.textContent === text);
  if (!holders.length) return "missing";
  const inner = holders[holders.length - 1];
  return inner.tagName === "BDI" || inner.hasAttribute("dir")
    ? "isolated"
    : `not isolated (<${inner.tagName.toLowerCase()}>)`;
}

// The Chromium test (tests/browser/storefront-bidi.test.ts) shows the reordering; this covers every string and both languages.
describe("extension Liquid: every merchant string and the shopper's name is bidi-isolated", () => {
  for (const lang of ["en", "ko"] as const) {
    it(`banner (${lang})`, async () => {
      const banner = {
        title: { en: `T${RLO}en`, ko: `T${RLO}ko` },
        body: { en: `B${RLO}en`, ko: `B${RLO}ko` },
        ctaLabel: { en: `C${RLO}en`, ko: `C${RLO}ko` },
        coupon: { code: `K${RLO}1`, expiresAt },
      };
      const decision = dueDecision(now, banner);
      const customer = customerDrop({ id: "1001", firstName: `Min${RLO}ji`, lastName: "Kim", email: null }, decision);
      const { html } = await engine.renderBlock(
        "dangol-banner",
        { lang, customer, assetBase: "/a" },
        { show_greeting: true },
      );
      for (const text of [
        banner.title[lang],
        banner.body[lang],
        banner.ctaLabel[lang],
        banner.coupon.code,
        `Min${RLO}ji`,
      ]) {
        expect(isolatingHolder(html, text), JSON.stringify(text)).toBe("isolated");
      }
    });

    it(`expiry bar (${lang})`, async () => {
      const decision = couponHolderDecision(now);
      decision.notice = {
        ...decision.notice!,
        text: { en: `N${RLO}en`, ko: `N${RLO}ko` },
        coupon: { code: `S${RLO}2`, expiresAt },
      };
      const customer = customerDrop({ id: "1003", firstName: "Hana", lastName: "Kim", email: null }, decision);
      const { html } = await engine.renderBlock("coupon-expiry-bar", { lang, customer, assetBase: "/a" });
      for (const text of [decision.notice.text[lang], decision.notice.coupon.code]) {
        expect(isolatingHolder(html, text), JSON.stringify(text)).toBe("isolated");
      }
    });
  }
});
