// Issue 14: the banner of an A/B/n test says which variant it shows (data-variant, read by dangol.js into its
// beacons) and renders the variant's image, only from an https URL.
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { createExtensionEngine } from "../../server/src/storefront-preview/liquid-engine.js";
import { customerDrop } from "../../server/src/storefront-preview/customer-drop.js";
import type { BannerDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { dueDecision } from "./decision-fixtures.js";

const engine = createExtensionEngine();
const kim = { id: "1001", firstName: "Minji", lastName: "Kim", email: null };

async function banner(fields: Partial<BannerDecision>) {
  const decision = dueDecision(new Date(), fields);
  const { html } = await engine.renderBlock("dangol-banner", {
    lang: "en",
    customer: customerDrop(kim, decision),
    assetBase: "/preview/assets",
  });
  const window = new Window();
  window.document.body.innerHTML = html;
  return { html, doc: window.document, slot: window.document.querySelector("dangol-slot")! };
}

describe("banner variant", () => {
  it("names the variant it shows for the beacons", async () => {
    expect((await banner({ variant: "b" })).slot.getAttribute("data-variant")).toBe("b");
  });

  it("has no data-variant when the campaign has no variants", async () => {
    expect((await banner({})).slot.hasAttribute("data-variant")).toBe(false);
  });

  it("escapes the variant", async () => {
    const { slot, doc } = await banner({ variant: `b" onmouseover="alert(1)` });
    expect(slot.getAttribute("data-variant")).toBe(`b" onmouseover="alert(1)`);
    expect(slot.hasAttribute("onmouseover")).toBe(false);
    expect(doc.querySelectorAll("[onmouseover]")).toHaveLength(0);
  });
});
