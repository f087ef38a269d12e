// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { Language, SyncStatusResponse } from "../../server/src/contracts/admin-api.js";
import { DeadLetterCard } from "../../web/src/components/DeadLetterCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

const deadLetters: SyncStatusResponse["deadLetters"] = {
  total: 3,
  maxAttempts: 8,
  items: [
    {
      webhookId: "w-1",
      topic: "orders/create",
      receivedAt: "2026-11-30T10:00:00.000Z",
      attempts: 8,
      error: "Webhook orders/create payload is malformed",
    },
  ],
};

function renderIn(language: Language, letters = deadLetters, onChanged = vi.fn()) {
  render(
    <I18nProvider language={language} setLanguage={() => undefined}>
      <AppProvider i18n={en}>
        <DeadLetterCard deadLetters={letters} onChanged={onChanged} />
      </AppProvider>
    </I18nProvider>,
  );
  return onChanged;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DeadLetterCard", () => {
  it("is hidden when no delivery gave up", () => {
    renderIn("en", { total: 0, maxAttempts: 8, items: [] });
    expect(screen.queryByText("Webhooks that could not be applied")).toBeNull();
  });

  it("lists dead letters with their tries and error, in Korean too", () => {
    renderIn("ko");
    expect(screen.getByText("처리하지 못한 웹훅")).toBeTruthy();
    expect(screen.getByText(/수신 · 8번 시도/)).toBeTruthy();
    expect(screen.getByText("최신순으로 3건 중 1건 표시")).toBeTruthy();
    expect(screen.getByText(/payload is malformed/)).toBeTruthy();
  });

  it("retries one through the sync API and reports the outcome", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ outcome: "processed" }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const onChanged = renderIn("en");
    fireEvent.click(screen.getByRole("button", { name: /Retry orders\/create/ }));
    await waitFor(() => expect(screen.getByText("Applied")).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/sync/dead-letters/w-1/retry",
      expect.objectContaining({ method: "POST" }),
    );
    expect(onChanged).toHaveBeenCalled();
  });
});
