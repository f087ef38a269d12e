// Shopify never reuses a bulk operation id. The demo's simulator starts again with the app after a kill; when its
// ids started over, an export id the killed process had stored named one of the new process's exports, and a
// restarted backfill read the wrong export (demo-restart: 20,667 of 26,692 orders stored).
import { describe, expect, it } from "vitest";
import { ShopStore } from "../../server/src/simulator/store.js";

describe("simulator bulk operation ids", () => {
  it("are never reused by a simulator started again", async () => {
    const before = new ShopStore("ids.myshopify.com", 1);
    const killed = [before.nextId("bulk"), before.nextId("bulk"), before.nextId("bulk")];
    await new Promise((r) => setTimeout(r, 2));
    const restarted = new ShopStore("ids.myshopify.com", 1);
    const fresh = [restarted.nextId("bulk"), restarted.nextId("bulk")];
    expect(Math.min(...fresh)).toBeGreaterThan(Math.max(...killed));
    expect(Number.isSafeInteger(fresh[1])).toBe(true);
  });
});
