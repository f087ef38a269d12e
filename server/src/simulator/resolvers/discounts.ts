// discountCodeBasicCreate with Shopify's userErrors, and reads of the created discount.
import { gid, parseGid } from "../ids.js";
import type { DiscountRecord } from "../records.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

interface CustomersInput {
  add?: string[] | null;
  remove?: string[] | null;
}
interface DiscountCodeBasicInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  context?: { all?: string | null; customers?: CustomersInput | null } | null;
  customerSelection?: { all?: boolean | null; customers?: CustomersInput | null } | null;
  customerGets?: {
    value?: { percentage?: number | null; discountAmount?: { amount?: string | null } | null } | null;
  } | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
}

interface DiscountUserError {
  field: string[];
  message: string;
  code: string;
}

export const discountResolvers: ResolverMap = {
  Mutation: {
    discountCodeBasicCreate: (_p, args: { basicCodeDiscount: DiscountCodeBasicInput }, ctx) =>
      create(ctx, args.basicCodeDiscount),
  },
  QueryRoot: {
    codeDiscountNode: (_p, args: { id: string }, ctx) =>
      ctx.store.discounts.get(parseGid(args.id, "DiscountCodeNode") ?? -1) ?? null,
    codeDiscountNodeByCode: (_p, args: { code: string }, ctx) => ctx.store.findDiscountByCode(args.code) ?? null,
  },
  DiscountCodeNode: {
    id: (d: DiscountRecord) => gid("DiscountCodeNode", d.id),
    codeDiscount: (d: DiscountRecord) => ({ ...d, __typename: "DiscountCodeBasic" }),
  },
  DiscountCodeBasic: {
    status: (d: DiscountRecord, _a, ctx) => discountStatus(d, ctx.clock.now()),
    asyncUsageCount: (d: DiscountRecord) => d.usageCount,
    codesCount: () => 1,
    summary: (d: DiscountRecord) => summary(d),
    context: (d: DiscountRecord, _a, ctx: GraphqlContext) =>
      d.customerIds === "all"
        ? { __typename: "DiscountBuyerSelectionAll", all: "ALL" }
        : {
            __typename: "DiscountCustomers",
            customers: d.customerIds.map((id) => ctx.store.customers.get(id)).filter(Boolean),
          },
    codes: (d: DiscountRecord) => ({
      nodes: [{ id: gid("DiscountRedeemCode", d.codeId), code: d.code, asyncUsageCount: d.usageCount }],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    }),
  },
};

export function discountStatus(d: DiscountRecord, now: number): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (d.startsAt > now) return "SCHEDULED";
  if ((d.endsAt !== null && d.endsAt <= now) || (d.usageLimit !== null && d.usageCount >= d.usageLimit))
    return "EXPIRED";
  return "ACTIVE";
}

function summary(d: DiscountRecord): string {
  const value =
    d.percentage !== null ? `${Math.round(d.percentage * 100)}% off entire order` : `${d.amount} off entire order`;
  const who =
    d.customerIds === "all"
      ? "For all customers"
      : `For ${d.customerIds.length} customer${d.customerIds.length === 1 ? "" : "s"}`;
  return [value, who, d.appliesOncePerCustomer ? "One use per customer" : null].filter(Boolean).join(" • ");
}

function create(ctx: GraphqlContext, input: DiscountCodeBasicInput) {
  const errors: DiscountUserError[] = [];
  const fail = (path: string[], code: string, message: string) =>
    errors.push({ field: ["basicCodeDiscount", ...path], code, message });
  const title = input.title?.trim();
  const code = input.code?.trim();
  if (!title) fail(["title"], "BLANK", "Title can't be blank");
  if (!code) fail(["code"], "BLANK", "Code can't be blank");
  else if (code.length > 255) fail(["code"], "TOO_LONG", "Code is too long (maximum is 255 characters)");
  else if (ctx.store.findDiscountByCode(code))
    fail(["code"], "TAKEN", "Code must be unique. Please try a different code.");
  const startsAt = input.startsAt ? Date.parse(input.startsAt) : NaN;
  const endsAt = input.endsAt ? Date.parse(input.endsAt) : null;
  if (!Number.isFinite(startsAt)) fail(["startsAt"], "BLANK", "Starts at can't be blank");
  else if (endsAt !== null && endsAt <= startsAt) fail(["endsAt"], "INVALID", "Ends at needs to be after starts_at");
  const customerIds = resolveCustomers(ctx, input, fail);
  const percentage = input.customerGets?.value?.percentage ?? null;
  const amountText = input.customerGets?.value?.discountAmount?.amount ?? null;
  if (percentage === null && amountText === null) fail(["customerGets", "value"], "BLANK", "Value can't be blank");
  else if (percentage !== null && !(percentage > 0 && percentage <= 1))
    fail(["customerGets", "value", "percentage"], "VALUE_OUTSIDE_RANGE", "Value must be between 0.0 and 1.0");
  else if (amountText !== null && !(Number(amountText) > 0))
    fail(["customerGets", "value", "discountAmount", "amount"], "GREATER_THAN", "Value must be greater than 0");
  if (input.usageLimit != null && input.usageLimit < 1)
    fail(["usageLimit"], "GREATER_THAN", "Usage limit must be greater than 0");
  if (errors.length || customerIds === null) return { codeDiscountNode: null, userErrors: errors };
  const record: DiscountRecord = {
    id: ctx.store.nextId("discount"),
    codeId: ctx.store.nextId("discount"),
    title: title!,
    code: code!,
    startsAt,
    endsAt,
    customerIds,
    percentage,
    amount: amountText === null ? null : Number(amountText),
    usageLimit: input.usageLimit ?? null,
    appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
    usageCount: 0,
    createdAt: ctx.clock.now(),
  };
  ctx.store.discounts.set(record.id, record);
  ctx.store.version++;
  return { codeDiscountNode: record, userErrors: [] };
}

function resolveCustomers(
  ctx: GraphqlContext,
  input: DiscountCodeBasicInput,
  fail: (p: string[], c: string, m: string) => void,
): number[] | "all" | null {
  const selection = input.context ?? input.customerSelection;
  const field = input.context ? "context" : "customerSelection";
  if (!selection) {
    fail(["context"], "BLANK", "Context can't be blank");
    return null;
  }
  if (selection.all === "ALL" || selection.all === true) return "all";
  const add = selection.customers?.add ?? [];
  if (add.length === 0) {
    fail([field], "BLANK", "Customer selection can't be blank");
    return null;
  }
  const ids = add.map((id) => parseGid(id, "Customer"));
  const unknown = add.filter((_, i) => ids[i] === null || !ctx.store.customers.has(ids[i]!));
  if (unknown.length) {
    fail([field, "customers", "add"], "INVALID", `Customer does not exist: ${unknown.join(", ")}`);
    return null;
  }
  return ids as number[];
}
