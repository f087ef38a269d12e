import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

const SHOP = "throttle.myshopify.com";
let h: Harness;

beforeAll(async () => {
  // Standard-plan bucket (1 000 points) with a fast restore so the test stays short.
  h = await startHarness({
    sim: {
      shops: [
        { domain: SHOP, seed: { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 10, includeGuests: false } },
      ],
      throttle: { maximumAvailable: 1000, restoreRate: 1000 },
    },
  });
  await h.install(SHOP);
});
afterAll(async () => h?.close());

it("waits out the simulator's THROTTLED answers and still lists every order", async () => {
  // Four readers at once request ~4 × 866 points from a 1 000-point bucket: some must be throttled.
  const listAll = async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await h.stack.platform.listOrders(SHOP, { cursor, pageSize: 8 }); // ~866 points each
      for (const o of page.items) seen.add(o.id);
      cursor = page.nextCursor;
    } while (cursor);
    return seen.size;
  };
  const sizes = await Promise.all([listAll(), listAll(), listAll(), listAll()]);
  expect(sizes).toEqual(Array(4).fill(h.sim.store(SHOP).orders.size));
  expect(h.sleeps.length).toBeGreaterThan(0);
  expect(h.sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true); // ≤ (866 − 0) / 1000 s
});
