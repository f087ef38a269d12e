import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { DEMO, gql, startSmall } from "./sim-helpers.js";

const CREATE = `mutation($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {
  codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title status endsAt usageLimit codes(first: 1) { nodes { code } } } } }
  userErrors { field code message } } }`;
const SET = `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id namespace key value } userErrors { field code message elementIndex } } }`;

describe("simulator discounts and metafields", () => {
  let sim: SimulatorHandle;
  let token: string;
  let customerGid: string;
  beforeAll(async () => {
    sim = await startSmall({ throttle: { maximumAvailable: 100_000, restoreRate: 100_000 } });
    token = sim.installApp(DEMO).accessToken;
    customerGid = `gid://shopify/Customer/${[...sim.store(DEMO).customers.keys()][0]}`;
  });
  afterAll(() => sim.close());

  const input = (code: string, over: Record<string, unknown> = {}) => ({
    title: "Dangol comeback",
    code,
    startsAt: "2026-01-01T00:00:00Z",
    endsAt: "2026-01-15T00:00:00Z",
    context: { customers: { add: [customerGid] } },
    customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    ...over,
  });

  it("creates a per-customer code and stores it for later orders", async () => {
    const { body } = await gql(sim, token, CREATE, { d: input("DGL-AAAA1111") });
    const payload = body.data.discountCodeBasicCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.codeDiscountNode.id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    expect(payload.codeDiscountNode.codeDiscount).toMatchObject({
      title: "Dangol comeback",
      endsAt: "2026-01-15T00:00:00Z",
      usageLimit: 1,
      codes: { nodes: [{ code: "DGL-AAAA1111" }] },
    });
    const stored = sim.store(DEMO).findDiscountByCode("dgl-aaaa1111");
    expect(stored?.customerIds).toEqual([Number(customerGid.split("/").pop())]);
  });

  it("returns userErrors for a duplicate code, endsAt before startsAt and an unknown customer", async () => {
    const dup = await gql(sim, token, CREATE, { d: input("dgl-aaaa1111") });
    expect(dup.body.data.discountCodeBasicCreate).toMatchObject({
      codeDiscountNode: null,
      userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN" }],
    });
    const backwards = await gql(sim, token, CREATE, { d: input("DGL-B", { endsAt: "2025-12-01T00:00:00Z" }) });
    expect(backwards.body.data.discountCodeBasicCreate.userErrors[0]).toMatchObject({
      field: ["basicCodeDiscount", "endsAt"],
      code: "INVALID",
    });
    const stranger = await gql(sim, token, CREATE, {
      d: input("DGL-C", { context: { customers: { add: ["gid://shopify/Customer/1"] } } }),
    });
    expect(stranger.body.data.discountCodeBasicCreate.userErrors[0].field).toEqual([
      "basicCodeDiscount",
      "context",
      "customers",
      "add",
    ]);
    expect(sim.store(DEMO).findDiscountByCode("DGL-B")).toBeUndefined();
    expect(sim.store(DEMO).findDiscountByCode("DGL-C")).toBeUndefined();
  });

  it("sets app-owned customer metafields and reads them back", async () => {
    const value = JSON.stringify({ v: 1, state: "due" });
    const { body } = await gql(sim, token, SET, {
      m: [{ ownerId: customerGid, namespace: "$app:dangol", key: "decision", type: "json", value }],
    });
    expect(body.data.metafieldsSet.userErrors).toEqual([]);
    expect(body.data.metafieldsSet.metafields[0]).toMatchObject({
      namespace: "app--4242--dangol",
      key: "decision",
      value,
    });
    const read = await gql(
      sim,
      token,
      `query($id: ID!) { customer(id: $id) { a: metafield(namespace: "$app:dangol", key: "decision") { value type }
      b: metafield(namespace: "app--4242--dangol", key: "decision") { value } c: metafield(namespace: "$app:dangol", key: "nope") { value } } }`,
      { id: customerGid },
    );
    expect(read.body.data.customer).toEqual({ a: { value, type: "json" }, b: { value }, c: null });
  });

  it("caps metafieldsSet at 25 and writes nothing when any input is bad", async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({
      ownerId: customerGid,
      namespace: "$app:dangol",
      key: `k${i}x`,
      type: "single_line_text_field",
      value: "x",
    }));
    const tooMany = await gql(sim, token, SET, { m: many });
    expect(tooMany.body.errors[0].extensions.code).toBe("MAX_INPUT_SIZE_EXCEEDED");
    expect(tooMany.body.data.metafieldsSet).toBeNull();
    const ok25 = await gql(sim, token, SET, { m: many.slice(0, 25) });
    expect(ok25.body.data.metafieldsSet.metafields).toHaveLength(25);
    const before = sim.store(DEMO).metafields.size;
    const bad = await gql(sim, token, SET, {
      m: [
        { ownerId: customerGid, namespace: "$app:dangol", key: "fresh", type: "json", value: "{}" },
        { ownerId: customerGid, namespace: "$app:dangol", key: "broken", type: "json", value: "{not json" },
        { ownerId: customerGid, namespace: "$app:dangol", key: "typed", type: "not_a_type", value: "1" },
      ],
    });
    const errors = bad.body.data.metafieldsSet.userErrors;
    expect(errors.map((e: { code: string; elementIndex: number }) => [e.code, e.elementIndex])).toEqual([
      ["INVALID_VALUE", 1],
      ["INVALID_TYPE", 2],
    ]);
    expect(sim.store(DEMO).metafields.size).toBe(before);
  });

  it("refuses the whole call for a customer Shopify no longer knows, naming that input by its index", async () => {
    const [first, second] = [...sim.store(DEMO).customers.keys()];
    const gone = 999_999_999_999;
    const m = [first, gone, second].map((id) => ({
      ownerId: `gid://shopify/Customer/${id}`,
      namespace: "$app:dangol",
      key: "gone_test",
      type: "json",
      value: "{}",
    }));
    const before = sim.store(DEMO).metafields.size;
    const { body } = await gql(sim, token, SET, { m });
    expect(body.data.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [
        { field: ["metafields", "1", "ownerId"], code: "INVALID", message: "Owner does not exist.", elementIndex: 1 },
      ],
    });
    expect(sim.store(DEMO).metafields.size).toBe(before);
    // Sent again without it, the rest is written.
    const retry = await gql(sim, token, SET, { m: [m[0], m[2]] });
    expect(retry.body.data.metafieldsSet.userErrors).toEqual([]);
    expect(sim.store(DEMO).metafields.size).toBe(before + 2);
  });
});
