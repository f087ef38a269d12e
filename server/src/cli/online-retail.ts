import { ValidationError } from "../domain/shared/errors";
import type { CustomerHistory, Purchase } from "../domain/timing/history";
import { columnIndex, csvRows, numberAt } from "./csv";
import { readText } from "./read-text";

/** One kept invoice line of the UCI Online Retail layout. */
interface RetailLine { invoice: string; customerId: string; at: Date; stockCode: string; title: string; quantity: number; price: number }

const REQUIRED = ["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "Customer ID"];

/**
 * Reads one Online Retail CSV(.gz). Guests (no Customer ID) and cancellations ("C" invoices) are skipped, as are
 * returns (Quantity ≤ 0) and free lines (Price 0); a non-numeric number, a negative price or a future date is an error.
 * InvoiceDate is UK local time with no zone; we read it as UTC (at most an hour off, irrelevant at day resolution).
 */
export function readOnlineRetail(path: string, now: Date): RetailLine[] {
  const rows = csvRows(readText(path));
  const header = rows.next().value as string[] | undefined;
  const cols = columnIndex(header, REQUIRED, path);
  const descIdx = header!.indexOf("Description");
  const at = (r: string[], c: string) => r[cols.get(c)!] ?? "";
  const out: RetailLine[] = [];
  let line = 1;
  for (const r of rows) {
    line++;
    if (r.length === 1 && r[0].trim() === "") continue;
    const customerId = at(r, "Customer ID").trim();
    const invoice = at(r, "Invoice");
    if (!customerId || invoice.startsWith("C")) continue;
    const quantity = numberAt(at(r, "Quantity"), "Quantity", line);
    const price = numberAt(at(r, "Price"), "Price", line);
    if (price < 0) throw new ValidationError(`Line ${line}: negative price ${price} on invoice ${invoice}`);
    const when = parseDate(at(r, "InvoiceDate"), line);
    if (when.getTime() > now.getTime()) throw new ValidationError(`Line ${line}: invoice date ${at(r, "InvoiceDate")} is in the future`);
    if (quantity <= 0 || price === 0) continue;
    out.push({ invoice, customerId, at: when, stockCode: at(r, "StockCode"), title: (descIdx >= 0 ? r[descIdx]?.trim() : "") || at(r, "StockCode"), quantity, price });
  }
  return out;
}

function parseDate(raw: string, line: number): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(raw.trim());
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0))) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`Line ${line}: InvoiceDate "${raw}" is not YYYY-MM-DD HH:MM:SS`);
  return d;
}

/** Joins yearly files into one log: each earlier file contributes only the lines before the next file starts. */
export function combineLogs(files: RetailLine[][]): RetailLine[] {
  const withStart = files.filter((f) => f.length).map((f) => ({ f, start: f.reduce((m, l) => Math.min(m, l.at.getTime()), Infinity) }));
  withStart.sort((a, b) => a.start - b.start);
  return withStart.flatMap(({ f }, i) => (i + 1 < withStart.length ? f.filter((l) => l.at.getTime() < withStart[i + 1].start) : f));
}

/** Groups lines into invoices and invoices into customer histories. */
export function toHistories(lines: RetailLine[]): CustomerHistory[] {
  const invoices = new Map<string, { customerId: string; p: Purchase }>();
  for (const l of lines) {
    let inv = invoices.get(l.invoice);
    if (!inv) invoices.set(l.invoice, (inv = { customerId: l.customerId, p: { at: l.at, amount: 0, lines: [] } }));
    inv.p.amount += l.quantity * l.price;
    inv.p.lines.push({ productId: l.stockCode, variantId: null, title: l.title, quantity: l.quantity });
  }
  const byCustomer = new Map<string, Purchase[]>();
  for (const { customerId, p } of invoices.values()) {
    const list = byCustomer.get(customerId) ?? [];
    list.push(p);
    byCustomer.set(customerId, list);
  }
  return [...byCustomer].map(([customerId, purchases]) => ({ customerId, purchases }));
}
