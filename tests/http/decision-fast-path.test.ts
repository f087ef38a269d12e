import { describe, expect, it } from "vitest";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { DECISION_PATH, withDecisionFastPath } from "../../server/src/http/decision-fast-path.js";
import { createTestDb } from "../helpers/test-db.js";
import { proxyParams, realProxyVerifier, signProxyQuery } from "./app-proxy-signing.js";

const SHOP = "demo.myshopify.com";

// Which requests the fast path answers itself, and which it hands to Express (a recording stand-in here).
describe("decision fast path", () => {
  async function serve() {
    const t = await createTestDb();
    const handedOver: string[] = [];
    const asked: string[] = [];
    const express: RequestListener = (req, res) => {
      handedOver.push(`${req.method} ${req.url!.split("?")[0]}`);
      res.writeHead(418).end();
    };
    const storefront = {
      decisionJsonFor: async (shop: string, id: string | null) => {
        asked.push(`${shop}/${id}`);
        return JSON.stringify({ customerId: id ?? "" });
      },
    };
    const server = createServer(withDecisionFastPath(express, { platform: realProxyVerifier(), storefront })).listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = async () => {
      server.close();
      await t.destroy();
    };
    return { base, handedOver, asked, close };
  }

  it("answers a verified GET itself, with the route's headers", async () => {
    const s = await serve();
    try {
      const res = await fetch(`${s.base}${DECISION_PATH}?${signProxyQuery(proxyParams(SHOP, "111"))}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.json()).toEqual({ customerId: "111" });
      expect(s.asked).toEqual([`${SHOP}/111`]);
      expect(s.handedOver).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("hands forged, stale, repeated-id, other-path and non-GET requests to Express untouched", async () => {
    const s = await serve();
    try {
      const forged = signProxyQuery(proxyParams(SHOP, "111"), "wrong-secret");
      const stale = signProxyQuery(proxyParams(SHOP, "111", Math.floor(Date.now() / 1000) - 120));
      const repeated = signProxyQuery(proxyParams(SHOP, "111"));
      repeated.append("logged_in_customer_id", "222");
      const good = signProxyQuery(proxyParams(SHOP, "111"));
      for (const url of [
        `${DECISION_PATH}?${forged}`,
        `${DECISION_PATH}?${stale}`,
        `${DECISION_PATH}?${repeated}`,
        DECISION_PATH,
        `/apps/dangol/events?${good}`,
        `${DECISION_PATH}/?${good}`,
      ]) {
        expect((await fetch(`${s.base}${url}`)).status).toBe(418);
      }
      expect((await fetch(`${s.base}${DECISION_PATH}?${good}`, { method: "POST", body: "{}" })).status).toBe(418);
      expect(s.handedOver).toHaveLength(7);
      expect(s.asked).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
