// The only place Cafe24's wire shapes are known: Admin API orders (with embed=items) and customersprivacy members
// become domain Orders and PlatformCustomers, as shopify/mappers.ts does for Shopify. Ids: the order id
// ("20261202-0000013") and the member id as they are; a guest order has an empty member id and no customer.
import type { Order, OrderLine } from "../../domain/orders/order.js";
import type { PlatformCustomer } from "../commerce-platform.js";
import { parseCafe24Instant } from "./kst-days.js";

interface Amounts {
  payment_amount: string;
}

export interface Cafe24ItemJson {
  product_no: number | null;
  variant_code: string | null;
  product_name: string;
  quantity: number;
  product_price: string;
  option_price?: string | null;
  cancel_date?: string | null;
  refund_date?: string | null;
}

export interface Cafe24OrderJson {
  order_id: string;
  currency?: string;
  member_id: string | null;
  order_date: string;
  payment_date?: string | null;
  canceled: "T" | "F" | "M";
  cancel_date: string | null;
  payment_amount: string;
  initial_order_amount?: Amounts;
  actual_order_amount?: Amounts;
  items?: Cafe24ItemJson[];
}

export interface Cafe24CustomerJson {
  member_id: string;
  name?: string | null;
  email?: string | null;
  created_date: string;
}

export function orderFromCafe24(json: Cafe24OrderJson): Order {
  const items = json.items ?? [];
  const initial = Number(json.initial_order_amount?.payment_amount ?? json.payment_amount);
  const actual = Number(json.actual_order_amount?.payment_amount ?? initial);
  // Cafe24 has no "updated at": the latest date the order shows is when it last changed for us.
  const dates = [
    json.order_date,
    json.payment_date,
    json.cancel_date,
    ...items.flatMap((i) => [i.cancel_date, i.refund_date]),
  ]
    .filter((d): d is string => typeof d === "string" && d.length > 0)
    .map((d) => parseCafe24Instant(d).getTime());
  return {
    id: json.order_id,
    customerId: json.member_id ? json.member_id : null,
    processedAt: parseCafe24Instant(json.order_date),
    updatedAt: new Date(Math.max(...dates)),
    cancelledAt: json.canceled === "T" && json.cancel_date ? parseCafe24Instant(json.cancel_date) : null,
    test: false, // Cafe24 has no test orders
    totalPrice: initial,
    refundedTotal: Math.max(0, initial - actual),
    currency: json.currency ?? "KRW",
    discountCodes: [], // Cafe24 coupons are issued to members, not typed as codes
    lines: items.flatMap(lineFromCafe24),
  };
}

// An item without a product number (a deleted product) can't inform product cycles; the total still counts.
function lineFromCafe24(item: Cafe24ItemJson): OrderLine[] {
  if (!item.product_no) return [];
  return [
    {
      productId: String(item.product_no),
      variantId: item.variant_code || null,
      title: item.product_name,
      quantity: item.quantity,
      price: Number(item.product_price) + Number(item.option_price ?? 0),
    },
  ];
}

export function customerFromCafe24(json: Cafe24CustomerJson): PlatformCustomer {
  const created = parseCafe24Instant(json.created_date);
  return {
    id: json.member_id,
    email: json.email || null,
    firstName: json.name || null, // Cafe24 keeps one name field
    lastName: null,
    locale: null,
    createdAt: created,
    updatedAt: created, // customersprivacy has no change date
  };
}
