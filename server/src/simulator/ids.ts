// Shopify global ids (gid://shopify/Order/123) and opaque pagination cursors.
export type GidType =
  | "Order"
  | "Customer"
  | "Product"
  | "ProductVariant"
  | "LineItem"
  | "Refund"
  | "BulkOperation"
  | "DiscountCodeNode"
  | "DiscountRedeemCode"
  | "Metafield"
  | "Shop"
  | "WebPixel"
  | "MetafieldDefinition"
  | "CustomerSegmentMember";

export function gid(type: GidType, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** Accepts a GID of the expected type or a bare numeric id; returns null otherwise. */
export function parseGid(value: string | number, type: GidType): number | null {
  const text = String(value);
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(text);
  if (match) return match[1] === type ? Number(match[2]) : null;
  return /^\d+$/.test(text) ? Number(text) : null;
}

export function gidType(value: string): string | null {
  return /^gid:\/\/shopify\/([A-Za-z]+)\/\d+$/.exec(value)?.[1] ?? null;
}

export interface CursorPosition {
  /** Sort value (ms or string) of the last item, then its id as the tiebreaker. */
  v: number | string;
  id: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ last_id: position.id, last_value: position.v })).toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    const raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      last_id?: unknown;
      last_value?: unknown;
    };
    if (typeof raw.last_id !== "number" || (typeof raw.last_value !== "number" && typeof raw.last_value !== "string"))
      return null;
    return { id: raw.last_id, v: raw.last_value };
  } catch {
    return null;
  }
}

/** Shopify DateTime scalar: ISO-8601 UTC without milliseconds. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function money(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}
