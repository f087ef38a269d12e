// What the admin says about a failed request: an error code the locales translate (apiErrors.<code>) reads in the
// admin's language; any other error keeps its own message (the server words those for the user).
import { ApiError } from "../api/client.js";
import type { Translate } from "./i18n.js";

export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `apiErrors.${err.code}`;
    const translated = t(key);
    if (translated !== key) return translated;
  }
  return err instanceof Error ? err.message : String(err);
}

/** "Something went wrong: <message>" in the admin's language. */
export const errorText = (t: Translate, err: unknown): string => t("common.error", { message: errorMessage(t, err) });
