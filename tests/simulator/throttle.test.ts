import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { DEMO, gql, startSmall } from "./sim-helpers.js";

// orders(first: 10) { nodes { id customer { id } } } = 2 + 10 × (1 + 1) = 22 requested points.
const Q = `{ orders(first: 10) { nodes { id customer { id } } } }`;

describe("simulator cost-based throttling", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({
      throttle: { maximumAvailable: 50, restoreRate: 10 },
      startAt: new Date("2026-03-01T00:00:00Z"),
    });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  it("charges the calculated cost, refunds the unused part, and throttles at HTTP 200", async () => {
    const first = await gql(sim, token, Q);
    expect(first.body.extensions.cost).toMatchObject({
      requestedQueryCost: 22,
      actualQueryCost: 22,
      throttleStatus: { maximumAvailable: 50, restoreRate: 10 },
    });
    expect(first.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(28 + 1);
    const second = await gql(sim, token, Q);
    expect(second.body.data.orders.nodes).toHaveLength(10);
    const third = await gql(sim, token, Q);
    expect(third.status).toBe(200);
    expect(third.body.errors).toEqual([
      expect.objectContaining({ message: "Throttled", extensions: expect.objectContaining({ code: "THROTTLED" }) }),
    ]);
    expect(third.body.data).toBeUndefined();
    expect(third.body.extensions.cost.actualQueryCost).toBeNull();
    expect(third.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(22);

    sim.clock.advance(2_000); // +20 points at restoreRate 10/s
    const afterWait = await gql(sim, token, Q);
    expect(afterWait.body.errors).toBeUndefined();
    expect(afterWait.body.data.orders.nodes).toHaveLength(10);
  });

  it("refunds what a short page did not use", async () => {
    sim.clock.advance(10_000);
    const { body } = await gql(sim, token, `{ orders(first: 10, query: "id:1") { nodes { id customer { id } } } }`);
    expect(body.extensions.cost.requestedQueryCost).toBe(22);
    expect(body.extensions.cost.actualQueryCost).toBe(2);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(48);
  });

  it("rejects a query over 1000 requested points with MAX_COST_EXCEEDED and prices mutations at 10", async () => {
    const { body } = await gql(
      sim,
      token,
      `{ orders(first: 250) { nodes { id lineItems(first: 50) { nodes { id product { id } } } } } }`,
    );
    expect(body.errors[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
    expect(body.errors[0].extensions.cost).toBeGreaterThan(1000);
    sim.clock.advance(10_000);
    const mutation = await gql(sim, token, `mutation { metafieldsSet(metafields: []) { userErrors { message } } }`);
    expect(mutation.body.extensions.cost.requestedQueryCost).toBe(10);
  });
});
