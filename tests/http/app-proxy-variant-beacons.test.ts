// Issue 14: storefront beacons carry the A/B/n variant the banner showed, and the results count impressions and
// clicks per arm by it. The app proxy signature proves only the customer, so a variant counts only when it is an
// arm that customer was decided into: an unknown or another arm's variant is refused (400) and nothing is stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { appProxyRoutes } from "../../server/src/http/routes/app-proxy.routes.js";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { recordArmAssignments } from "../../server/src/db/repositories/experiment.repository.js";
import { experimentResults } from "../../server/src/services/experiment-results.js";
import { noExperiment } from "../../server/src/domain/experiments/variant.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { proxyParams, realProxyVerifier, signProxyQuery } from "./app-proxy-signing.js";

const SHOP = "variants.myshopify.com";
const CAMPAIGN = "replenishment";
const state = { ...noExperiment(), variants: [{ id: "b", content: {} as never, imageUrl: null, weight: 1 }] };

describe.each(DB_KINDS)("variant beacons on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      rawMounts: [
        {
          path: "/apps/dangol",
          handler: appProxyRoutes({ platform: realProxyVerifier(), storefront: createStorefrontService({ db: t.db }) }),
        },
      ],
    });
    server = createServer(app).listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps/dangol`;
    // "1" and "2" were decided into a and b; "3" first into a, then b (weights changed); "4" is held out.
    const at = new Date("2026-12-01T00:00:00Z");
    await recordArmAssignments(t.db, SHOP, [{ customerId: "1", campaign: CAMPAIGN, arm: "a" }], at);
    await recordArmAssignments(t.db, SHOP, [{ customerId: "2", campaign: CAMPAIGN, arm: "b" }], at);
    await recordArmAssignments(t.db, SHOP, [{ customerId: "3", campaign: CAMPAIGN, arm: "a" }], at);
    await recordArmAssignments(t.db, SHOP, [{ customerId: "3", campaign: CAMPAIGN, arm: "b" }], new Date());
    await recordArmAssignments(t.db, SHOP, [{ customerId: "4", campaign: CAMPAIGN, arm: "holdout" }], at);
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  async function post(customerId: string, body: Record<string, unknown>): Promise<number> {
    const res = await fetch(`${base}/events?${signProxyQuery(proxyParams(SHOP, customerId))}`, {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ campaign: CAMPAIGN, pageView: randomUUID(), ...body }),
    });
    await res.arrayBuffer();
    return res.status;
  }
  const stored = async (customerId: string) =>
    t.db
      .selectFrom("campaign_events")
      .select(["kind", "variant"])
      .where("shop_domain", "=", SHOP)
      .where("customer_id", "=", customerId)
      .orderBy("kind")
      .execute();
  const arms = async () => new Map((await experimentResults(t.db, SHOP, CAMPAIGN, state)).arms.map((a) => [a.arm, a]));

  it("stores the variant of a beacon from the customer's own arm and counts it for that arm", async () => {
    expect(await post("2", { kind: "impression", variant: "b" })).toBe(204);
    expect(await post("2", { kind: "click", variant: "b" })).toBe(204);
    expect(await post("1", { kind: "impression", variant: "a" })).toBe(204);
    expect(await stored("2")).toEqual([
      { kind: "click", variant: "b" },
      { kind: "impression", variant: "b" },
    ]);
    const byArm = await arms();
    expect(byArm.get("b")).toMatchObject({ impressions: 1, clicks: 1 });
    expect(byArm.get("a")).toMatchObject({ impressions: 1, clicks: 0 });
  });

  it("counts a moved customer's impressions by the variant shown, not by the first arm", async () => {
    expect(await post("3", { kind: "impression", variant: "b" })).toBe(204);
    expect(await post("3", { kind: "impression", variant: "a" })).toBe(204); // a page from before the move
    const byArm = await arms();
    expect(byArm.get("b")).toMatchObject({ impressions: 2 });
    expect(byArm.get("a")).toMatchObject({ impressions: 2 });
  });

  it("refuses a variant that is not the signed customer's arm, and stores nothing", async () => {
    const before = await arms();
    expect(await post("1", { kind: "impression", variant: "b" })).toBe(400);
    expect(await post("1", { kind: "click", variant: "b" })).toBe(400);
    expect(await post("4", { kind: "impression", variant: "a" })).toBe(400); // held out: shown nothing
    expect(await post("9", { kind: "impression", variant: "a" })).toBe(400); // never assigned
    expect(await stored("1")).toEqual([{ kind: "impression", variant: "a" }]);
    expect(await stored("4")).toEqual([]);
    expect(await stored("9")).toEqual([]);
    expect(await arms()).toEqual(before);
  });

  it("refuses an unknown variant and a variant on a visit with 400", async () => {
    for (const variant of ["z", "holdout", "B", "", 1, null])
      expect(await post("2", { kind: "impression", variant })).toBe(400);
    expect(await post("2", { kind: "visit", campaign: undefined, variant: "b" })).toBe(400);
    expect(await stored("2")).toHaveLength(2);
  });

  it("still counts a beacon without a variant (an older script's) by the customer's first arm", async () => {
    expect(await post("1", { kind: "click" })).toBe(204);
    expect((await arms()).get("a")).toMatchObject({ clicks: 1 });
  });
});
