// A Cafe24 webhook names its mall in the body, and the mall id becomes a host ({mall_id}.cafe24api.com) when the
// delivery is applied: a body with the right key but a mall id that is not one (a dot, a slash, a '#') was stored
// under that name. It is refused like a forged one, as the launch refuses it.
import { describe, expect, it } from "vitest";
import { verifyCafe24Webhook } from "../../server/src/platforms/cafe24/webhook-verifier.js";

const KEY = "the-webhook-key";
const body = (mallId: string) =>
  Buffer.from(JSON.stringify({ event_no: 90023, resource: { mall_id: mallId, order_id: "20261202-0000001" } }));
const verify = (mallId: string) => verifyCafe24Webhook(KEY, body(mallId), { "x-api-key": KEY });

describe("Cafe24 webhook mall id", () => {
  it("accepts a mall id and refuses anything that would not name a Cafe24 host", () => {
    expect(verify("dangolmall")?.shopDomain).toBe("dangolmall");
    for (const bad of ["evil.example#", "a.myshopify.com", "mall/../x", "Mall", "-mall", "x".repeat(51)])
      expect(verify(bad)).toBeNull();
  });
});
