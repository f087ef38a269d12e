import type { ProductOverrides } from "../domain/timing/non-product-lines.js";

/** The merchant's product overrides from the settings JSON; anything malformed reads as "no override". */
export function productOverridesFromSettings(settings: Record<string, unknown> | null): ProductOverrides {
  const raw = settings?.productOverrides;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  if (!raw || typeof raw !== "object") return { nonProduct: [], product: [] };
  const o = raw as Record<string, unknown>;
  return { nonProduct: list(o.nonProduct), product: list(o.product) };
}
