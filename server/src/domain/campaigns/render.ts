import { fillWithParticles } from "../shared/korean-particles.js";
import type { LocalizedText } from "./storefront-decision.js";

export type Locale = keyof LocalizedText;
export const LOCALES: Locale[] = ["en", "ko"];

/** Values for the content tokens; missing ones fall back per locale (a name) or stay empty. */
export interface TokenValues {
  first_name?: string | null;
  product?: string | null;
  days_left?: number | null;
  code?: string | null;
  percent?: number | null;
}

const NAME_FALLBACK: LocalizedText = { en: "friend", ko: "고객" };
const MAX_LENGTH = 500;
// Control characters (except none: we also flatten newlines) never belong in a one-line banner.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

function clean(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

function tokenValue(name: string, values: TokenValues, locale: Locale): string | undefined {
  switch (name) {
    case "first_name":
      return clean(values.first_name ?? "") || NAME_FALLBACK[locale];
    case "product":
    case "code":
      return clean(values[name] ?? "");
    case "days_left":
    case "percent": {
      const n = values[name];
      return n === null || n === undefined || !Number.isFinite(n) ? "" : String(Math.round(n));
    }
    default:
      return undefined; // unknown token: left as typed so the merchant spots it in the preview
  }
}

/**
 * Fills {token}s into merchant text and returns plain text — never HTML. Nothing is escaped here on purpose:
 * Liquid (`| escape`) and the DOM (`textContent`) escape at output, so escaping twice would show "&amp;lt;".
 */
export function renderTemplate(template: string, values: TokenValues, locale: Locale): string {
  // A Korean particle written in both forms after a token ("{code}을(를)") takes the form its value needs.
  const filled = fillWithParticles(template, (name) => tokenValue(name, values, locale));
  return clean(filled).slice(0, MAX_LENGTH);
}

export function renderLocalized(template: LocalizedText, values: TokenValues): LocalizedText {
  return { en: renderTemplate(template.en, values, "en"), ko: renderTemplate(template.ko, values, "ko") };
}

/** Whole days left until `expiresAt`, rounded up (an expiry later today is "1 day"). */
export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000));
}
