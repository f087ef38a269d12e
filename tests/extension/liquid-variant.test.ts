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

describe("banner variant image", () => {
  const img = async (imageUrl: string | undefined) =>
    (await banner({ variant: "b", imageUrl })).doc.querySelector("img.dangol-banner__image");

  it("renders an https image with its box fixed (width and height) and not lazy", async () => {
    const el = (await img("https://cdn.shopify.com/s/files/1/b.png?v=1&w=2"))!;
    expect(el.getAttribute("src")).toBe("https://cdn.shopify.com/s/files/1/b.png?v=1&w=2");
    expect([el.getAttribute("width"), el.getAttribute("height")]).toEqual(["48", "48"]);
    expect(el.getAttribute("alt")).toBe("");
    expect(el.getAttribute("loading")).not.toBe("lazy");
  });

  it("accepts Shopify's protocol-relative CDN URL", async () => {
    expect((await img("//cdn.shopify.com/s/files/1/b.png"))!.getAttribute("src")).toBe(
      "//cdn.shopify.com/s/files/1/b.png",
    );
  });

  it("escapes the URL", async () => {
    const { doc } = await banner({ imageUrl: `https://x.test/a.png" onerror="alert(1)` });
    expect(doc.querySelector("img.dangol-banner__image")!.getAttribute("src")).toBe(
      `https://x.test/a.png" onerror="alert(1)`,
    );
    expect(doc.querySelectorAll("[onerror]")).toHaveLength(0);
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "http://cdn.example.com/b.png",
    "HTTPS://cdn.example.com/b.png",
    "data:image/png;base64,AAAA",
    "//evil.example/b.png",
    "//cdn.shopify.com.evil.example/b.png",
    "/files/b.png",
    "",
  ])("never renders %j", async (url) => {
    const { doc, html } = await banner({ imageUrl: url });
    expect(doc.querySelectorAll("img")).toHaveLength(0);
    if (url) expect(html).not.toContain(url.trim());
  });

  it("renders no image when the variant has none", async () => {
    expect(await img(undefined)).toBeNull();
  });
});
