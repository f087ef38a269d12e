// The metafield clauses of a customer segment query, as the segment editor writes them: "metafields.<namespace>.<key>
// <operator> <value>", joined by AND (https://help.shopify.com/en/manual/customers/customer-segmentation/reference-guide/metafield-segments).
// Operators: = != on text; = < <= > >= BETWEEN on dates; IS NULL / IS NOT NULL on any. The filter's exact name for an
// app-reserved namespace is not documented: the namespace is taken as written ("$app:dangol") or resolved.
export interface MetafieldClause {
  namespace: string;
  key: string;
  operator: "=" | "!=" | "<" | "<=" | ">" | ">=" | "BETWEEN" | "IS NULL" | "IS NOT NULL";
  values: string[];
}

export class SegmentQueryError extends Error {}

const CLAUSE = /^metafields\.(\S+)\.([A-Za-z0-9_-]+)\s*(IS NOT NULL|IS NULL|BETWEEN|!=|<=|>=|=|<|>)\s*(.*)$/i;
const LITERAL = /^'((?:[^'\\]|\\.)*)'$|^(\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?)$/;

function literal(text: string, query: string): string {
  const m = LITERAL.exec(text.trim());
  if (!m) throw new SegmentQueryError(`Invalid value ${text.trim() || "(none)"} in segment query: ${query}`);
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2];
}

export function parseSegmentQuery(query: string): MetafieldClause[] {
  // AND between clauses; the AND inside "BETWEEN a AND b" is followed by a value, not by another clause.
  const parts = query.trim().split(/\s+AND\s+(?=metafields\.)/i);
  return parts.map((part) => {
    const m = CLAUSE.exec(part.trim());
    if (!m) throw new SegmentQueryError(`Unsupported segment query clause: ${part.trim()}`);
    const operator = m[3].toUpperCase() as MetafieldClause["operator"];
    const rest = m[4].trim();
    if (operator === "IS NULL" || operator === "IS NOT NULL") {
      if (rest) throw new SegmentQueryError(`Unexpected ${rest} after ${operator}`);
      return { namespace: m[1], key: m[2], operator, values: [] };
    }
    if (operator === "BETWEEN") {
      const between = /^(.+?)\s+AND\s+(.+)$/i.exec(rest);
      if (!between) throw new SegmentQueryError(`BETWEEN needs two values: ${part.trim()}`);
      return { namespace: m[1], key: m[2], operator, values: [literal(between[1], query), literal(between[2], query)] };
    }
    return { namespace: m[1], key: m[2], operator, values: [literal(rest, query)] };
  });
}

/** Whether a stored value (null: no metafield) satisfies the clause. Dates compare as ISO text. */
export function matchesClause(value: string | null, clause: MetafieldClause): boolean {
  if (clause.operator === "IS NULL") return value === null;
  if (clause.operator === "IS NOT NULL") return value !== null;
  if (value === null) return false;
  const [a, b] = clause.values;
  switch (clause.operator) {
    case "=":
      return value === a;
    case "!=":
      return value !== a;
    case "<":
      return value < a;
    case "<=":
      return value <= a;
    case ">":
      return value > a;
    case ">=":
      return value >= a;
    case "BETWEEN":
      return value >= a && value <= b;
  }
}
