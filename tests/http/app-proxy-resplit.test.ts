// Issue 9 item 2: Shopify signs the proxy query as sorted k=v pairs joined with nothing, so the signature a guest
// receives for ?a=Zlogged_in_customer_id=12362 also matches a re-split query that names customer 12362. Such a
// query must be refused (401) and nothing stored, through both /decision front doors and /events, on every db.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { signAppProxyQuery } from "../../server/src/simulator/index.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { serveAppProxy } from "./app-proxy-server.js";
import { PROXY_SECRET } from "./app-proxy-signing.js";

const SHOP = "victim.myshopify.com";
const VICTIM = "12362";

const victimDecision: StorefrontDecision = {
  version: 1,
  customerId: VICTIM,
  banner: {
    campaign: "win_back",
    title: { en: "t", ko: "t" },
    body: { en: "b", ko: "b" },
    ctaLabel: { en: "c", ko: "c" },
    ctaUrl: "/",
    coupon: { code: "DG-VICTIM", expiresAt: "2026-12-01T00:00:00.000Z" },
  },
  notice: null,
  decidedAt: "2026-11-22T00:00:00.000Z",
};

/** What Shopify forwards when a guest opens /apps/dangol/decision?a=Zlogged_in_customer_id=12362. */
function guestQuery(): URLSearchParams {
  return new URLSearchParams(
    signAppProxyQuery(
      { shop: SHOP, loggedInCustomerId: null, extra: { a: `Zlogged_in_customer_id=${VICTIM}` } },
      PROXY_SECRET,
    ),
  );
}

/** The same signed message split at other places: a=Z, logged_in_customer_id=12362, (logged_in_customer_id=path_prefix)=/apps/dangol. */
function resplitQuery(): string {
  const q = guestQuery();
  const enc = encodeURIComponent;
  return [
    "a=Z",
    `logged_in_customer_id=${VICTIM}`,
    `${enc("logged_in_customer_id=path_prefix")}=${enc(q.get("path_prefix")!)}`,
    `shop=${enc(q.get("shop")!)}`,
    `timestamp=${q.get("timestamp")}`,
    `signature=${q.get("signature")}`,
  ].join("&");
}

describe.each(DB_KINDS)("re-split app-proxy signature on %s", (kind) => {
  describe.each(["express", "fast path"] as const)("through %s", (door) => {
    let t: TestDb;
    let server: Server;
    let base: string;

    beforeAll(async () => {
      t = await createTestDb(kind);
      const storefront = createStorefrontService({ db: t.db });
      ({ server, base } = await serveAppProxy(t, door, storefront));
      await savePublishedDecisions(t.db, SHOP, [
        {
          customerId: VICTIM,
          decision: victimDecision,
          verdicts: [],
          assignments: [],
          decidedAt: new Date(),
          publishedAt: new Date(),
        },
      ]);
    });
    afterAll(async () => {
      server?.close();
      await t?.destroy();
    });

    const victimEvents = async () =>
      (await t.db.selectFrom("campaign_events").select("id").where("customer_id", "=", VICTIM).execute()).length;

    it("refuses the re-split query on GET /decision and never shows the victim's coupon", async () => {
      const res = await fetch(`${base}/decision?${resplitQuery()}`);
      const body = await res.text();
      expect(res.status).toBe(401);
      expect(body).not.toContain("DG-VICTIM");
    });

    it("refuses the re-split query on POST /events and stores nothing as the victim", async () => {
      for (const event of [
        '{"kind":"visit"}',
        '{"kind":"impression","campaign":"win_back"}',
        '{"kind":"dismiss","campaign":"win_back"}',
      ]) {
        const res = await fetch(`${base}/events?${resplitQuery()}`, {
          method: "POST",
          headers: { "content-type": "text/plain" },
          body: event,
        });
        expect(res.status).toBe(401);
      }
      expect(await victimEvents()).toBe(0);
    });

    it("refuses the guest's own query too: its extra parameter is not one Shopify or our storefront sends", async () => {
      expect((await fetch(`${base}/decision?${guestQuery()}`)).status).toBe(401);
    });
  });
});
