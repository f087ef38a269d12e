// In-memory data of one simulated shop, plus the change events that drive webhooks.
import type {
  CustomerRecord,
  DiscountRecord,
  LineRecord,
  MetafieldDefinitionRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
} from "./records.js";
import { orderTotal, round2 } from "./records.js";
import type { BulkOperationRecord } from "./bulk-operations.js";
import type { SeedStats } from "./seed-online-retail.js";

export type OrderTopic = "orders/create" | "orders/updated" | "orders/cancelled";
export type StoreListener = (topic: OrderTopic, order: OrderRecord, at: number) => void;

export interface NewOrderInput {
  customerId: number | null;
  lines: Array<Omit<LineRecord, "id">>;
  processedAt: number;
  test?: boolean;
  discountCodes?: string[];
  discountAmount?: number;
  sourceName?: string;
}

export class ShopStore {
  readonly customers = new Map<number, CustomerRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly orders = new Map<number, OrderRecord>();
  readonly discounts = new Map<number, DiscountRecord>();
  readonly metafields = new Map<string, MetafieldRecord>();
  readonly bulkOperations = new Map<number, BulkOperationRecord>();
  /** The app's web pixel on this shop (Shopify allows one per app and shop); settings as the JSON string given. */
  webPixel: { id: number; settings: string } | null = null;
  /** The shop's metafield definitions, by metafieldDefinitionKey (owner type, resolved namespace, key). */
  readonly metafieldDefinitions = new Map<string, MetafieldDefinitionRecord>();
  /** Set when the shop was seeded from the retail CSV. */
  seedStats: SeedStats | null = null;
  /** Bumped on every change so query snapshots can be cached. */
  version = 0;
  private listeners: StoreListener[] = [];
  private nextIds = {
    order: 0,
    line: 0,
    refund: 0,
    discount: 0,
    metafield: 0,
    bulk: 0,
    webPixel: 0,
    metafieldDefinition: 0,
  };

  constructor(
    readonly domain: string,
    readonly shopId: number,
    readonly currency = "GBP",
  ) {}

  onOrderEvent(listener: StoreListener): void {
    this.listeners.push(listener);
  }

  nextId(kind: keyof ShopStore["nextIds"]): number {
    if (this.nextIds[kind] === 0) this.nextIds[kind] = this.initialId(kind);
    return this.nextIds[kind]++;
  }

  private initialId(kind: keyof ShopStore["nextIds"]): number {
    const bases = {
      order: 6_000_000_000_000,
      line: 16_000_000_000_000,
      refund: 900_000_000_000,
      discount: 1_400_000_000_000,
      metafield: 26_000_000_000_000,
      bulk: 3_000_000_000,
      webPixel: 2_100_000,
      metafieldDefinition: 1_800_000,
    };
    // Shopify never reuses a bulk operation id; a simulator started again (the demo after a restart) must not
    // either, or an id stored by the killed process would name one of the new process's exports. Ten per
    // millisecond since the epoch: no simulator starts ten operations a millisecond.
    let max = kind === "bulk" ? bases.bulk + Date.now() * 10 : bases[kind];
    if (kind === "order") for (const id of this.orders.keys()) max = Math.max(max, id + 1);
    return max;
  }

  addCustomer(customer: CustomerRecord): void {
    this.customers.set(customer.id, customer);
    this.version++;
  }

  addProduct(product: ProductRecord): void {
    this.products.set(product.id, product);
    this.version++;
  }

  /** Inserts a ready-made order without events (seeding). */
  putOrder(order: OrderRecord): void {
    this.orders.set(order.id, order);
    this.version++;
  }

  /** Places a new order "now" and fires orders/create. */
  createOrder(input: NewOrderInput, atMs: number): OrderRecord {
    const at = Math.floor(atMs / 1000) * 1000; // Shopify timestamps have whole seconds
    const id = this.nextId("order");
    const order: OrderRecord = {
      id,
      name: `#${600_000 + (id % 1_000_000)}`,
      customerId: input.customerId,
      createdAt: at,
      processedAt: Math.floor(input.processedAt / 1000) * 1000,
      updatedAt: at,
      cancelledAt: null,
      cancelReason: null,
      test: input.test ?? false,
      currency: this.currency,
      sourceName: input.sourceName ?? "web",
      lines: input.lines.map((line) => ({ ...line, id: this.nextId("line") })),
      discountCodes: input.discountCodes ?? [],
      discountAmount: input.discountAmount ?? 0,
      refunds: [],
    };
    this.orders.set(id, order);
    const customer = order.customerId === null ? undefined : this.customers.get(order.customerId);
    if (customer) customer.updatedAt = Math.max(customer.updatedAt + 1000, at);
    this.version++;
    this.emit("orders/create", order, at);
    return order;
  }

  /** Refunds `amount` (capped at what is left) and fires orders/updated. */
  refundOrder(orderId: number, amount: number, at: number): OrderRecord {
    const order = this.requireOrder(orderId);
    const left = round2(orderTotal(order) - order.refunds.reduce((s, r) => s + r.amount, 0));
    order.refunds.push({
      id: this.nextId("refund"),
      createdAt: this.touch(order, at),
      amount: round2(Math.min(amount, left)),
    });
    this.version++;
    this.emit("orders/updated", order, at);
    return order;
  }

  /** Cancels with a full refund; Shopify then sends orders/cancelled and orders/updated. */
  cancelOrder(orderId: number, at: number, reason = "customer"): OrderRecord {
    const order = this.requireOrder(orderId);
    const when = this.touch(order, at);
    order.cancelledAt = when;
    order.cancelReason = reason;
    const left = round2(orderTotal(order) - order.refunds.reduce((s, r) => s + r.amount, 0));
    if (left > 0) order.refunds.push({ id: this.nextId("refund"), createdAt: when, amount: left });
    this.version++;
    this.emit("orders/cancelled", order, at);
    this.emit("orders/updated", order, at);
    return order;
  }

  /** Bumps updatedAt strictly past its previous value (second precision, as Shopify's DateTime). */
  private touch(order: OrderRecord, at: number): number {
    order.updatedAt = Math.max(Math.floor(at / 1000) * 1000, order.updatedAt + 1000);
    return order.updatedAt;
  }

  requireOrder(orderId: number): OrderRecord {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`No order ${orderId} in ${this.domain}`);
    return order;
  }

  findDiscountByCode(code: string): DiscountRecord | undefined {
    const wanted = code.toLowerCase();
    for (const discount of this.discounts.values()) if (discount.code.toLowerCase() === wanted) return discount;
    return undefined;
  }

  metafieldDefinitionKey(ownerType: string, namespace: string, key: string): string {
    return `${ownerType}|${namespace}|${key}`;
  }

  metafieldKey(ownerType: string, ownerId: number, namespace: string, key: string): string {
    return `${ownerType}:${ownerId}:${namespace}:${key}`;
  }

  private emit(topic: OrderTopic, order: OrderRecord, at: number): void {
    for (const listener of this.listeners) listener(topic, order, at);
  }
}
