import { useCallback, useEffect, useState } from "react";
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisKo from "@shopify/polaris/locales/ko.json";
import type { Language, SettingsResponse } from "../../server/src/http/contracts";
import { apiFetch } from "./api/client";
import { embeddedShopify } from "./api/app-bridge";
import { AppFrame } from "./AppFrame";
import { I18nProvider } from "./i18n/i18n";
import { AppLink } from "./routing/Link";
import { RouterProvider, useRouter } from "./routing/router";
import { routeElement } from "./routing/routes";

const POLARIS_LOCALES = { en: polarisEn, ko: polarisKo };

/** Until the saved setting arrives: the admin's locale when embedded, else the browser's. */
function initialLanguage(): Language {
  const locale = embeddedShopify()?.config?.locale ?? navigator.language ?? "en";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}

function CurrentPage() {
  const { path } = useRouter();
  return routeElement(path);
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((l: Language) => setLanguageState(l), []);
  useEffect(() => {
    apiFetch<SettingsResponse>("/api/settings").then((s) => setLanguageState(s.language), () => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <RouterProvider>
      <I18nProvider language={language} setLanguage={setLanguage}>
        <AppProvider i18n={POLARIS_LOCALES[language]} linkComponent={AppLink}>
          <AppFrame>
            <CurrentPage />
          </AppFrame>
        </AppProvider>
      </I18nProvider>
    </RouterProvider>
  );
}
