// metafieldDefinitionCreate, metafieldsDelete and customerSegmentMembers on the simulator: definitions are per shop
// (a second create is TAKEN), the segment query filters on app metafields whose definition is adminFilterable
// and refuses any other, and one shop's metafields never answer another shop's query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { APP, DEMO, gql, OTHER } from "./sim-helpers.js";

const SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 40 };
const CREATE = `mutation($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $d) {
  createdDefinition { id namespace key type { name } capabilities { adminFilterable { enabled } } }
  userErrors { field code message } } }`;
const SET = `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { code message } } }`;
const DELETE = `mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) {
  deletedMetafields { key } userErrors { message } } }`;
const MEMBERS = `query($q: String!) { customerSegmentMembers(query: $q, first: 250) { totalCount edges { node { id } } } }`;

const definition = (key: string, type: string, filterable = true, extra: Record<string, unknown> = {}) => ({
  d: {
    name: key,
    namespace: "$app:dangol",
    key,
    ownerType: "CUSTOMER",
    type,
    capabilities: { adminFilterable: { enabled: filterable } },
    ...extra,
  },
});
const memberIds = (body: any) =>
  body.data.customerSegmentMembers.edges.map((e: any) => e.node.id.split("/").pop()).sort();

describe("simulator customer metafield definitions and segment queries", () => {
  let sim: SimulatorHandle;
  let token: string;
  let other: string;
  let customers: string[];
  beforeAll(async () => {
    sim = await startSimulator({
      app: APP,
      shops: [
        { domain: DEMO, seed: SEED },
        { domain: OTHER, seed: SEED },
      ],
    });
    token = sim.installApp(DEMO).accessToken;
    other = sim.installApp(OTHER).accessToken;
    customers = [...sim.store(DEMO).customers.keys()].map(String).sort();
  });
  afterAll(() => sim.close());

  it("creates a definition once per shop: a second create is TAKEN, another shop may create its own", async () => {
    const first = await gql(sim, token, CREATE, definition("segment", "single_line_text_field"));
    expect(first.body.data.metafieldDefinitionCreate).toMatchObject({
      createdDefinition: {
        namespace: `app--${APP.appId}--dangol`,
        key: "segment",
        type: { name: "single_line_text_field" },
        capabilities: { adminFilterable: { enabled: true } },
      },
      userErrors: [],
    });
    const again = await gql(sim, token, CREATE, definition("segment", "single_line_text_field"));
    expect(again.body.data.metafieldDefinitionCreate).toMatchObject({
      createdDefinition: null,
      userErrors: [{ code: "TAKEN" }],
    });
    const elsewhere = await gql(sim, other, CREATE, definition("segment", "single_line_text_field"), OTHER);
    expect(elsewhere.body.data.metafieldDefinitionCreate.userErrors).toEqual([]);
    expect(sim.store(DEMO).metafieldDefinitions.size).toBe(1);
    expect(sim.store(OTHER).metafieldDefinitions.size).toBe(1);
  });

  it("refuses an unknown type and a capability the type or owner can't have, storing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [definition("bad_type", "text"), "INCLUSION"],
      [definition("blob", "json"), "INVALID_CAPABILITY"],
      [
        definition("cond", "single_line_text_field", false, {
          capabilities: { smartCollectionCondition: { enabled: true } },
        }),
        "INVALID_CAPABILITY",
      ],
      [definition("x", "date"), "INVALID"],
    ];
    for (const [variables, code] of cases) {
      const { body } = await gql(sim, token, CREATE, variables);
      expect(body.data.metafieldDefinitionCreate).toMatchObject({ createdDefinition: null, userErrors: [{ code }] });
    }
    expect([...sim.store(DEMO).metafieldDefinitions.values()].map((d) => d.key)).toEqual(["segment"]);
  });

  it("answers exactly the customers holding the value, clears with metafieldsDelete, and keeps shops apart", async () => {
    await gql(sim, token, CREATE, definition("due_date", "date"));
    const lapsed = customers.slice(0, 7);
    const loyal = customers.slice(7, 12);
    const set = (ids: string[], key: string, type: string, value: string) =>
      ids.map((id) => ({ ownerId: `gid://shopify/Customer/${id}`, namespace: "$app:dangol", key, type, value }));
    for (const m of [
      set(lapsed, "segment", "single_line_text_field", "repeat:lapsed"),
      set(loyal, "segment", "single_line_text_field", "repeat:core_active"),
      set(customers.slice(0, 10), "due_date", "date", "2026-12-10"),
      set(customers.slice(10, 12), "due_date", "date", "2026-12-20"),
    ]) {
      expect((await gql(sim, token, SET, { m })).body.data.metafieldsSet.userErrors).toEqual([]);
    }
    const q = (text: string, shop = DEMO, t = token) => gql(sim, t, MEMBERS, { q: text }, shop);
    expect(memberIds((await q("metafields.$app:dangol.segment = 'repeat:lapsed'")).body)).toEqual(lapsed);
    expect(memberIds((await q(`metafields.app--${APP.appId}--dangol.segment = 'repeat:core_active'`)).body)).toEqual(
      loyal,
    );
    expect(
      memberIds(
        (await q("metafields.$app:dangol.segment != 'repeat:lapsed' AND metafields.$app:dangol.due_date <= 2026-12-15"))
          .body,
      ),
    ).toEqual(customers.slice(7, 10));
    expect(memberIds((await q("metafields.$app:dangol.due_date BETWEEN 2026-12-15 AND 2026-12-31")).body)).toEqual(
      customers.slice(10, 12),
    );
    expect((await q("metafields.$app:dangol.segment IS NULL")).body.data.customerSegmentMembers.totalCount).toBe(
      customers.length - 12,
    );

    const cleared = await gql(sim, token, DELETE, {
      m: [lapsed[0], customers[39]].map((id) => ({
        ownerId: `gid://shopify/Customer/${id}`,
        namespace: "$app:dangol",
        key: "segment",
      })),
    });
    expect(cleared.body.data.metafieldsDelete).toEqual({
      deletedMetafields: [{ key: "segment" }, null],
      userErrors: [],
    });
    expect(memberIds((await q("metafields.$app:dangol.segment = 'repeat:lapsed'")).body)).toEqual(lapsed.slice(1));

    // The same customer ids exist in the other shop (same seed), defined the same way: none of this shop's values.
    expect(sim.store(OTHER).customers.has(Number(lapsed[1]))).toBe(true);
    const there = await q("metafields.$app:dangol.segment = 'repeat:lapsed'", OTHER, other);
    expect(there.body.data.customerSegmentMembers).toEqual({ totalCount: 0, edges: [] });
  });

  it("refuses a filter on a definition without adminFilterable, or on no definition at all", async () => {
    await gql(sim, token, CREATE, definition("hidden", "single_line_text_field", false));
    const set = await gql(sim, token, SET, {
      m: [
        {
          ownerId: `gid://shopify/Customer/${customers[0]}`,
          namespace: "$app:dangol",
          key: "hidden",
          type: "single_line_text_field",
          value: "x",
        },
      ],
    });
    expect(set.body.data.metafieldsSet.userErrors).toEqual([]);
    for (const [query, why] of [
      ["metafields.$app:dangol.hidden = 'x'", "not filterable"],
      ["metafields.$app:dangol.nothing = 'x'", "not a customer metafield definition"],
      ["metafields.$app:dangol.segment ~ 'x'", "Unsupported"],
    ]) {
      const { body } = await gql(sim, token, MEMBERS, { q: query });
      expect(body.data?.customerSegmentMembers ?? null).toBeNull();
      expect(body.errors[0].message).toContain(why);
    }
  });
});
