import type { OrderLine } from "../../domain/orders/order.js";
import { ValidationError } from "../../domain/shared/errors.js";
import { csvRecords, isBlank } from "../csv.js";
import { readTextChunks, type InputOptions } from "../input-file.js";
import { planColumns, type ColumnPlan } from "./column-map.js";
import {
  detectFormat,
  FORMAT_NAMES,
  FORMATS,
  type Field,
  type FormatName,
  type OrderFormat,
  type RowValues,
} from "./formats.js";
import { BadRows, type BadRowLimit } from "./bad-rows.js";
import { detached, interner, parseAmount, parseTimestamp, parseUtcOffset } from "./values.js";

/** One order as read from a file, before it becomes a domain Order. */
export interface FileOrder {
  /** The value that groups the file's rows (Name, 주문번호, Invoice). */
  key: string;
  /** The id to store: the platform's own order id when the file has one (Shopify's Id), else the key. */
  id: string;
  customerId: string;
  at: Date;
  state: "cancelled" | "refunded" | null;
  /** The order total column when the file has one; otherwise the lines are summed. */
  total: number | null;
  refunded: number;
  currency: string;
  lines: OrderLine[];
  cancelledLines: number;
}

export interface OrderFileReport {
  file: string;
  format: FormatName;
  rows: number;
  orders: number;
  customers: number;
  /** Rows and orders left out on purpose, by reason (guests, cancellations, returns…). */
  skipped: Record<string, number>;
  badRows: number;
  allowedBadRows: number;
  badRowSamples: Array<{ line: number; reason: string }>;
}

export interface ReadOrdersOptions extends InputOptions {
  format?: FormatName;
  map?: Partial<Record<Field, string>>;
  /** Zone of times written without one, e.g. "+09:00" (default: the format's own, else UTC). */
  utcOffset?: string;
  maxBad: BadRowLimit;
  now: Date;
}

/**
 * Streams an order export (CSV or CSV.gz) into orders. Rows that cannot be read are reported with their line and
 * skipped, up to the --max-bad limit; past it the whole file is refused (nothing is returned, nothing written).
 */
export async function readOrderFile(
  path: string,
  options: ReadOrdersOptions,
): Promise<{ orders: FileOrder[]; report: OrderFileReport }> {
  const records = csvRecords(readTextChunks(path, options), path);
  try {
    const first = await records.next();
    if (first.done) throw new ValidationError(`${path} is empty`);
    const header = first.value.fields.map((h) => h.trim());
    const format = pickFormat(header, options.format, path);
    const plan = planColumns(header, format, options.map ?? {}, path);
    const reader = new OrderRows(format, plan, options.now, localOffset(options.utcOffset ?? format.localUtcOffset));
    for await (const r of records) if (!isBlank(r.fields)) reader.add(plan.values(r.fields), r.line);
    return reader.finish(path, options.maxBad);
  } finally {
    await records.return(undefined); // closes the file when a header problem stops us early
  }
}

function localOffset(raw: string | undefined): number {
  const ms = raw === undefined ? 0 : parseUtcOffset(raw);
  if (ms === null) throw new ValidationError(`--utc-offset must look like +09:00 or -05:00, got "${raw}"`);
  return ms;
}

function pickFormat(header: string[], requested: FormatName | undefined, path: string): OrderFormat {
  if (requested) return FORMATS[requested];
  const found = detectFormat(header);
  if (!found)
    throw new ValidationError(
      `${path}: cannot tell the layout from its header (${header.slice(0, 12).join(", ")}${header.length > 12 ? ", …" : ""}); ` +
        `pass --format ${FORMAT_NAMES.join("|")} (custom needs --map order=…,customer=…,date=…,price=…)`,
    );
  return FORMATS[found];
}

/** Row-by-row grouping into orders, with the per-format skip and cancellation rules. */
class OrderRows {
  private readonly orders = new Map<string, FileOrder>();
  private readonly firstLine = new Map<string, number>();
  private readonly leftOut = new Map<string, string>(); // order key → why its rows are skipped
  private readonly skipped: Record<string, number> = {};
  private readonly bad = new BadRows();
  private readonly intern = interner();
  private rows = 0;

  constructor(
    private readonly format: OrderFormat,
    private readonly plan: ColumnPlan,
    private readonly now: Date,
    private readonly localOffsetMs: number,
  ) {}

  add(v: RowValues, line: number): void {
    this.rows++;
    const problem = this.read(v, line);
    if (problem) this.bad.add(line, problem);
  }

  /** Returns why the row is bad, or null when it was used or skipped on purpose. */
  private read(v: RowValues, line: number): string | null {
    if (!v.order) return `no order number (${this.headerOf("order")})`;
    const why = this.format.skipRow?.(v) ?? this.leftOut.get(v.order);
    if (why) return this.skip(why);
    let order = this.orders.get(v.order);
    if (!order) {
      if (!v.customer) {
        this.leftOut.set(v.order, "guest order (no customer)");
        return this.skip("guest order (no customer)");
      }
      const opened = this.open(v, line);
      if (typeof opened === "string") {
        this.leftOut.set(v.order, "rest of an order whose first row was bad");
        return opened;
      }
      order = opened;
    } else if (v.customer && this.customerOf(v) !== order.customerId) {
      return `customer "${v.customer}" differs from the order's first row (line ${this.firstLine.get(v.order)})`;
    }
    return this.addLine(order, v);
  }

  private open(v: RowValues, line: number): FileOrder | string {
    const at = parseTimestamp(v.date, this.localOffsetMs);
    if (!at) return `${this.headerOf("date")} "${v.date}" is not a date`;
    if (at.getTime() > this.now.getTime()) return `${this.headerOf("date")} ${v.date} is in the future`;
    let total: number | null = null;
    if (v.total) {
      total = parseAmount(v.total);
      if (total === null || total < 0) return `${this.headerOf("total")} "${v.total}" is not an amount`;
    }
    const refunded = v.refunded ? parseAmount(v.refunded) : 0;
    if (refunded === null || refunded < 0) return `${this.headerOf("refunded")} "${v.refunded}" is not an amount`;
    const order: FileOrder = {
      key: detached(v.order),
      id: detached(v.orderId || v.order),
      customerId: this.customerOf(v),
      at,
      state: this.format.orderState?.(v) ?? null,
      total,
      refunded,
      currency: this.intern(v.currency || this.format.defaultCurrency),
      lines: [],
      cancelledLines: 0,
    };
    this.orders.set(order.key, order);
    this.firstLine.set(order.key, line);
    return order;
  }

  private addLine(order: FileOrder, v: RowValues): string | null {
    const quantity = this.plan.columns.quantity === undefined ? 1 : parseAmount(v.quantity);
    if (quantity === null) return `${this.headerOf("quantity")} "${v.quantity}" is not a number`;
    const price = this.plan.columns.price === undefined ? 0 : parseAmount(v.price);
    if (price === null) return `${this.headerOf("price")} "${v.price}" is not a number`;
    if (price < 0) return `negative ${this.headerOf("price")} ${price} on order ${v.order}`;
    if (this.format.lineCancelled?.(v)) {
      order.cancelledLines++;
      return this.skip("cancelled or returned line");
    }
    if (quantity <= 0) return this.skip("return line (quantity ≤ 0)");
    if (price === 0 && this.format.skipFreeLines) return this.skip("free line (price 0)");
    const productId = v.product || v.title || "item";
    order.lines.push({
      productId: this.intern(productId),
      variantId: null,
      title: this.intern(v.title || productId),
      quantity,
      price,
    });
    return null;
  }

  private customerOf(v: RowValues): string {
    // Shopify keys customers by e-mail in its export; letter case is not identity.
    return this.intern(
      this.plan.columns.customer !== undefined && v.customer.includes("@") ? v.customer.toLowerCase() : v.customer,
    );
  }

  private headerOf(field: Field): string {
    return this.plan.header(field);
  }

  private skip(reason: string): null {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    return null;
  }

  finish(file: string, limit: BadRowLimit): { orders: FileOrder[]; report: OrderFileReport } {
    const allowed = this.bad.allowed(limit, this.rows);
    if (this.bad.count > allowed) throw this.bad.refusal(file, this.rows, allowed);
    const orders: FileOrder[] = [];
    for (const o of this.orders.values()) {
      if (o.lines.length === 0 && o.cancelledLines > 0 && !o.state) o.state = "cancelled";
      // A partly cancelled order: the file's order total may still count the cancelled lines; the kept lines do not.
      if (o.lines.length > 0 && o.cancelledLines > 0) o.total = null;
      if (o.lines.length === 0 && o.state !== "cancelled") {
        this.skip("order with no purchased line");
        continue;
      }
      if (o.state)
        this.skip(
          o.state === "cancelled" ? "cancelled order (stored, not modelled)" : "refunded order (stored, not modelled)",
        );
      orders.push(o);
    }
    const customers = new Set(orders.map((o) => o.customerId)).size;
    const report: OrderFileReport = {
      file,
      format: this.format.name,
      rows: this.rows,
      orders: orders.length,
      customers,
      skipped: this.skipped,
      badRows: this.bad.count,
      allowedBadRows: allowed,
      badRowSamples: this.bad.samples,
    };
    return { orders, report };
  }
}
