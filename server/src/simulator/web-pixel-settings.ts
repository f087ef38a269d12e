// A web pixel extension's [settings.fields] and Shopify's check of webPixelCreate/Update settings against them:
// a JSON object with only declared keys, each of its declared type and validations.
export interface WebPixelField {
  type: "single_line_text_field" | "multi_line_text_field";
  /** validations = [{ name = "min", value = "<n>" }]: at least n characters (so required). */
  min?: number;
}
export type WebPixelFields = Record<string, WebPixelField>;

/** extensions/dangol-pixel/shopify.extension.toml (tests/simulator/web-pixel-mutations.test.ts compares them). */
export const DANGOL_PIXEL_FIELDS: WebPixelFields = { endpoint: { type: "single_line_text_field", min: 1 } };

export type SettingsVerdict =
  | { ok: true; json: string }
  | { ok: false; code: "INVALID_CONFIGURATION_JSON" | "INVALID_SETTINGS"; message: string };

/** The JSON scalar takes a JSON string (what apps send) or an object. */
export function checkPixelSettings(raw: unknown, fields: WebPixelFields): SettingsVerdict {
  let settings = raw;
  if (typeof raw === "string") {
    try {
      settings = JSON.parse(raw);
    } catch {
      return { ok: false, code: "INVALID_CONFIGURATION_JSON", message: "The provided settings is not a valid JSON." };
    }
  }
  const problem = settingsProblem(settings, fields);
  if (problem) return { ok: false, code: "INVALID_SETTINGS", message: `Invalid settings: ${problem}` };
  return { ok: true, json: JSON.stringify(settings) };
}

function settingsProblem(settings: unknown, fields: WebPixelFields): string | null {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return "settings must be an object";
  const values = settings as Record<string, unknown>;
  for (const key of Object.keys(values)) if (!fields[key]) return `${key} is not a declared setting`;
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name] ?? "";
    if (typeof value !== "string") return `${name} must be a string`;
    if (field.type === "single_line_text_field" && /[\r\n]/.test(value)) return `${name} must be a single line`;
    if (field.min !== undefined && value.length < field.min) return `${name} is shorter than ${field.min}`;
  }
  return null;
}
