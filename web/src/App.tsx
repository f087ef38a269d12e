import { useCallback, useEffect, useState } from "react";
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisKo from "@shopify/polaris/locales/ko.json";
import type { Language, SettingsResponse } from "../../server/src/contracts/admin-api.js";
import { apiFetch } from "./api/client.js";
import { embeddedShopify } from "./api/app-bridge.js";
import { AppFrame } from "./AppFrame.js";
import { Cafe24SessionEnded, useCafe24SessionEnded } from "./components/Cafe24SessionEnded.js";
import { setShopTimeZone } from "./i18n/format.js";
import { I18nProvider } from "./i18n/i18n.js";
import { AppLink } from "./routing/Link.js";
import { RouterProvider, useRouter } from "./routing/router.js";
import { routeElement } from "./routing/routes.js";

const POLARIS_LOCALES = { en: polarisEn, ko: polarisKo };

/** Until the saved setting arrives: the admin's locale when embedded, else the browser's. */
function initialLanguage(): Language {
  const locale = embeddedShopify()?.config?.locale ?? navigator.language ?? "en";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}

function CurrentPage() {
  const { path } = useRouter();
  const cafe24Ended = useCafe24SessionEnded();
  return cafe24Ended ? <Cafe24SessionEnded /> : routeElement(path);
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [, setTimeZone] = useState<string | null>(null);
  const setLanguage = useCallback((l: Language) => setLanguageState(l), []);
  useEffect(() => {
    apiFetch<SettingsResponse>("/api/settings").then(
      (s) => {
        // Dates follow the shop's zone (a Cafe24 mall's: Seoul); the state change re-renders them in it.
        setShopTimeZone(s.timeZone);
        setTimeZone(s.timeZone);
        setLanguageState(s.language);
      },
      () => undefined,
    );
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
