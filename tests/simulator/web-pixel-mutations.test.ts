// webPixelCreate / webPixelUpdate on the simulator as on Shopify: both scopes required, settings checked against the
// extension's declared fields, one pixel per app and shop.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { DANGOL_PIXEL_FIELDS } from "../../server/src/simulator/web-pixel-settings.js";
import { APP, DEMO, gql, startSmall } from "./sim-helpers.js";

const CREATE = `mutation($p: WebPixelInput!) { webPixelCreate(webPixel: $p) { webPixel { id settings } userErrors { field code message } } }`;
const UPDATE = `mutation($id: ID!, $p: WebPixelInput!) { webPixelUpdate(id: $id, webPixel: $p) { webPixel { id settings } userErrors { field code message } } }`;
const settings = (value: unknown) => ({ p: { settings: JSON.stringify(value) } });

describe("simulator web pixel mutations", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({ shops: [{ domain: DEMO }] });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  it("refuses settings that don't match the declared fields, storing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ p: { settings: "{not json" } }, "INVALID_CONFIGURATION_JSON"],
      [settings({}), "INVALID_SETTINGS"],
      [settings({ endpoint: "" }), "INVALID_SETTINGS"],
      [settings({ endpoint: "https://a/pixel/events", accountId: "1" }), "INVALID_SETTINGS"],
      [settings({ endpoint: 42 }), "INVALID_SETTINGS"],
      [settings({ endpoint: "https://a\nb" }), "INVALID_SETTINGS"],
      [settings(["https://a"]), "INVALID_SETTINGS"],
    ];
    for (const [variables, code] of cases) {
      const { body } = await gql(sim, token, CREATE, variables);
      expect(body.data.webPixelCreate).toMatchObject({ webPixel: null, userErrors: [{ code }] });
    }
    expect(sim.store(DEMO).webPixel).toBeNull();
  });

  it("creates one pixel; a second create is TAKEN; update changes that pixel and only it", async () => {
    const created = await gql(sim, token, CREATE, settings({ endpoint: "https://a.test/pixel/events" }));
    const pixel = created.body.data.webPixelCreate.webPixel;
    expect(pixel).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/WebPixel\/\d+$/),
      settings: '{"endpoint":"https://a.test/pixel/events"}',
    });
    const again = await gql(sim, token, CREATE, settings({ endpoint: "https://b.test/pixel/events" }));
    expect(again.body.data.webPixelCreate).toMatchObject({ webPixel: null, userErrors: [{ code: "TAKEN" }] });
    expect((await gql(sim, token, "{ webPixel { id settings } }")).body.data.webPixel).toEqual(pixel);

    const missing = await gql(sim, token, UPDATE, { id: "gid://shopify/WebPixel/1", ...settings({ endpoint: "x" }) });
    expect(missing.body.data.webPixelUpdate.userErrors).toMatchObject([{ code: "NOT_FOUND" }]);
    const bad = await gql(sim, token, UPDATE, { id: pixel.id, ...settings({ endpoint: "" }) });
    expect(bad.body.data.webPixelUpdate.userErrors).toMatchObject([{ code: "INVALID_SETTINGS" }]);
    const updated = await gql(sim, token, UPDATE, {
      id: pixel.id,
      ...settings({ endpoint: "https://b.test/pixel/events" }),
    });
    expect(updated.body.data.webPixelUpdate).toEqual({
      webPixel: { id: pixel.id, settings: '{"endpoint":"https://b.test/pixel/events"}' },
      userErrors: [],
    });
  });

  it("denies both mutations and the query to an app without write_pixels / read_customer_events", async () => {
    for (const missing of ["write_pixels", "read_customer_events"]) {
      const scopes = ["read_orders", "read_customers", "write_pixels", "read_customer_events"].filter(
        (s) => s !== missing,
      );
      const narrow = await startSimulator({ app: { ...APP, scopes }, shops: [{ domain: DEMO }] });
      try {
        const narrowToken = narrow.installApp(DEMO).accessToken;
        const { body } = await gql(narrow, narrowToken, CREATE, settings({ endpoint: "https://a.test/pixel/events" }));
        expect(body.data).toEqual({ webPixelCreate: null });
        expect(body.errors).toMatchObject([{ path: ["webPixelCreate"], extensions: { code: "ACCESS_DENIED" } }]);
        expect(body.errors[0].message).toContain(`\`${missing}\``);
        const update = await gql(narrow, narrowToken, UPDATE, { id: "1", ...settings({ endpoint: "x" }) });
        expect(update.body.errors).toMatchObject([{ extensions: { code: "ACCESS_DENIED" } }]);
        expect(narrow.store(DEMO).webPixel).toBeNull();
      } finally {
        await narrow.close();
      }
    }
    const readOnly = await startSimulator({ app: { ...APP, scopes: ["read_orders"] }, shops: [{ domain: DEMO }] });
    try {
      const { body } = await gql(readOnly, readOnly.installApp(DEMO).accessToken, "{ webPixel { id } }");
      expect(body.errors).toMatchObject([{ extensions: { code: "ACCESS_DENIED" } }]);
    } finally {
      await readOnly.close();
    }
  });

  it("validates against the fields extensions/dangol-pixel declares", () => {
    const file = path.resolve(import.meta.dirname, "../../extensions/dangol-pixel/shopify.extension.toml");
    const declared = (parse(readFileSync(file, "utf8")) as any).settings.fields;
    expect(Object.keys(DANGOL_PIXEL_FIELDS).sort()).toEqual(Object.keys(declared).sort());
    for (const [name, field] of Object.entries(DANGOL_PIXEL_FIELDS)) {
      expect(field.type).toBe(declared[name].type);
      const min = declared[name].validations?.find((v: { name: string }) => v.name === "min")?.value;
      expect(field.min).toBe(min === undefined ? undefined : Number(min));
    }
  });
});
