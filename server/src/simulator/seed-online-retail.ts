// Seeds a shop from the UCI "Online Retail II" CSV (one row per invoice line). Mapping: see README.md "Seed".
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { splitCsvLine } from "./csv.js";
import { hashString } from "./rng.js";
import type { ShopStore } from "./store.js";
import type { CustomerRecord, LineRecord, OrderRecord } from "./records.js";
import { orderTotal, round2 } from "./records.js";
import { customerProfile } from "./seed-customer-profile.js";

export const DEFAULT_RETAIL_CSV = fileURLToPath(
  new URL("../../seed/online_retail_II_2009-2010.csv.gz", import.meta.url),
);

export interface SeedOptions {
  /** Defaults to the shared Online Retail II 2009-2010 file. */
  file?: string;
  /** Keep only the first N customers seen (file order is chronological). */
  maxCustomers?: number;
  /** Only invoices dated in [since, until) (CSV time, read as UTC). */
  since?: Date;
  until?: Date;
  /** Shift every timestamp so the latest order is placed at this instant (e.g. yesterday). */
  timeShiftTo?: Date;
  /** Keep orders without a Customer ID as guest orders (default true). */
  includeGuests?: boolean;
  /** Mark ~1 % test, ~1 % fully refunded, ~2 % partially refunded, ~1 % zero-total (default true). */
  quirks?: boolean;
}

export interface SeedStats {
  rows: number;
  skippedRows: number;
  customers: number;
  products: number;
  orders: number;
  guestOrders: number;
  cancelledOrders: number;
  testOrders: number;
  refundedOrders: number;
  partiallyRefundedOrders: number;
  zeroTotalOrders: number;
  ms: number;
}

interface InvoiceRows {
  invoice: string;
  date: number;
  customerId: number | null;
  country: string;
  lines: Array<{ stockCode: string; title: string; quantity: number; price: number }>;
}

const DAY = 86_400_000;
export const ORDER_ID_BASE = 5_000_000_000_000;
export const CANCELLATION_ID_BASE = 5_500_000_000_000;

export async function seedOnlineRetail(store: ShopStore, options: SeedOptions = {}): Promise<SeedStats> {
  const started = Date.now();
  const { invoices, rows, skippedRows } = await readInvoices(options);
  const stats: SeedStats = {
    rows,
    skippedRows,
    customers: 0,
    products: 0,
    orders: 0,
    guestOrders: 0,
    cancelledOrders: 0,
    testOrders: 0,
    refundedOrders: 0,
    partiallyRefundedOrders: 0,
    zeroTotalOrders: 0,
    ms: 0,
  };
  let latest = -Infinity;
  for (const inv of invoices.values()) latest = Math.max(latest, inv.date);
  const shift =
    options.timeShiftTo && invoices.size ? Math.round((options.timeShiftTo.getTime() - latest) / 1000) * 1000 : 0;
  const productIds = new Map<string, number>();
  const customers = new Map<number, CustomerRecord>();
  for (const inv of invoices.values()) {
    const order = toOrder(inv, productIds, store, latest, options.quirks ?? true);
    shiftOrder(order, shift);
    store.putOrder(order);
    if (inv.customerId !== null) trackCustomer(customers, inv, order);
    countOrder(stats, order);
  }
  for (const customer of customers.values()) store.addCustomer(customer);
  stats.customers = customers.size;
  stats.products = productIds.size;
  stats.ms = Date.now() - started;
  return stats;
}

async function readInvoices(
  options: SeedOptions,
): Promise<{ invoices: Map<string, InvoiceRows>; rows: number; skippedRows: number }> {
  const since = options.since?.getTime() ?? -Infinity;
  const until = options.until?.getTime() ?? Infinity;
  const includeGuests = options.includeGuests ?? true;
  const admitted = new Set<number>();
  const invoices = new Map<string, InvoiceRows>();
  let rows = 0;
  let skippedRows = 0;
  const input = createReadStream(options.file ?? DEFAULT_RETAIL_CSV).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header = true;
  // An invoice's rows are consecutive and share its timestamp: parse each distinct text once.
  let lastDateText = "";
  let lastDate = Number.NaN;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (!line) continue;
    const [invoice, stockCode, description, quantityText, dateText, priceText, customerText, country] =
      splitCsvLine(line);
    if (dateText !== lastDateText) {
      lastDateText = dateText;
      lastDate = Date.parse(`${dateText.replace(" ", "T")}Z`);
    }
    const date = lastDate;
    if (date >= until) break; // the file is in date order
    if (date < since) continue;
    rows++;
    const customerId = customerText ? Math.trunc(Number(customerText)) : null;
    const quantity = Number(quantityText);
    const price = Number(priceText);
    const cancellation = invoice.startsWith("C");
    const unusable =
      invoice.startsWith("A") ||
      !Number.isFinite(price) ||
      price < 0 ||
      (!cancellation && !(quantity > 0)) ||
      (cancellation && quantity === 0);
    if (
      unusable ||
      (customerId === null && !includeGuests) ||
      !admitCustomer(customerId, admitted, options.maxCustomers)
    ) {
      skippedRows++;
      continue;
    }
    const inv = invoices.get(invoice) ?? { invoice, date, customerId, country, lines: [] };
    invoices.set(invoice, inv);
    inv.lines.push({ stockCode, title: description.trim() || stockCode, quantity: Math.abs(quantity), price });
  }
  return { invoices, rows, skippedRows };
}

function admitCustomer(customerId: number | null, admitted: Set<number>, max: number | undefined): boolean {
  if (customerId === null || admitted.has(customerId)) return true;
  if (max !== undefined && admitted.size >= max) return false;
  admitted.add(customerId);
  return true;
}

function toOrder(
  inv: InvoiceRows,
  productIds: Map<string, number>,
  store: ShopStore,
  latest: number,
  quirks: boolean,
): OrderRecord {
  const cancellation = inv.invoice.startsWith("C");
  const number = Number(inv.invoice.replace(/^C/, ""));
  const id = (cancellation ? CANCELLATION_ID_BASE : ORDER_ID_BASE) + number;
  const lines: LineRecord[] = inv.lines.map((row, index) => {
    const productId = productFor(row.stockCode, row.title, productIds, store);
    return {
      id: id * 1000 + index,
      productId,
      variantId: store.products.get(productId)!.variantId,
      title: row.title,
      quantity: row.quantity,
      price: row.price,
    };
  });
  const order: OrderRecord = {
    id,
    name: `#${inv.invoice}`,
    customerId: inv.customerId,
    createdAt: inv.date,
    processedAt: inv.date,
    updatedAt: inv.date,
    cancelledAt: null,
    cancelReason: null,
    test: false,
    currency: store.currency,
    sourceName: "web",
    lines,
    discountCodes: [],
    discountAmount: 0,
    refunds: [],
  };
  if (cancellation) {
    order.cancelledAt = inv.date;
    order.cancelReason = "customer";
    order.refunds.push({ id: id * 10, createdAt: inv.date, amount: orderTotal(order) });
  } else if (quirks) applyQuirk(order, hashString(inv.invoice) % 100, latest);
  return order;
}

/** Deterministic per-invoice quirks so the app's exclusion rules meet real cases. */
function applyQuirk(order: OrderRecord, bucket: number, latest: number): void {
  const later = (days: number) => Math.min(order.processedAt + days * DAY, Math.max(latest, order.processedAt));
  if (bucket === 0) order.test = true;
  else if (bucket === 1) order.refunds.push({ id: order.id * 10, createdAt: later(3), amount: orderTotal(order) });
  else if (bucket === 2 || bucket === 3) {
    const first = order.lines[0];
    const amount = round2(Math.min(first.quantity * first.price, orderTotal(order) / 2));
    if (amount > 0) order.refunds.push({ id: order.id * 10, createdAt: later(5), amount });
  } else if (bucket === 4) {
    order.discountCodes = ["STAFF100"];
    order.discountAmount = round2(order.lines.reduce((s, l) => s + l.quantity * l.price, 0));
  }
  for (const refund of order.refunds) order.updatedAt = Math.max(order.updatedAt, refund.createdAt);
}

function productFor(stockCode: string, title: string, productIds: Map<string, number>, store: ShopStore): number {
  const known = productIds.get(stockCode);
  if (known !== undefined) return known;
  // Two hashes make a ~42-bit id that is stable whatever subset is loaded.
  let id = 8_000_000_000_000 + hashString(stockCode) * 1024 + (hashString(stockCode, 0x9747b28c) % 1024);
  while (store.products.has(id)) id++;
  productIds.set(stockCode, id);
  const handle =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || stockCode.toLowerCase();
  store.addProduct({ id, variantId: id + 30_000_000_000_000, title, handle, sku: stockCode });
  return id;
}

function shiftOrder(order: OrderRecord, shift: number): void {
  if (!shift) return;
  order.createdAt += shift;
  order.processedAt += shift;
  order.updatedAt += shift;
  if (order.cancelledAt !== null) order.cancelledAt += shift;
  for (const refund of order.refunds) refund.createdAt += shift;
}

function trackCustomer(customers: Map<number, CustomerRecord>, inv: InvoiceRows, order: OrderRecord): void {
  const id = inv.customerId!;
  const existing = customers.get(id);
  if (existing) {
    existing.createdAt = Math.min(existing.createdAt, order.createdAt);
    existing.updatedAt = Math.max(existing.updatedAt, order.updatedAt);
    return;
  }
  customers.set(id, {
    id,
    ...customerProfile(id, inv.country),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  });
}

function countOrder(stats: SeedStats, order: OrderRecord): void {
  stats.orders++;
  const refunded = order.refunds.reduce((s, r) => s + r.amount, 0);
  const total = orderTotal(order);
  if (order.customerId === null) stats.guestOrders++;
  if (order.cancelledAt !== null) stats.cancelledOrders++;
  else if (order.test) stats.testOrders++;
  else if (!(total > 0)) stats.zeroTotalOrders++;
  else if (refunded >= total) stats.refundedOrders++;
  else if (refunded > 0) stats.partiallyRefundedOrders++;
}
