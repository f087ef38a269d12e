// The bulk export writes its JSONL text while resolving (bulk-executor.ts). Its lines must be the text of the
// result graphql-js itself executes, split as Shopify splits it: each node of a top-level connection on its own
// line without its connections, their nodes after it with __parentId last.
import { execute, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkOrdersQuery } from "../../server/src/platforms/shopify/graphql/orders.js";
import { writeBulk } from "../../server/src/simulator/bulk-executor.js";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { buildAdminSchema } from "../../server/src/simulator/resolvers/index.js";
import { DEMO, startSmall } from "./sim-helpers.js";

type Json = Record<string, unknown>;

const isConnection = (v: unknown) =>
  Boolean(
    v &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      (Array.isArray((v as Json).nodes) || Array.isArray((v as Json).edges)),
  );
const nodesOf = (v: Json) => (v.nodes as Json[] | undefined) ?? (v.edges as Array<{ node: Json }>).map((e) => e.node);

/** Shopify's JSONL split of an executed result. */
function referenceLines(data: Json): string[] {
  const lines: string[] = [];
  const emit = (node: Json, parentId: string | null) => {
    const own: Json = {};
    for (const key in node) if (!isConnection(node[key])) own[key] = node[key];
    lines.push(JSON.stringify(parentId === null ? own : { ...own, __parentId: parentId }));
    for (const key in node)
      if (isConnection(node[key])) for (const c of nodesOf(node[key] as Json)) emit(c, String(node.id));
  };
  for (const value of Object.values(data))
    if (isConnection(value)) for (const n of nodesOf(value as Json)) emit(n, null);
  return lines;
}

describe("bulk export lines", () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSmall();
  });
  afterAll(() => sim.close());

  const queries = {
    "the app's orders export": bulkOrdersQuery("created_at:<2009-12-04"),
    "nodes, aliases, fragments, __typename, a repeated key and a connection inside a plain object": `
      { orders(query: "created_at:<2009-12-03", reverse: true) { nodes {
          __typename id ...Dates name
          total: totalPriceSet { shopMoney { amount currencyCode } }
          customer { id orders { nodes { id } } }
          lineItems { edges { cursor node { __typename quantity title ... on LineItem { sku } } } }
          refunds { id totalRefundedSet { shopMoney { amount } } }
      } } }
      fragment Dates on Order { createdAt id cancelledAt }`,
    "customers with edges and cursors": "{ customers { edges { cursor node { id email firstName createdAt } } } }",
  };

  for (const [name, query] of Object.entries(queries)) {
    it(`writes graphql-js's result as Shopify's lines: ${name}`, async () => {
      const schema = buildAdminSchema();
      const document = parse(query);
      const store = sim.store(DEMO);
      const ctx = () => ({ store, bulk: true, bulkWindow: { start: 0, size: 1e9 }, searchWarnings: [] });
      const executed = await execute({ schema, document, contextValue: ctx() });
      expect(executed.errors).toBeUndefined();
      const expected = referenceLines(executed.data as Json);
      expect(expected.length).toBeGreaterThan(50);

      const lines: string[] = [];
      const roots = writeBulk(schema, document, ctx(), (line) => lines.push(line));
      expect(lines).toEqual(expected);
      expect(roots).toBe(expected.filter((l) => !l.includes('"__parentId"')).length);
    });
  }
});
