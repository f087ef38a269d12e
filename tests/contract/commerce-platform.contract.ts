// One contract every CommercePlatform must pass, on its own simulator. `make` gives a platform with an installed
// shop; the cases for capabilities a platform lacks (bulk export, metafields, signed webhooks and app proxy) run only
// where it has them: the platform's own test checks that it refuses them outright instead.
import { describe, expect, it } from "vitest";
import type { CommercePlatform, PlatformCapabilities } from "../../server/src/platforms/commerce-platform.js";

export interface PlatformUnderTest {
  platform: CommercePlatform;
  shop: string;
  /** Orders and customers the shop holds right now. */
  expected(): { orders: number; customers: number; someCustomerId: string };
  /** A shop the app was never installed on, and an order id no shop holds, in the platform's own forms. */
  unknownShop: string;
  unknownOrderId: string;
  /** With `hmacSigned`: signs a webhook body the way the platform does; forged = signed with another secret. */
  signWebhook?(body: string, topic: string, options?: { forged?: boolean }): Record<string, string>;
  /** With `hmacSigned`: a signed app-proxy raw query for customer 42 of `shop` (the offset shifts its time). */
  signedProxyQuery?(timestampOffsetSeconds?: number): string;
}

/** What the platform can do, known before its simulator starts: it decides which cases are registered. */
export interface ContractScope {
  capabilities: PlatformCapabilities;
  /** Webhooks signed over the body with the app secret, and a signed storefront (app proxy) query. */
  hmacSigned: boolean;
}

export function runPlatformContract(name: string, scope: ContractScope, make: () => PlatformUnderTest) {
  const metafields = scope.capabilities.storefrontDelivery === "metafields";
  describe(`CommercePlatform contract: ${name}`, () => {
    it("lists every order exactly once through cursor pages", async () => {
      const { platform, shop, expected } = make();
      const ids = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await platform.listOrders(shop, { cursor, pageSize: 5 });
        for (const o of page.items) {
          expect(ids.has(o.id), `order ${o.id} listed twice`).toBe(false);
          ids.add(o.id);
          expect(o.updatedAt).toBeInstanceOf(Date);
          expect(Number.isFinite(o.totalPrice)).toBe(true);
        }
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(ids.size).toBe(expected().orders);
      expect(pages).toBeGreaterThan(1);
    });

    it("filters orders by updatedSince", async () => {
      const { platform, shop } = make();
      const future = await platform.listOrders(shop, { updatedSince: new Date(Date.now() + 86_400_000) });
      expect(future.items).toEqual([]);
      expect(future.nextCursor).toBeNull();
    });

    it("lists customers", async () => {
      const { platform, shop, expected } = make();
      const page = await platform.listCustomers(shop, { pageSize: 250 });
      expect(page.items.length).toBe(expected().customers);
      expect(page.items.map((c) => c.id)).toContain(expected().someCustomerId);
    });

    it.runIf(scope.capabilities.bulkExport)(
      "exports the same orders in bulk, lines attached by parent id",
      async () => {
        const { platform, shop, expected } = make();
        const { id } = await platform.startBulkExport(shop, {});
        let status = await platform.getBulkExport(shop, id);
        for (let i = 0; status.state === "running" && i < 200; i++) {
          await new Promise((r) => setTimeout(r, 20));
          status = await platform.getBulkExport(shop, id);
        }
        expect(status.state).toBe("completed");
        const orders = [];
        for await (const o of platform.readBulkExport(shop, id)) orders.push(o);
        expect(new Set(orders.map((o) => o.id)).size).toBe(expected().orders);
        expect(orders.some((o) => o.lines.length > 1)).toBe(true);
        const paged = await platform.listOrders(shop, { pageSize: 1 });
        const same = orders.find((o) => o.id === paged.items[0].id);
        expect(same?.lines).toEqual(paged.items[0].lines);
      },
    );

    it("reports access for the installed shop and none for a shop it was never installed on", async () => {
      const { platform, shop, unknownShop } = make();
      expect(await platform.hasAccess(shop)).toBe(true);
      expect(await platform.hasAccess(unknownShop)).toBe(false);
    });

    it("never adopts a code that belongs to another customer", async () => {
      const { platform, shop, expected } = make();
      const first = expected().someCustomerId;
      const page = await platform.listCustomers(shop, { pageSize: 250 });
      const other = page.items.find((c) => c.id !== first)!.id;
      const code = `DANGOL-X-${Date.now()}`;
      const request = {
        code,
        title: "Back soon",
        percentOff: 0.1,
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
      };
      await platform.createCustomerCoupon(shop, { ...request, customerId: first });
      await expect(platform.createCustomerCoupon(shop, { ...request, customerId: other })).rejects.toMatchObject({
        code: "PlatformUnavailable",
        retriable: false,
      });
    });

    it.runIf(metafields)("creates a per-customer coupon and writes metafields in batches", async () => {
      const { platform, shop, expected } = make();
      const customerId = expected().someCustomerId;
      const endsAt = new Date(Date.now() + 7 * 86_400_000);
      const coupon = await platform.createCustomerCoupon(shop, {
        customerId,
        code: `DANGOL-${Date.now()}`,
        title: "Back soon",
        percentOff: 0.1,
        startsAt: new Date(),
        endsAt,
      });
      expect(coupon).toMatchObject({ customerId, endsAt });
      expect(coupon.discountId).toBeTruthy();
      // The same request again (a retry after a lost answer) yields the same discount, not a second one.
      const again = await platform.createCustomerCoupon(shop, {
        customerId,
        code: coupon.code,
        title: "Back soon",
        percentOff: 0.1,
        startsAt: new Date(),
        endsAt,
      });
      expect(again.discountId).toBe(coupon.discountId);
      const fields = Array.from({ length: 30 }, (_, i) => ({
        customerId,
        namespace: "$app:dangol",
        key: `k${i}`,
        type: "single_line_text_field" as const,
        value: `v${i}`,
      }));
      await expect(platform.setCustomerMetafields(shop, fields)).resolves.toEqual({ rejected: [] });
    });

    it("says outright whether the platform's own segment editor gets the segment fields", () => {
      // Left out, a platform would silently get none: each adapter states true or false.
      expect(typeof make().platform.capabilities.customerSegmentMetafields).toBe("boolean");
    });

    it.runIf(scope.capabilities.customerSegmentMetafields === true)(
      "clears segment fields beside a write; clearing one that is absent is no error",
      async () => {
        const { platform, shop, expected } = make();
        const customerId = expected().someCustomerId;
        const field = { customerId, namespace: "$app:dangol", key: "segment", type: "single_line_text_field" as const };
        await expect(platform.setCustomerMetafields(shop, [{ ...field, value: "repeat:lapsed" }])).resolves.toEqual({
          rejected: [],
        });
        const clear = [field, { ...field, key: "coupon_expiry" }].map(({ type: _, ...ref }) => ref);
        await expect(platform.setCustomerMetafields(shop, [], clear)).resolves.toEqual({ rejected: [] });
      },
    );

    it.runIf(metafields)(
      "reports the metafields of a customer the platform no longer knows, without failing the call",
      async () => {
        const { platform, shop, expected } = make();
        const known = expected().someCustomerId;
        const gone = "999999999999";
        // Interleaved across two platform-sized batches: the unknown customer shares each batch with a known one.
        const fields = Array.from({ length: 40 }, (_, i) => ({
          customerId: i % 4 === 1 ? gone : known,
          namespace: "$app:dangol",
          key: `g${i}`,
          type: "single_line_text_field" as const,
          value: `v${i}`,
        }));
        const { rejected } = await platform.setCustomerMetafields(shop, fields);
        expect(rejected).toHaveLength(10);
        for (const r of rejected) expect(r).toMatchObject({ customerId: gone, reason: "unknown_customer" });
      },
    );

    it.runIf(scope.hmacSigned)("verifies webhooks: accepts signed, rejects forged and tampered", async () => {
      const { platform } = make();
      const signWebhook = make().signWebhook!;
      const body = JSON.stringify({ id: 1 });
      const ok = await platform.verifyWebhook(Buffer.from(body), signWebhook(body, "customers/update"));
      expect(ok).toMatchObject({ topic: "customers/update", payload: { id: 1 } });
      expect(
        await platform.verifyWebhook(Buffer.from(body), signWebhook(body, "customers/update", { forged: true })),
      ).toBeNull();
      expect(await platform.verifyWebhook(Buffer.from(`${body} `), signWebhook(body, "customers/update"))).toBeNull();
    });

    it.runIf(scope.hmacSigned)("refuses a signed body that does not prove its (unsigned) topic", async () => {
      const { platform, shop } = make();
      const signWebhook = make().signWebhook!;
      const dataRequest = JSON.stringify({
        shop_id: 1,
        shop_domain: shop,
        orders_requested: [],
        customer: { id: 7, email: null, phone: null },
        data_request: { id: 9 },
      });
      expect(
        await platform.verifyWebhook(Buffer.from(dataRequest), signWebhook(dataRequest, "customers/data_request")),
      ).not.toBeNull();
      for (const topic of ["customers/redact", "shop/redact", "app/uninstalled", "orders/create"]) {
        expect(
          await platform.verifyWebhook(Buffer.from(dataRequest), signWebhook(dataRequest, topic)),
          topic,
        ).toBeNull();
      }
    });

    it("says whether an order is the shop's own", async () => {
      const { platform, shop, unknownOrderId } = make();
      const [order] = (await platform.listOrders(shop, { pageSize: 1 })).items;
      expect(await platform.orderBelongsTo(shop, order.id)).toBe(true);
      expect(await platform.orderBelongsTo(shop, unknownOrderId)).toBe(false);
    });

    it.runIf(scope.hmacSigned)(
      "verifies app-proxy queries within 90 seconds only, and says who is asking",
      async () => {
        const { platform, shop } = make();
        const signedProxyQuery = make().signedProxyQuery!;
        expect(platform.verifyAppProxy(signedProxyQuery())).toEqual({ shop, customerId: "42" });
        expect(platform.verifyAppProxy(signedProxyQuery(-120))).toBeNull();
        const other = new URLSearchParams(signedProxyQuery());
        other.set("logged_in_customer_id", "999");
        expect(platform.verifyAppProxy(other.toString())).toBeNull();
        const noTimestamp = new URLSearchParams(signedProxyQuery());
        noTimestamp.delete("timestamp");
        expect(platform.verifyAppProxy(noTimestamp.toString())).toBeNull();
      },
    );
  });
}
