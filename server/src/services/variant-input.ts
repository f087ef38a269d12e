// The editor's variant rows (PUT /api/campaigns/:key/variants): the whole list of extra variants, validated like
// a campaign edit (strict, every refusal names its field).
import { z } from "zod";
import { VARIANT_IDS, type ContentVariant } from "../domain/experiments/variant.js";
import { ValidationError } from "../domain/shared/errors.js";

const text = z.string().trim().min(1).max(300);
const localized = z.strictObject({ en: text, ko: text });
/** Shown as <img src>: https only, so a variant can't load mixed content or a javascript:/data: URL. */
const imageUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[^\s<>"']+$/, "must be an https:// image URL")
  .nullable();

const variantsSchema = z.strictObject({
  variants: z
    .array(
      z.strictObject({
        id: z.enum(VARIANT_IDS),
        content: z.strictObject({ title: localized, body: localized, cta: localized }),
        imageUrl: imageUrl.default(null),
        weight: z.number().min(0).max(10).default(1),
      }),
    )
    .max(VARIANT_IDS.length)
    .refine((list) => new Set(list.map((v) => v.id)).size === list.length, "variant ids must differ"),
});

export function parseVariants(raw: unknown): ContentVariant[] {
  const parsed = variantsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join("."), code: "invalid", message: i.message }));
    throw new ValidationError(`Invalid variants: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
  }
  return parsed.data.variants;
}
