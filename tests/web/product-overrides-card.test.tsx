// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { ProductOverridesCard } from "../../web/src/components/ProductOverridesCard.js";
import { I18nProvider } from "../../web/src/i18n/i18n.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProductOverridesCard", () => {
  it("shows the saved overrides and saves one id or title a line", async () => {
    const stored = { shop: "s", language: "en", productOverrides: { nonProduct: ["POSTAGE"], product: [] } };
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(stored)));
    vi.stubGlobal("fetch", fetchMock);
    render(
      <I18nProvider language="en" setLanguage={() => undefined}>
        <AppProvider i18n={en}>
          <ProductOverridesCard />
        </AppProvider>
      </I18nProvider>,
    );
    const never = (await screen.findByLabelText("Never a product (no restock reminders)")) as HTMLTextAreaElement;
    await waitFor(() => expect(never.value).toBe("POSTAGE"));
    fireEvent.change(never, { target: { value: "POSTAGE\n  Gift wrap  \n\n" } });
    fireEvent.change(screen.getByLabelText("Always a product"), { target: { value: "Carriage clock" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("Saved. Used from the next model update.")).toBeTruthy());
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({
      productOverrides: { nonProduct: ["POSTAGE", "Gift wrap"], product: ["Carriage clock"] },
    });
  });
});
