import type { Language } from "../../../server/src/http/contracts.js";
import { formatPercent } from "../i18n/format.js";

/**
 * Decimals for a percent axis whose largest value is `max` (a share, 0.012 = 1.2 %): enough that ticks about a tenth
 * of the range apart read differently. Whole percents turned a 0–1 % axis into ten "0%" labels.
 */
export function percentAxisDigits(max: number): number {
  if (!(max > 0)) return 0;
  const stepInPercent = (max * 100) / 10;
  return Math.min(2, Math.max(0, Math.ceil(-Math.log10(stepInPercent))));
}

export function percentAxisFormatter(language: Language, values: number[]): (value: string | number | null) => string {
  const digits = percentAxisDigits(Math.max(0, ...values));
  return (value) => formatPercent(language, Number(value), digits);
}
