import { ValidationError } from "../domain/shared/errors";

/** RFC-4180 rows from text (quoted fields, doubled quotes, CRLF or LF). */
export function* csvRows(text: string): Generator<string[]> {
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; }
        else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      yield row;
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); yield row; }
}

/** Column positions by name; throws naming every missing column so the user fixes the file in one go. */
export function columnIndex(header: string[] | undefined, required: string[], file: string): Map<string, number> {
  if (!header) throw new ValidationError(`${file} is empty`);
  const names = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) throw new ValidationError(`${file} is missing column(s): ${missing.join(", ")} (found: ${names.join(", ")})`);
  return new Map(required.map((c) => [c, names.indexOf(c)]));
}

/** A finite number or a ValidationError pointing at the line. */
export function numberAt(raw: string | undefined, column: string, line: number): number {
  const v = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isFinite(v)) throw new ValidationError(`Line ${line}: ${column} is not a number ("${raw ?? ""}")`);
  return v;
}
