// @vitest-environment happy-dom
// The server words a platform failure in English only (http/error-handler.ts: PLATFORM_ERROR_MESSAGE) and names it
// by code; the admin translates the code, so a Korean admin reads Korean.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { Language } from "../../server/src/contracts/admin-api.js";
import { PLATFORM_ERROR_MESSAGE } from "../../server/src/http/error-handler.js";
import { ApiError } from "../../web/src/api/client.js";
import { PageState } from "../../web/src/components/PageState.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";
import ko from "../../web/src/locales/ko.json";

function renderIn(language: Language, error: Error) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <PageState error={error} onRetry={() => undefined} />
      </AppProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe("a platform error in the admin", () => {
  const platformError = () => new ApiError(503, "PlatformUnavailable", PLATFORM_ERROR_MESSAGE);

  it("reads in Korean in the Korean admin, from the error's code", () => {
    renderIn("ko", platformError());
    expect(screen.queryByText(new RegExp(PLATFORM_ERROR_MESSAGE.slice(0, 20)))).toBeNull();
    expect(screen.getByText(new RegExp(ko.apiErrors.PlatformUnavailable))).toBeTruthy();
  });

  it("keeps a message the server wrote for the user (an error with no translated code)", () => {
    renderIn("ko", new ApiError(404, "NotFound", "No campaign win_back"));
    expect(screen.getByText(/No campaign win_back/)).toBeTruthy();
  });
});
