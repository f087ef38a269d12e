// App text in English and Korean (web/src/locales); Polaris' own strings come from its bundled locales.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { fillWithParticles } from "../../../server/src/domain/shared/korean-particles.js";
import type { Language } from "../../../server/src/contracts/admin-api.js";
import en from "../locales/en.json";
import ko from "../locales/ko.json";

type Messages = { [key: string]: string | Messages };
const MESSAGES: Record<Language, Messages> = { en, ko };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18nValue | null>(null);

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export function translate(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const template = lookup(MESSAGES[language], key) ?? lookup(MESSAGES.en, key) ?? key;
  // Korean text may write a particle in both forms after a value ("{name}을(를)"): the value filled in chooses it.
  return fillWithParticles(template, (name) => (name in vars ? String(vars[name]) : undefined));
}

export function I18nProvider(props: {
  language: Language;
  setLanguage(language: Language): void;
  children: ReactNode;
}) {
  const { language, setLanguage } = props;
  const t = useCallback<Translate>((key, vars) => translate(language, key, vars), [language]);
  const value = useMemo(() => ({ language, t, setLanguage }), [language, t, setLanguage]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
