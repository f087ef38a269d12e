// Order, LineItem, Product, Customer field resolvers and the list/lookup queries.
import { gid, parseGid } from "../ids.js";
import { paginate } from "../connection.js";
import {
  financialStatus,
  orderCurrentTotal,
  orderRefunded,
  orderSubtotal,
  orderTotal,
  type CustomerRecord,
  type LineRecord,
  type OrderRecord,
  type ProductRecord,
} from "../records.js";
import { moneyBag } from "./money.js";
import { countMatching, listCustomers, listOrders, type ListArgs } from "./order-query.js";
import { customerStats } from "./customer-stats.js";
import { findMetafield } from "./metafields.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

const variantView = (product: ProductRecord) => ({
  id: product.variantId,
  title: "Default Title",
  sku: product.sku,
  product,
});

export const orderResolvers: ResolverMap = {
  QueryRoot: {
    orders: (_p, args: ListArgs, ctx) => listOrders(ctx, args, "orders", undefined, true),
    customers: (_p, args: ListArgs, ctx) => listCustomers(ctx, args, "customers", true),
    ordersCount: (_p, args: { query?: string | null; limit?: number | null }, ctx) =>
      countMatching(ctx.store.orders.values(), "orders", args),
    customersCount: (_p, args: { query?: string | null; limit?: number | null }, ctx) =>
      countMatching(ctx.store.customers.values(), "customers", args),
    order: (_p, args: { id: string }, ctx) => ctx.store.orders.get(parseGid(args.id, "Order") ?? -1) ?? null,
    customer: (_p, args: { id: string }, ctx) => ctx.store.customers.get(parseGid(args.id, "Customer") ?? -1) ?? null,
  },
  Order: {
    id: (o: OrderRecord) => gid("Order", o.id),
    cancelReason: (o: OrderRecord) => o.cancelReason?.toUpperCase() ?? null,
    closed: (o: OrderRecord) => o.cancelledAt !== null,
    currencyCode: (o: OrderRecord) => o.currency,
    email: (o: OrderRecord, _a, ctx) =>
      o.customerId === null ? null : (ctx.store.customers.get(o.customerId)?.email ?? null),
    displayFinancialStatus: (o: OrderRecord) => financialStatus(o),
    discountCode: (o: OrderRecord) => o.discountCodes[0] ?? null,
    customer: (o: OrderRecord, _a, ctx) =>
      o.customerId === null ? null : (ctx.store.customers.get(o.customerId) ?? null),
    subtotalPriceSet: (o: OrderRecord) => moneyBag(orderSubtotal(o), o.currency),
    totalPriceSet: (o: OrderRecord) => moneyBag(orderTotal(o), o.currency),
    currentTotalPriceSet: (o: OrderRecord) => moneyBag(orderCurrentTotal(o), o.currency),
    totalRefundedSet: (o: OrderRecord) => moneyBag(orderRefunded(o), o.currency),
    totalDiscountsSet: (o: OrderRecord) => moneyBag(o.discountAmount, o.currency),
    lineItems: (o: OrderRecord, args, ctx: GraphqlContext) =>
      paginate(o.lines, (l) => ({ v: l.id, id: l.id }), args, ctx.bulk, false),
    refunds: (o: OrderRecord, args: { first?: number | null }) =>
      o.refunds.slice(0, args.first ?? undefined).map((r) => ({ ...r, currency: o.currency })),
  },
  Refund: {
    id: (r: { id: number }) => gid("Refund", r.id),
    totalRefundedSet: (r: { amount: number; currency: string }) => moneyBag(r.amount, r.currency),
  },
  LineItem: {
    id: (l: LineRecord) => gid("LineItem", l.id),
    name: (l: LineRecord) => l.title,
    currentQuantity: (l: LineRecord) => l.quantity,
    sku: (l: LineRecord, _a, ctx) => (l.productId === null ? null : (ctx.store.products.get(l.productId)?.sku ?? null)),
    product: (l: LineRecord, _a, ctx) => (l.productId === null ? null : (ctx.store.products.get(l.productId) ?? null)),
    variant: (l: LineRecord, _a, ctx) => {
      const product = l.productId === null ? undefined : ctx.store.products.get(l.productId);
      return product ? variantView(product) : null;
    },
    // Every order of a simulated shop is in the shop currency.
    originalUnitPriceSet: (l: LineRecord, _a, ctx) => moneyBag(l.price, ctx.store.currency),
    discountedUnitPriceSet: (l: LineRecord, _a, ctx) => moneyBag(l.price, ctx.store.currency),
    originalTotalSet: (l: LineRecord, _a, ctx) => moneyBag(l.price * l.quantity, ctx.store.currency),
  },
  Product: { id: (p: ProductRecord) => gid("Product", p.id) },
  ProductVariant: { id: (v: { id: number }) => gid("ProductVariant", v.id) },
  Customer: {
    id: (c: CustomerRecord) => gid("Customer", c.id),
    displayName: (c: CustomerRecord) => [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "",
    numberOfOrders: (c: CustomerRecord, _a, ctx) => String(customerStats(ctx.store).get(c.id)?.count ?? 0),
    amountSpent: (c: CustomerRecord, _a, ctx) =>
      moneyBag(customerStats(ctx.store).get(c.id)?.spent ?? 0, ctx.store.currency).shopMoney,
    metafield: (c: CustomerRecord, args: { namespace?: string | null; key: string }, ctx) =>
      findMetafield(ctx, "CUSTOMER", c.id, args.namespace ?? null, args.key),
    orders: (c: CustomerRecord, args: ListArgs, ctx) => listOrders(ctx, args, "orders", (o) => o.customerId === c.id),
  },
};
