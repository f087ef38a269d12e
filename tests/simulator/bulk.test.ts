import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { bulkLines, RUN_BULK as RUN, runBulkToEnd } from "./bulk-run.js";
import { DEMO, gql, startSmall } from "./sim-helpers.js";

describe("simulator bulk operations", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({ bulkDelayMs: 20 });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  const runToEnd = (query: string) => runBulkToEnd(sim, token, query);

  it("exports orders with line items as JSONL lines linked by __parentId", async () => {
    const op = await runToEnd(`{ orders(query: "created_at:<2009-12-03") { edges { node { id updatedAt customer { id }
      lineItems { edges { node { quantity variant { id } } } } } } } }`);
    expect(op.status).toBe("COMPLETED");
    const lines = await bulkLines(op.url);
    const store = sim.store(DEMO);
    const expectedOrders = [...store.orders.values()].filter((o) => o.createdAt < Date.parse("2009-12-03T00:00:00Z"));
    const expectedLines = expectedOrders.reduce((n, o) => n + o.lines.length, 0);
    const orders = lines.filter((l) => !("__parentId" in l));
    const children = lines.filter((l) => "__parentId" in l);
    expect(orders.length).toBe(expectedOrders.length);
    expect(children.length).toBe(expectedLines);
    expect(Number(op.objectCount)).toBe(lines.length);
    expect(Number(op.rootObjectCount)).toBe(orders.length);
    const ids = new Set(orders.map((o) => o.id));
    expect(children.every((c) => ids.has(c.__parentId as string))).toBe(true);
    expect(children.some((c) => "lineItems" in c)).toBe(false);
    const first = expectedOrders[0];
    const mine = children.filter((c) => c.__parentId === `gid://shopify/Order/${first.id}`);
    expect(mine.map((c) => c.quantity)).toEqual(first.lines.map((l) => l.quantity));
  });

  it("answers bad bulk queries with userErrors and reports failures", async () => {
    const flat = await gql(sim, token, RUN, { q: `{ shop { name } }` });
    expect(flat.body.data.bulkOperationRunQuery.userErrors[0].message).toMatch(/at least one connection/);
    const noId = await gql(sim, token, RUN, { q: `{ orders { nodes { name lineItems { nodes { quantity } } } } }` });
    expect(noId.body.data.bulkOperationRunQuery.userErrors[0].message).toMatch(/must select the 'id' field/);
    const top = await gql(sim, token, RUN, { q: `{ node(id: "gid://shopify/Order/1") { id } }` });
    expect(top.body.data.bulkOperationRunQuery.userErrors.length).toBeGreaterThan(0);
    sim.failBulkOperations(DEMO, "TIMEOUT");
    const failed = await runToEnd(`{ customers { nodes { id } } }`);
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "TIMEOUT", url: null });
    sim.failBulkOperations(DEMO, null);
    const current = await gql(sim, token, `{ currentBulkOperation { id status } }`);
    expect(current.body.data.currentBulkOperation.id).toBe(failed.id);
  });
});
