import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sampleCustomers, sendDemoVisits } from "../../../server/src/demo/demo-visits.js";

describe("demo shoppers sample", () => {
  const ids = Array.from({ length: 4000 }, (_, i) => String(12000 + i));

  it("picks about the asked share, the same customers every start", () => {
    const sample = sampleCustomers(ids, 0.35);
    expect(sample.length / ids.length).toBeGreaterThan(0.32);
    expect(sample.length / ids.length).toBeLessThan(0.38);
    expect(sampleCustomers(ids, 0.35)).toEqual(sample);
  });

  it("grows monotonically with the share (a bigger share keeps the smaller one's customers)", () => {
    const small = new Set(sampleCustomers(ids, 0.1));
    const big = new Set(sampleCustomers(ids, 0.5));
    expect([...small].every((id) => big.has(id))).toBe(true);
    expect(sampleCustomers(ids, 0)).toEqual([]);
  });
});

describe("demo visits", () => {
  it("give up on an app that never answers, instead of holding the demo for ever", async () => {
    const hung = createServer(() => undefined).listen(0, "127.0.0.1");
    await new Promise((r) => hung.once("listening", r));
    const { port } = hung.address() as AddressInfo;
    const deps = { appBaseUrl: `http://127.0.0.1:${port}`, shop: "a.myshopify.com", apiSecret: "s" };
    await expect(sendDemoVisits(deps, ["1", "2", "3"], 2, 200)).rejects.toThrow(
      /no answer to a demo visit within 200 ms/,
    );
    hung.closeAllConnections();
    hung.close();
  });
});
