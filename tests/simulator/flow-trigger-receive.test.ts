// flowTriggerReceive on the simulator as on Shopify: unknown handle and a payload of 50 KB or more are user errors;
// an accepted call is recorded for its own shop only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { flowTriggerCalls } from "../../server/src/simulator/resolvers/flow-triggers.js";
import { DEMO, OTHER, gql, startSmall } from "./sim-helpers.js";

const RECEIVE = `mutation($handle: String, $payload: JSON) {
  flowTriggerReceive(handle: $handle, payload: $payload) { userErrors { field message } } }`;
const lapsed = { customer_id: 42, Segment: "repeat:purchase_inactive_visit_unknown", "Days since last order": 80 };

describe("simulator flowTriggerReceive", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall();
    token = sim.installApp(DEMO).accessToken;
    sim.installApp(OTHER);
  });
  afterAll(() => sim.close());

  it("records an accepted trigger for the calling shop only", async () => {
    const { body } = await gql(sim, token, RECEIVE, { handle: "dangol-customer-lapsed", payload: lapsed });
    expect(body.data.flowTriggerReceive.userErrors).toEqual([]);
    expect(flowTriggerCalls(sim.store(DEMO))).toEqual([{ handle: "dangol-customer-lapsed", payload: lapsed }]);
    expect(flowTriggerCalls(sim.store(OTHER))).toEqual([]);
  });

  it("refuses an unknown handle, an oversized payload and a payload that doesn't match the trigger", async () => {
    const before = flowTriggerCalls(sim.store(DEMO)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ handle: "dangol-nope", payload: lapsed }, "handle"],
      [{ handle: "dangol-customer-lapsed", payload: { ...lapsed, Segment: "x".repeat(50 * 1024) } }, "payload"],
      [{ handle: "dangol-customer-lapsed", payload: { customer_id: 42 } }, "payload"],
      [{ handle: "dangol-customer-lapsed", payload: { ...lapsed, extra: 1 } }, "payload"],
    ];
    for (const [variables, field] of cases) {
      const { body } = await gql(sim, token, RECEIVE, variables);
      expect(body.data.flowTriggerReceive.userErrors).toMatchObject([{ field: [field] }]);
    }
    const justUnder = { ...lapsed, Segment: "x".repeat(50 * 1024 - 200) };
    const { body } = await gql(sim, token, RECEIVE, { handle: "dangol-customer-lapsed", payload: justUnder });
    expect(body.data.flowTriggerReceive.userErrors).toEqual([]);
    expect(flowTriggerCalls(sim.store(DEMO)).length).toBe(before + 1);
  });
});
