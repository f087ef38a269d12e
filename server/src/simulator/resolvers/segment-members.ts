// customerSegmentMembers(query:): the customers a segment query selects, over metafield clauses only. A clause may
// name only a customer metafield whose definition enables adminFilterable (the simulator's assumption about what
// the segment editor offers; see domain/segments/segment-metafields.ts): anything else is refused.
import { GraphQLError } from "graphql";
import { gid } from "../ids.js";
import { resolveNamespace } from "../metafield-values.js";
import { matchesClause, parseSegmentQuery, SegmentQueryError, type MetafieldClause } from "../segment-query.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

const MAX_FIRST = 250;

function invalid(message: string): never {
  throw new GraphQLError(`Invalid segment query: ${message}`, { extensions: { code: "INVALID_SEGMENT_QUERY" } });
}

function checkedClauses(ctx: GraphqlContext, query: string): Array<MetafieldClause & { resolved: string }> {
  let clauses: MetafieldClause[];
  try {
    clauses = parseSegmentQuery(query);
  } catch (err) {
    if (err instanceof SegmentQueryError) invalid(err.message);
    throw err;
  }
  return clauses.map((c) => {
    const resolved = resolveNamespace(c.namespace, ctx.appId);
    const definition = ctx.store.metafieldDefinitions.get(
      ctx.store.metafieldDefinitionKey("CUSTOMER", resolved, c.key),
    );
    if (!definition) invalid(`metafields.${c.namespace}.${c.key} is not a customer metafield definition`);
    if (!definition.adminFilterable) invalid(`metafields.${c.namespace}.${c.key} is not filterable`);
    return { ...c, resolved };
  });
}

function members(ctx: GraphqlContext, args: { query?: string | null; first?: number | null }) {
  const clauses = checkedClauses(ctx, args.query ?? "");
  const first = Math.min(args.first ?? 50, MAX_FIRST);
  const matched = [...ctx.store.customers.values()]
    .filter((customer) =>
      clauses.every((c) => {
        const mf = ctx.store.metafields.get(ctx.store.metafieldKey("CUSTOMER", customer.id, c.resolved, c.key));
        return matchesClause(mf?.value ?? null, c);
      }),
    )
    .sort((a, b) => a.id - b.id);
  const page = matched.slice(0, first);
  const nodes = page.map((c) => ({
    id: gid("CustomerSegmentMember", c.id),
    firstName: c.firstName,
    lastName: c.lastName,
  }));
  return {
    totalCount: matched.length,
    nodes,
    edges: nodes.map((node) => ({ cursor: node.id.split("/").pop()!, node })),
    pageInfo: {
      hasNextPage: matched.length > page.length,
      hasPreviousPage: false,
      startCursor: page.length ? String(page[0].id) : null,
      endCursor: page.length ? String(page[page.length - 1].id) : null,
    },
  };
}

export const segmentMemberResolvers: ResolverMap = {
  QueryRoot: {
    customerSegmentMembers: (_p, args: { query?: string | null; first?: number | null }, ctx) => members(ctx, args),
  },
};
