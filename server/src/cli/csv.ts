import { ValidationError } from "../domain/shared/errors.js";

/** One CSV record and the physical line it starts on (what a person looks up in the file). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A record longer than this is a broken file (an unterminated quote swallowing the rest), not data. */
const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * RFC-4180 records (quoted fields, doubled quotes, CRLF, LF or CR) from a stream of text chunks. Only the unfinished
 * tail of the previous chunk is kept between chunks, so memory does not grow with the file.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, file: string): AsyncGenerator<CsvRecord> {
  let rest = "";
  let line = 1;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const out: CsvRecord[] = [];
    const done = parseRecords(text, false, line, out);
    yield* out;
    line = done.line;
    rest = text.slice(done.used);
    if (rest.length > MAX_RECORD_CHARS)
      throw new ValidationError(`${file}, line ${line}: a record runs past 1 MB (an unclosed quote?)`);
  }
  const out: CsvRecord[] = [];
  parseRecords(rest, true, line, out);
  yield* out;
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

const COMMA = 44,
  LF = 10,
  CR = 13,
  QUOTE = 34;

/**
 * Parses complete records from `s` into `out`; returns how many characters were consumed. Without `final`, a
 * record that might continue in the next chunk is left unconsumed. Also returns the line the next record starts on.
 */
function parseRecords(s: string, final: boolean, firstLine: number, out: CsvRecord[]): { used: number; line: number } {
  const n = s.length;
  let pos = 0;
  let line = firstLine;
  while (pos < n) {
    const fields: string[] = [];
    let i = pos;
    let breaks = 0;
    for (;;) {
      let value: string;
      if (s.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        let parts = "";
        for (;;) {
          const q = s.indexOf('"', from);
          if (q === -1 || (q + 1 >= n && !final)) {
            if (!final) return { used: pos, line };
            throw new ValidationError(`Line ${line}: a quoted field is never closed`);
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            parts += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value = parts + s.slice(from, q);
          i = q + 1;
          break;
        }
        if (value.includes("\n") || value.includes("\r")) breaks += countBreaks(value);
        let k = i;
        while (k < n && !isDelimiter(s.charCodeAt(k))) k++;
        if (k > i) value += s.slice(i, k); // lenient: text after a closing quote belongs to the field
        i = k;
      } else {
        let k = i;
        while (k < n && !isDelimiter(s.charCodeAt(k))) k++;
        value = s.slice(i, k);
        i = k;
      }
      fields.push(value);
      if (i >= n) {
        if (!final) return { used: pos, line };
        out.push({ fields, line });
        return { used: n, line: line + 1 + breaks };
      }
      const c = s.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          if (!final) return { used: pos, line };
          fields.push("");
          out.push({ fields, line });
          return { used: n, line: line + 1 + breaks };
        }
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) return { used: pos, line };
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      out.push({ fields, line });
      line += 1 + breaks;
      pos = i;
      break;
    }
  }
  return { used: pos, line };
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

/** True for a record that is nothing but an empty line. */
export function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0].trim() === "";
}

/** Column positions by name; throws naming every missing column so the user fixes the file in one go. */
export function columnIndex(header: string[] | undefined, required: string[], file: string): Map<string, number> {
  if (!header) throw new ValidationError(`${file} is empty`);
  const names = header.map((h) => h.trim());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length)
    throw new ValidationError(`${file} is missing column(s): ${missing.join(", ")} (found: ${names.join(", ")})`);
  return new Map(required.map((c) => [c, names.indexOf(c)]));
}

/** A finite number or a ValidationError pointing at the line. */
export function numberAt(raw: string | undefined, column: string, line: number): number {
  const v = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isFinite(v)) throw new ValidationError(`Line ${line}: ${column} is not a number ("${raw ?? ""}")`);
  return v;
}
