// Metafield namespace resolution and per-type value validation (Shopify's rules for the types we need).
export function resolveNamespace(namespace: string | null | undefined, appId: string): string {
  const ns = namespace ?? "$app";
  if (ns === "$app") return `app--${appId}`;
  if (ns.startsWith("$app:")) return `app--${appId}--${ns.slice("$app:".length)}`;
  return ns;
}

const VALIDATORS: Record<string, (value: string) => string | null> = {
  json: (v) => {
    try {
      JSON.parse(v);
      return null;
    } catch (error) {
      return `Value is invalid JSON: ${(error as Error).message}.`;
    }
  },
  single_line_text_field: (v) => (/[\r\n]/.test(v) ? "Value must be a single line of text." : null),
  multi_line_text_field: () => null,
  number_integer: (v) => (/^-?\d+$/.test(v) ? null : "Value must be an integer."),
  number_decimal: (v) => (/^-?\d+(\.\d+)?$/.test(v) ? null : "Value must be a decimal."),
  boolean: (v) => (v === "true" || v === "false" ? null : "Value must be true or false."),
  date: (v) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(v)) ? null : "Value must be in YYYY-MM-DD format.",
  date_time: (v) => (Number.isFinite(Date.parse(v)) ? null : "Value must be in ISO 8601 date and time format."),
  url: (v) => (/^https?:\/\/\S+$/.test(v) ? null : "Value must be a valid URL."),
};

export function isKnownType(type: string): boolean {
  return type in VALIDATORS;
}

/** Returns an error message, or null when the value fits the type. */
export function validateValue(type: string, value: string): string | null {
  return VALIDATORS[type]?.(value) ?? null;
}

export function jsonValue(type: string, value: string): unknown {
  switch (type) {
    case "json":
      return JSON.parse(value);
    case "number_integer":
    case "number_decimal":
      return Number(value);
    case "boolean":
      return value === "true";
    default:
      return value;
  }
}
