// Cell values as stores write them. Each parser returns null for "not this kind of value" and leaves the
// wording of the problem to the caller, which knows the line and the column.

const ISO_LIKE =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// Month first, as the original Online Retail file and US exports write it (12/1/2010 8:26).
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A timestamp: 2024-05-01 09:58:12 +0000 (Shopify), 2010-12-01 08:26:00 (Online Retail II), 2024.05.01 13:22,
 * 2024/05/01, 12/1/2010 8:26, or a date with no time at all (midnight). A time without a zone is local time at
 * `localOffsetMs` from UTC (the export's own: Korean platforms write KST).
 */
export function parseTimestamp(raw: string, localOffsetMs = 0): Date | null {
  const s = raw.trim();
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    sec = 0,
    zone: string | undefined;
  const iso = ISO_LIKE.exec(s);
  const us = iso ? null : US.exec(s);
  const m = iso ?? us;
  if (!m) return null;
  if (iso) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
    zone = m[7];
  } else [mo, d, y] = [+m[1], +m[2], +m[3]];
  if (m[4] !== undefined) [h, mi, sec] = [+m[4], +m[5], +(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (new Date(utc).getUTCDate() !== d) return null; // 2024-02-30
  return new Date(utc - (zone ? zoneOffsetMs(zone) : localOffsetMs));
}

/** "+09:00", "-0500", "Z" → milliseconds east of UTC, or null. */
export function parseUtcOffset(raw: string): number | null {
  return /^(Z|[+-]\d{2}:?\d{2})$/i.test(raw.trim()) ? zoneOffsetMs(raw.trim()) : null;
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

// 12,000 and 1,234.50 are thousands separators; a lone comma is a decimal comma, which we do not guess at.
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A money or quantity cell: "12.5", "12,000", "₩12,000", "12,000원", "$4.00". */
export function parseAmount(raw: string): number | null {
  let s = raw.trim().replace(/^[₩$£€¥]\s*|\s*(원|KRW|USD|GBP|EUR)$/g, "");
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * A copy of a short text kept for the whole run. V8 may keep a substring as a view of the chunk it was cut from,
 * which would pin every chunk of a large file in memory; interning also shares repeated titles and ids.
 */
export function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8");
      seen.set(v, v);
    }
    return v;
  };
}

/** A string that does not keep its source chunk alive (for values that are unique per order, not worth interning). */
export function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8");
}
