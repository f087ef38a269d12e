// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { BannerPreview } from "../../web/src/components/BannerPreview.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";
import type { CampaignDto, Language } from "../../server/src/http/contracts.js";

const RLO = "\u202E";
const content: CampaignDto["content"] = {
  title: { en: `Title${RLO} en`, ko: `제목${RLO} ko` },
  body: { en: `Body${RLO} en`, ko: `본문${RLO} ko` },
  cta: { en: `Go${RLO} en`, ko: `가기${RLO} ko` },
};

afterEach(cleanup);

// Each merchant string sits in its own element with dir="auto" (which browsers bidi-isolate): a U+202E typed into
// the title cannot reorder the body or the button after it, and a right-to-left title reads right to left.
describe("BannerPreview: merchant text is bidi-isolated", () => {
  for (const language of ["en", "ko"] as Language[]) {
    it(language, () => {
      render(
        <I18nProvider language="en" setLanguage={() => undefined}>
          <AppProvider i18n={en}>
            <BannerPreview content={content} language={language} enabled />
          </AppProvider>
        </I18nProvider>,
      );
      const preview = screen.getByTestId("banner-preview");
      for (const field of ["title", "body", "cta"] as const) {
        const text = content[field][language];
        const holder = [...preview.querySelectorAll("*")].find((el) => el.textContent === text);
        expect(holder, field).toBeDefined();
        expect(holder!.getAttribute("dir"), field).toBe("auto");
      }
    });
  }
});
