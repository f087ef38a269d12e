// Stands in for Shopify's Customer Privacy API and cookie banner, which a real storefront gets from
// content_for_header, so the extension's consent handling can be tried in the demo's /preview. Same surface as
// Shopify's: Shopify.loadFeatures([{ name: "consent-tracking-api", version: "0.1" }], cb) installs
// Shopify.customerPrivacy (asynchronously) with analyticsProcessingAllowed(), marketingAllowed(),
// preferencesProcessingAllowed(), saleOfDataAllowed(), currentVisitorConsent() ("yes" | "no" | "" per purpose),
// shouldShowBanner() and setTrackingConsent(consent, callback), which fires the `visitorConsentCollected` document
// event with { analyticsAllowed, marketingAllowed, preferencesAllowed, saleOfDataAllowed, ... }. As on Shopify, a
// purpose the visitor has not decided is allowed where the region needs no consent and refused where it does.
// The choice is kept in localStorage (Shopify keeps it in its _tracking_consent cookie). Loaded with
// data-consent-required="true|false" (the preview's region); the banner (#preview-consent) shows only when
// shouldShowBanner().
(() => {
  const required = document.currentScript?.dataset.consentRequired === "true";
  const KEY = "dangol-preview-consent";
  const PURPOSES = ["analytics", "marketing", "preferences", "sale_of_data"];
  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || {};
    } catch {
      return {};
    }
  };
  const choice = (purpose) => read()[purpose];
  const allowed = (purpose) => (typeof choice(purpose) === "boolean" ? choice(purpose) : !required);
  const given = (purpose) => (typeof choice(purpose) === "boolean" ? (choice(purpose) ? "yes" : "no") : "");

  const api = {
    analyticsProcessingAllowed: () => allowed("analytics"),
    marketingAllowed: () => allowed("marketing"),
    preferencesProcessingAllowed: () => allowed("preferences"),
    saleOfDataAllowed: () => allowed("sale_of_data"),
    currentVisitorConsent: () => Object.fromEntries(PURPOSES.map((p) => [p, given(p)])),
    shouldShowBanner: () => required && given("analytics") === "",
    setTrackingConsent(consent, callback) {
      const stored = read();
      for (const p of PURPOSES) if (typeof consent[p] === "boolean") stored[p] = consent[p];
      try {
        localStorage.setItem(KEY, JSON.stringify(stored));
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      // Shopify records the choice with a request, then tells the page.
      setTimeout(() => {
        const marketing = allowed("marketing");
        const detail = {
          analyticsAllowed: allowed("analytics"),
          marketingAllowed: marketing,
          preferencesAllowed: allowed("preferences"),
          saleOfDataAllowed: allowed("sale_of_data"),
          firstPartyMarketingAllowed: marketing,
          thirdPartyMarketingAllowed: marketing,
        };
        document.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail }));
        callback?.({});
      });
    },
  };

  window.Shopify = window.Shopify || {};
  const shopify = window.Shopify;
  shopify.loadFeatures = (features, callback) => {
    setTimeout(() => {
      const known = features.every((f) => f.name === "consent-tracking-api" && f.version === "0.1");
      if (known) shopify.customerPrivacy = api;
      callback(known ? undefined : new Error("unknown feature"));
    });
  };

  // The cookie banner, as Shopify's would behave: Accept or Decline sets every purpose.
  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("preview-consent-reset")?.addEventListener("click", () => {
      try {
        localStorage.removeItem(KEY);
      } catch {
        // Nothing stored.
      }
      location.reload();
    });
    const banner = document.getElementById("preview-consent");
    if (!banner) return;
    shopify.loadFeatures([{ name: "consent-tracking-api", version: "0.1" }], (error) => {
      if (error || !api.shouldShowBanner()) return;
      banner.hidden = false;
      banner.addEventListener("click", (event) => {
        const answer = event.target.getAttribute("data-consent");
        if (!answer) return;
        const yes = answer === "yes";
        banner.hidden = true;
        api.setTrackingConsent({ analytics: yes, marketing: yes, preferences: yes, sale_of_data: yes });
      });
    });
  });
})();
