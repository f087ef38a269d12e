// Issue 13: customers come from a bulk export too, and paging needs a total. The simulator answers both as
// Shopify does: a customers export is one JSONL line per customer (a nested connection adds __parentId lines),
// and ordersCount / customersCount return { count, precision }.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { bulkLines, runBulkToEnd } from "./bulk-run.js";
import { DEMO, gql, startSmall } from "./sim-helpers.js";

describe("simulator: customer exports and counts", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({ bulkDelayMs: 20 });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  async function exportLines(query: string) {
    const op = await runBulkToEnd(sim, token, query);
    expect(op.status).toBe("COMPLETED");
    return { op, lines: await bulkLines(op.url) };
  }

  it("exports every customer as one JSONL line with the selected fields and no __parentId", async () => {
    const { op, lines } = await exportLines(
      `{ customers { edges { node { id email firstName lastName locale createdAt updatedAt } } } }`,
    );
    const store = sim.store(DEMO);
    expect(lines.length).toBe(store.customers.size);
    expect(Number(op.rootObjectCount)).toBe(store.customers.size);
    const [someId, someone] = [...store.customers.entries()][0];
    const line = lines.find((l) => l.id === `gid://shopify/Customer/${someId}`)!;
    expect(Object.keys(line).sort()).toEqual(
      ["createdAt", "email", "firstName", "id", "lastName", "locale", "updatedAt"].sort(),
    );
    expect(line).toMatchObject({ email: someone.email, firstName: someone.firstName, lastName: someone.lastName });
    expect(lines.some((l) => "__parentId" in l)).toBe(false);
  });

  it("puts a customer's nested orders on their own lines pointing at the customer", async () => {
    const { lines } = await exportLines(`{ customers { edges { node { id orders { edges { node { id } } } } } } }`);
    const store = sim.store(DEMO);
    const children = lines.filter((l) => "__parentId" in l);
    const withCustomer = [...store.orders.values()].filter((o) => o.customerId !== null);
    expect(children.length).toBe(withCustomer.length);
    const order = withCustomer[0];
    expect(children.find((c) => c.id === `gid://shopify/Order/${order.id}`)?.__parentId).toBe(
      `gid://shopify/Customer/${order.customerId}`,
    );
  });

  it("counts orders and customers, exactly without a limit and AT_LEAST past one", async () => {
    const store = sim.store(DEMO);
    const { body } = await gql(
      sim,
      token,
      `{ all: ordersCount(limit: null) { count precision } capped: ordersCount(limit: 10) { count precision }
         customersCount(limit: null) { count precision }
         early: ordersCount(query: "created_at:<2009-12-03", limit: null) { count } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.all).toEqual({ count: store.orders.size, precision: "EXACT" });
    expect(body.data.capped).toEqual({ count: 10, precision: "AT_LEAST" });
    expect(body.data.customersCount).toEqual({ count: store.customers.size, precision: "EXACT" });
    const early = [...store.orders.values()].filter((o) => o.createdAt < Date.parse("2009-12-03T00:00:00Z"));
    expect(body.data.early.count).toBe(early.length);
  });
});
