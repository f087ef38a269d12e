import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { DEMO, OTHER, gql, startSmall } from "./sim-helpers.js";

const PAGE = `query Page($first: Int!, $after: String, $q: String) {
  orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id updatedAt customer { id } lineItems(first: 5) { nodes { quantity } } } }
  }
}`;

describe("simulator Admin GraphQL queries", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({ throttle: { maximumAvailable: 100_000, restoreRate: 100_000 } });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  async function walk(q?: string, first = 50): Promise<Array<{ id: string; updatedAt: string }>> {
    const seen: Array<{ id: string; updatedAt: string }> = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await gql(sim, token, PAGE, { first, after, q });
      expect(body.errors).toBeUndefined();
      const page = body.data.orders;
      seen.push(...page.edges.map((e: { node: { id: string; updatedAt: string } }) => e.node));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }

  it("pages through every order once, in updatedAt order", async () => {
    const all = await walk();
    const store = sim.store(DEMO);
    expect(all.length).toBe(store.orders.size);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    const times = all.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(all[0].id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
  });

  it("filters with updated_at:>'ISO' and created_at ranges like Shopify search syntax", async () => {
    const cut = Date.parse("2009-12-04T12:00:00Z");
    const expected = [...sim.store(DEMO).orders.values()].filter((o) => o.updatedAt > cut).length;
    expect(expected).toBeGreaterThan(10);
    const filtered = await walk(`updated_at:>'2009-12-04T12:00:00Z'`, 40);
    expect(filtered.length).toBe(expected);
    expect(filtered.every((o) => Date.parse(o.updatedAt) > cut)).toBe(true);
    const range = await walk(`created_at:>=2009-12-02 AND created_at:<2009-12-03`, 100);
    const inRange = [...sim.store(DEMO).orders.values()].filter(
      (o) => o.createdAt >= Date.parse("2009-12-02T00:00:00Z") && o.createdAt < Date.parse("2009-12-03T00:00:00Z"),
    );
    expect(range.length).toBe(inRange.length);
  });

  it("pages customers and reads guest orders as customer: null", async () => {
    const { body } = await gql(
      sim,
      token,
      `{ customers(first: 5, sortKey: ID) { nodes { id email locale } pageInfo { hasNextPage } } }`,
    );
    expect(body.data.customers.nodes).toHaveLength(5);
    expect(body.data.customers.pageInfo.hasNextPage).toBe(true);
    const guest = [...sim.store(DEMO).orders.values()].find((o) => o.customerId === null)!;
    const one = await gql(sim, token, `query($id: ID!) { order(id: $id) { id customer { id } } }`, {
      id: `gid://shopify/Order/${guest.id}`,
    });
    expect(one.body.data.order).toEqual({ id: `gid://shopify/Order/${guest.id}`, customer: null });
  });

  it("rejects unknown fields and missing page sizes like GraphQL does", async () => {
    const unknown = await gql(sim, token, `{ orders(first: 1) { nodes { id notAField } } }`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].message).toContain(`Cannot query field "notAField" on type "Order"`);
    expect(unknown.body.data).toBeUndefined();
    const noFirst = await gql(sim, token, `{ orders { nodes { id } } }`);
    expect(noFirst.body.errors[0].message).toContain("first or last");
  });

  it("demands a valid token for the shop asked for", async () => {
    const none = await gql(sim, "", `{ shop { name } }`);
    expect(none.status).toBe(401);
    const wrongShop = await gql(sim, token, `{ shop { name } }`, {}, OTHER);
    expect(wrongShop.status).toBe(401);
    const otherToken = sim.installApp(OTHER).accessToken;
    const other = await gql(sim, otherToken, `{ orders(first: 5) { nodes { id } } }`, {}, OTHER);
    expect(other.status).toBe(200);
    expect(other.body.data.orders.nodes).toEqual([]);
  });

  it("routes by /shops/<shop> prefix as well as by header", async () => {
    const response = await fetch(`${sim.url}/shops/${DEMO}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query: "{ shop { myshopifyDomain } }" }),
    });
    expect(((await response.json()) as { data: { shop: { myshopifyDomain: string } } }).data.shop.myshopifyDomain).toBe(
      DEMO,
    );
  });
});
