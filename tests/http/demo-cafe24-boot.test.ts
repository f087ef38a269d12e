// DEMO_PLATFORM=cafe24: the real composition root boots the demo on Cafe24 (simulator, made-up app, install by
// OAuth code exchange, windowed backfill, first fit) and the admin acts for the demo mall, in won and Korean.
// A slice of the retail data keeps it short (the demo itself seeds all of it).
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.js";
import { DEMO_MALL } from "../../server/src/demo/demo-store-cafe24.js";
import { type RunningApp, startApp } from "../../server/src/main.js";
import { seedCafe24FromOnlineRetail } from "../../server/src/simulator-cafe24/index.js";

const SEED = { until: new Date("2010-02-01T00:00:00Z"), maxCustomers: 120 };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("DEMO_PLATFORM=cafe24 npm start", () => {
  let dir: string;
  let app: RunningApp;
  let base: string;
  const api = async (p: string) => (await fetch(`${base}${p}`)).json();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dangol-demo-cafe24-"));
    const config = loadConfig({ DEMO_PLATFORM: "cafe24", DEMO_PLAY_EVERY_SECONDS: "0" }, dir);
    app = await startApp({ ...config, port: 0 }, { cafe24DemoSeed: SEED });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("syncs every order of the simulated mall, predicts, and answers the admin for the mall in KRW and Korean", async () => {
    const seeded = (await seedCafe24FromOnlineRetail(SEED)).orders.length;
    expect(seeded).toBeGreaterThan(100);
    const status = await waitFor("sync done", async () => {
      const s = await api("/api/sync/status");
      return s.state === "done" ? s : undefined;
    });
    expect(status.orders).toBe(seeded);

    const dashboard = await waitFor("predictions", async () => {
      const d = await api("/api/dashboard");
      return d.computedAt ? d : undefined;
    });
    expect(dashboard.kpis.currency).toBe("KRW");
    expect(dashboard.kpis.customers).toBeGreaterThan(50);
    expect(dashboard.segments.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThan(50);
    expect(await api("/api/settings")).toMatchObject({ shop: DEMO_MALL, language: "ko" });
    const customers = await api("/api/customers");
    expect(customers.currency).toBe("KRW");
    expect(customers.customers[0].customerId).toMatch(/^m\d+$/); // Cafe24 member ids
  }, 180_000);

  it("previews the ScriptTag storefront at /preview?platform=cafe24 (and sends /preview there)", async () => {
    const bare = await fetch(`${base}/preview`, { redirect: "manual" });
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toBe("/preview?platform=cafe24");
    const res = await fetch(`${base}/preview?platform=cafe24`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(DEMO_MALL);
    const tag = /<script src="([^"]+)" integrity="(sha384-[^"]+)"/.exec(html);
    expect(tag).not.toBeNull();
    const script = await fetch(new URL(new URL(tag![1].replaceAll("&amp;", "&")).pathname, base));
    expect(script.status).toBe(200);
  }, 180_000);
});

describe("DEMO_PLATFORM=cafe24 plays orders forward", () => {
  let dir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dangol-demo-cafe24-play-"));
    const config = loadConfig({ DEMO_PLATFORM: "cafe24", DEMO_PLAY_EVERY_SECONDS: "1" }, dir);
    app = await startApp({ ...config, port: 0 }, { cafe24DemoSeed: { ...SEED, maxCustomers: 30 } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("as keyed Cafe24 webhooks the app accepts and stores", async () => {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const status = () => fetch(`${base}/api/sync/status`).then((r) => r.json());
    const done = await waitFor("sync done", async () => ((await status()).state === "done" ? status() : undefined));
    const later = await waitFor("a played order", async () => {
      const s = await status();
      return s.lastWebhookAt && s.orders > done.orders ? s : undefined;
    });
    expect(later.orders).toBeGreaterThan(done.orders);
    expect(later.deadLetters.total).toBe(0);
  }, 180_000);
});
