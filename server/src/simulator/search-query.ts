// Shopify search syntax subset: `updated_at:>'2026-01-01T00:00:00Z' AND created_at:<=2026-02-01 OR id:123`, `-field:value`.
export type FieldKind = "date" | "number" | "boolean" | "string";
export type FieldAccessors<T> = Record<string, { kind: FieldKind; get: (item: T) => number | string | boolean | null }>;

export interface ParsedSearch<T> {
  matches: (item: T) => boolean;
  /** Terms that were ignored, as Shopify reports them in extensions.search warnings. */
  warnings: Array<{ field: string; message: string }>;
}

interface Term {
  field: string;
  op: ">" | ">=" | "<" | "<=" | "=";
  value: string;
  negate: boolean;
}

export function parseSearch<T>(query: string | null | undefined, fields: FieldAccessors<T>): ParsedSearch<T> {
  const warnings: ParsedSearch<T>["warnings"] = [];
  if (!query?.trim()) return { matches: () => true, warnings };
  const groups: Array<Array<(item: T) => boolean>> = [[]];
  for (const token of tokenize(query)) {
    if (token === "AND") continue;
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    const term = parseTerm(token);
    const accessor = term ? fields[term.field] : undefined;
    if (!term || !accessor) {
      warnings.push({ field: term?.field ?? token, message: "Invalid search field for this query." });
      continue;
    }
    const predicate = compileTerm(term, accessor);
    if (!predicate) {
      warnings.push({ field: term.field, message: `Invalid value "${term.value}".` });
      continue;
    }
    groups[groups.length - 1].push(predicate);
  }
  const live = groups.filter((g) => g.length > 0);
  if (live.length === 0) return { matches: () => true, warnings };
  return { matches: (item) => live.some((group) => group.every((p) => p(item))), warnings };
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const re = /(?:[^\s'"]+|'[^']*'|"[^"]*")+/g;
  for (const match of query.matchAll(re)) tokens.push(match[0]);
  return tokens;
}

function parseTerm(token: string): Term | null {
  const match = /^(-?)([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(token);
  if (!match) return null;
  const value = match[4].replace(/^'(.*)'$|^"(.*)"$/, (_, a, b) => a ?? b);
  return { negate: match[1] === "-", field: match[2].toLowerCase(), op: (match[3] as Term["op"]) ?? "=", value };
}

function compileTerm<T>(term: Term, accessor: FieldAccessors<T>[string]): ((item: T) => boolean) | null {
  const target = coerce(term.value, accessor.kind);
  if (target === null) return null;
  const test = (item: T) => {
    const actual = accessor.get(item);
    if (actual === null) return false;
    if (accessor.kind === "string") return String(actual).toLowerCase() === String(target).toLowerCase();
    switch (term.op) {
      case ">":
        return actual > target;
      case ">=":
        return actual >= target;
      case "<":
        return actual < target;
      case "<=":
        return actual <= target;
      default:
        return actual === target;
    }
  };
  return term.negate ? (item) => !test(item) : test;
}

function coerce(value: string, kind: FieldKind): number | string | boolean | null {
  if (kind === "date") {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isFinite(ms) ? ms : null;
  }
  if (kind === "number") {
    const id = /(\d+)$/.exec(value)?.[1];
    return id ? Number(id) : null;
  }
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : null;
  return value;
}
