import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { signAppProxyQuery, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { APP, DEMO, OTHER, gql, startSmall } from "./sim-helpers.js";

const EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

const shopify = shopifyApi({
  apiKey: APP.apiKey,
  apiSecretKey: APP.apiSecret,
  apiVersion: ApiVersion.July26,
  hostName: "localhost",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

describe("simulator tokens and app-proxy signing", () => {
  let sim: SimulatorHandle;
  beforeAll(async () => {
    sim = await startSmall();
  });
  afterAll(() => sim.close());

  const tokenRequest = async (shop: string, body: Record<string, unknown>) => {
    const response = await fetch(`${sim.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Shop-Domain": shop },
      body: JSON.stringify({ client_id: APP.apiKey, client_secret: APP.apiSecret, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it("mints session tokens the library accepts and exchanges them for expiring offline tokens", async () => {
    const sessionToken = sim.mintSessionToken(DEMO);
    const payload = await shopify.session.decodeSessionToken(sessionToken);
    expect(payload.dest).toBe(`https://${DEMO}`);
    const exchanged = await tokenRequest(DEMO, {
      grant_type: EXCHANGE,
      subject_token: sessionToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: OFFLINE,
      expiring: "1",
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      access_token: expect.stringMatching(/^shpat_/),
    });
    expect(
      (await gql(sim, exchanged.body.access_token, "{ shop { myshopifyDomain } }")).body.data.shop.myshopifyDomain,
    ).toBe(DEMO);
    const wrongShop = await tokenRequest(OTHER, {
      grant_type: EXCHANGE,
      subject_token: sessionToken,
      requested_token_type: OFFLINE,
      expiring: "1",
    });
    expect(wrongShop.status).toBe(400);
    const forged = await tokenRequest(DEMO, {
      grant_type: EXCHANGE,
      subject_token: `${sessionToken.slice(0, -3)}abc`,
      requested_token_type: OFFLINE,
    });
    expect(forged.status).toBe(400);
    const badClient = await tokenRequest(DEMO, {
      client_secret: "nope",
      grant_type: EXCHANGE,
      subject_token: sessionToken,
      requested_token_type: OFFLINE,
    });
    expect(badClient.status).toBe(401);
  });

  it("expires access tokens after an hour and rotates refresh tokens", async () => {
    const installed = sim.installApp(DEMO);
    sim.clock.advance(3601_000);
    expect((await gql(sim, installed.accessToken, "{ shop { name } }")).status).toBe(401);
    const first = await tokenRequest(DEMO, { grant_type: "refresh_token", refresh_token: installed.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(installed.refreshToken);
    expect((await gql(sim, first.body.access_token, "{ shop { name } }")).status).toBe(200);
    // The old refresh token is retryable until its replacement has been used once.
    const retry = await tokenRequest(DEMO, { grant_type: "refresh_token", refresh_token: installed.refreshToken });
    expect(retry.status).toBe(200);
    const useReplacement = await tokenRequest(DEMO, {
      grant_type: "refresh_token",
      refresh_token: retry.body.refresh_token,
    });
    expect(useReplacement.status).toBe(200);
    const stale = await tokenRequest(DEMO, { grant_type: "refresh_token", refresh_token: installed.refreshToken });
    expect(stale).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("signs app-proxy queries exactly as shopify.utils.validateHmac expects", async () => {
    const query = signAppProxyQuery(
      {
        shop: DEMO,
        loggedInCustomerId: "gid://shopify/Customer/13085",
        pathPrefix: "/apps/dangol",
        extra: { ids: ["1", "2"] },
      },
      APP.apiSecret,
    );
    const params = new URLSearchParams(query);
    expect(params.get("logged_in_customer_id")).toBe("13085");
    expect(params.get("signature")).toMatch(/^[0-9a-f]{64}$/);
    // Repeated keys are signed as "ids=1,2" (Shopify's rule), checked here with a hand-built message.
    const message = `ids=1,2logged_in_customer_id=13085path_prefix=/apps/dangolshop=${DEMO}timestamp=${params.get("timestamp")}`;
    expect(params.get("signature")).toBe(createHmac("sha256", APP.apiSecret).update(message).digest("hex"));
    const single = new URLSearchParams(signAppProxyQuery({ shop: DEMO, loggedInCustomerId: 13085 }, APP.apiSecret));
    expect(await shopify.utils.validateHmac(Object.fromEntries(single), { signator: "appProxy" })).toBe(true);
    single.set("logged_in_customer_id", "99999");
    expect(await shopify.utils.validateHmac(Object.fromEntries(single), { signator: "appProxy" })).toBe(false);
  });
});
