// node(id:) / nodes(ids:) and shop: look up any record by its GID and tag it for the Node interface.
import { gid, gidType, parseGid } from "../ids.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

function lookup(ctx: GraphqlContext, id: string): object | null {
  const type = gidType(id);
  const numeric = type ? parseGid(id, type as "Order") : null;
  if (numeric === null) return null;
  const store = ctx.store;
  const found: Record<string, () => unknown> = {
    Order: () => store.orders.get(numeric),
    Customer: () => store.customers.get(numeric),
    Product: () => store.products.get(numeric),
    BulkOperation: () => store.bulkOperations.get(numeric),
    DiscountCodeNode: () => store.discounts.get(numeric),
    Metafield: () => [...store.metafields.values()].find((m) => m.id === numeric),
  };
  const record = found[type!]?.();
  return record ? { ...(record as object), __typename: type } : null;
}

export const nodeResolvers: ResolverMap = {
  QueryRoot: {
    node: (_p, args: { id: string }, ctx) => lookup(ctx, args.id),
    nodes: (_p, args: { ids: string[] }, ctx) => args.ids.map((id) => lookup(ctx, id)),
    shop: (_p, _a, ctx) => ({
      id: ctx.store.shopId,
      name: ctx.store.domain.split(".")[0],
      myshopifyDomain: ctx.store.domain,
      currencyCode: ctx.store.currency,
    }),
  },
  Shop: { id: (s: { id: number }) => gid("Shop", s.id) },
};
