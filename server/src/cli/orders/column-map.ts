import { ValidationError } from "../../domain/shared/errors.js";
import { FIELDS, type Field, type OrderFormat, type RowValues } from "./formats.js";

/** --map customer=Email,date=Created at (repeatable): field → header, overriding the format's own names. */
export function parseColumnMap(raw: string[] | undefined): Partial<Record<Field, string>> {
  const map: Partial<Record<Field, string>> = {};
  for (const part of (raw ?? []).flatMap((r) => r.split(","))) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    const field = part.slice(0, eq).trim() as Field;
    const header = part.slice(eq + 1).trim();
    if (eq < 0 || !header) throw new ValidationError(`--map wants field=Header pairs, got "${part}"`);
    if (!FIELDS.includes(field))
      throw new ValidationError(`--map: unknown field "${field}" (fields: ${FIELDS.join(", ")})`);
    map[field] = header;
  }
  return map;
}

/** Where each field sits in this file's header, and a reader of one row's values. */
export interface ColumnPlan {
  columns: Partial<Record<Field, number>>;
  values(fields: string[]): RowValues;
  /** The file's own name for a field's column, for messages a person can match to the file. */
  header(field: Field): string;
}

export function planColumns(
  header: string[],
  format: OrderFormat,
  map: Partial<Record<Field, string>>,
  file: string,
): ColumnPlan {
  const names = header.map((h) => h.trim());
  const columns: Partial<Record<Field, number>> = {};
  const unknownMapped: string[] = [];
  for (const field of FIELDS) {
    const mapped = map[field];
    if (mapped !== undefined) {
      const at = names.indexOf(mapped);
      if (at < 0) unknownMapped.push(`"${mapped}" (for ${field})`);
      else columns[field] = at;
      continue;
    }
    const at = (format.headers[field] ?? []).map((h) => names.indexOf(h)).find((i) => i >= 0);
    if (at !== undefined) columns[field] = at;
  }
  if (unknownMapped.length)
    throw new ValidationError(
      `${file}: --map names column(s) not in the header: ${unknownMapped.join(", ")} (found: ${names.join(", ")})`,
    );
  const missing = format.required.filter((f) => columns[f] === undefined);
  if (missing.length) {
    const wanted = missing.map((f) => `${(format.headers[f] ?? []).join(" or ") || "?"} (${f})`);
    throw new ValidationError(
      `${file} is missing column(s): ${wanted.join(", ")} for the ${format.name} layout (found: ${names.join(", ")}); ` +
        `name them with --map ${missing.map((f) => `${f}=<header>`).join(",")}`,
    );
  }
  if (columns.price === undefined && columns.total === undefined)
    throw new ValidationError(
      `${file}: no price or order total column; name one with --map price=<header> or --map total=<header>`,
    );
  const entries = FIELDS.map((f) => [f, columns[f]] as const);
  return {
    columns,
    header: (field) => (columns[field] === undefined ? field : names[columns[field]!]),
    values(fields) {
      const v = {} as RowValues;
      for (const [f, at] of entries) v[f] = at === undefined ? "" : (fields[at] ?? "").trim();
      return v;
    },
  };
}
