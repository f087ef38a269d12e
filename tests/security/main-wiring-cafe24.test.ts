// The real composition root with Cafe24 credentials beside Shopify's: main.ts mounts the Cafe24 module's front
// doors, and each refuses what is not signed or keyed, with the status Cafe24 expects and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/src/db/create-db.js";
import { countWebhookEvents } from "../../server/src/db/repositories/webhook-event.repository.js";
import type { RunningApp } from "../../server/src/main.js";
import { type RealApp, SHOPIFY_AND_CAFE24_ENV, startRealApp } from "../helpers/real-app.js";

const MALL = "dangolmall";

describe("startApp with Cafe24 credentials: the Cafe24 module is mounted and refuses bad input", () => {
  let running: RealApp;
  let app: RunningApp;
  let base: string;

  beforeAll(async () => {
    running = await startRealApp("dangol-cafe24-wiring-", () => ({
      ...SHOPIFY_AND_CAFE24_ENV,
      TRUSTED_PROXY_HOPS: "1",
    }));
    ({ app, base } = running);
  });
  afterAll(() => running?.close());

  const storedDeliveries = async () => {
    const { db } = createDb(app.config.database);
    try {
      return await countWebhookEvents(db, MALL);
    } finally {
      await db.destroy();
    }
  };

  it("answers 403 to a webhook without the key or with another key, and stores nothing", async () => {
    const body = JSON.stringify({ event_no: 90023, resource: { mall_id: MALL, order_id: "20261202-0000001" } });
    for (const key of [undefined, "not-the-key"]) {
      const res = await fetch(`${base}/cafe24/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) },
        body,
      });
      expect(res.status, String(key)).toBe(403);
    }
    expect(await storedDeliveries()).toBe(0);
  });

  it("answers 401 to an unsigned app launch and 400 to an OAuth callback with a state it never issued", async () => {
    const launch = await fetch(`${base}/cafe24/launch?mall_id=${MALL}&timestamp=1`, { redirect: "manual" });
    expect(launch.status).toBe(401);
    const callback = await fetch(`${base}/cafe24/oauth/callback?code=abc&state=never-issued`, { redirect: "manual" });
    expect(callback.status).toBe(400);
  });

  it("limits storefront decisions per shopper address behind our balancer (TRUSTED_PROXY_HOPS), not per balancer", async () => {
    // Behind one balancer every request comes from its address: keyed on the socket, one busy shopper (or a
    // mall's whole traffic) would lock every other shopper out.
    const decision = (client: string) =>
      fetch(`${base}/cafe24/storefront/decision?mall_id=${MALL}`, { headers: { "x-forwarded-for": client } });
    const statuses: number[] = [];
    // 120 at once, then 2 a second: 140 in a row runs the bucket dry.
    for (let i = 0; i < 140; i++) statuses.push((await decision("203.0.113.7")).status);
    expect(statuses.slice(0, 120).every((s) => s === 404)).toBe(true); // no such mall installed: refused, not limited
    expect(statuses.at(-1)).toBe(429);
    expect((await decision("198.51.100.9")).status).toBe(404);
  });
});
