// Deliveries verified in the same turn are checked and stored together (webhook-group-commit.ts): a burst costs a
// few statements per batch instead of three per delivery, and each delivery still gets its own outcome: the first
// of a repeated id is accepted and the others are duplicates, and one naming another shop's order is refused
// without holding back the rest.
import { randomUUID } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import { UnauthorizedError, UnavailableError } from "../../server/src/domain/shared/errors.js";
import { errorAnswer } from "../../server/src/http/error-handler.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { createWebhookSeenTimes } from "../../server/src/services/webhook-seen-times.js";
import { webhookEvent } from "../../server/src/platforms/shopify/webhook-events.js";
import { orderPayload } from "../../server/src/simulator/webhook-payloads.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { type Harness, signedWebhookHeaders, startHarness } from "./harness.js";

const SHOP = "group.myshopify.com";
const OTHER = "other-group.myshopify.com";
const SEED = { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 8, includeGuests: false };

type Node = { kind: string; into?: { table?: { identifier?: { name?: string } } } };
const writesSyncState = (node: unknown) =>
  (node as Node).kind === "InsertQueryNode" && (node as Node).into?.table?.identifier?.name === "sync_state";

/**
 * Counts the statements executed (once each: a union's parts are transformed too, but only the statement gets a
 * result), apart from the last_webhook_at writes; `seenGate`, when set, holds each of those writes' results.
 */
function countStatements() {
  const seenIds = new Set<unknown>();
  const counted = {
    statements: 0,
    seenWrites: 0,
    seenGate: undefined as Promise<void> | undefined,
    plugin: {} as KyselyPlugin,
  };
  counted.plugin = {
    transformQuery: (args) => {
      if (writesSyncState(args.node)) seenIds.add(args.queryId);
      return args.node;
    },
    transformResult: async (args) => {
      if (!seenIds.has(args.queryId)) counted.statements++;
      else {
        counted.seenWrites++;
        await counted.seenGate;
      }
      return args.result;
    },
  };
  return counted;
}

/**
 * Holds the answer of the first acknowledgement statement until `release()`; `firstRan` settles once it executed.
 * The last webhook time writes (after the answers) pass and are not counted in `statements`.
 */
function holdFirstStatement() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let firstDone!: () => void;
  const firstRan = new Promise<void>((resolve) => {
    firstDone = resolve;
  });
  const seenWrites = new Set<unknown>();
  const hold = { statements: 0, release, firstRan, plugin: {} as KyselyPlugin };
  hold.plugin = {
    transformQuery: (args) => {
      if (writesSyncState(args.node)) seenWrites.add(args.queryId);
      return args.node;
    },
    transformResult: async (args) => {
      if (seenWrites.has(args.queryId)) return args.result;
      if (++hold.statements === 1) {
        firstDone();
        await held;
      }
      return args.result;
    },
  };
  return hold;
}

describe.each(DB_KINDS)("webhook deliveries stored together (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
  }, 60_000);
  afterAll(async () => h?.close());

  /** The ingest on a database seen through `plugin`, applying nothing: only the acknowledgement's statements run. */
  const ackOnly = (
    plugin: KyselyPlugin,
    log: (message: string) => void = () => undefined,
    intakeStoreTimeoutMs?: number,
  ) =>
    createWebhookIngestService({
      intakeStoreTimeoutMs,
      db: h.t.db.withPlugin(plugin),
      platforms: registryOf(h.t.db, h.stack.platform),
      privacy: createPrivacyService({ db: h.t.db }),
      applyQueue: () => ({ enqueue: () => undefined, idle: async () => undefined, stop: async () => undefined }),
      log,
    });

  it("stores 20 deliveries of one turn in a few statements, each with its own outcome", async () => {
    const counted = countStatements();
    const ingest = ackOnly(counted.plugin);
    const created = h.sim.playOrders(SHOP, 21, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const bodies = created.map((o) =>
      JSON.stringify(orderPayload(h.sim.store(SHOP), h.sim.store(SHOP).orders.get(o.id)!)),
    );
    // The last order id is already another shop's.
    const event = webhookEvent({
      topic: "orders/create",
      shopDomain: OTHER,
      webhookId: "seed",
      eventId: null,
      triggeredAt: null,
      apiVersion: null,
      payload: JSON.parse(bodies[20]),
    });
    if (event.kind !== "order") throw new Error("expected an order");
    await orders.upsertOrders(h.t.db, OTHER, [event.order]);
    const ids = bodies.map(() => randomUUID());
    const post = (i: number) =>
      ingest.ingest("shopify", Buffer.from(bodies[i]), signedWebhookHeaders(bodies[i], "orders/create", SHOP, ids[i]));

    const outcomes = await Promise.allSettled([
      post(0),
      post(0),
      post(0),
      ...bodies.slice(1).map((_, i) => post(i + 1)),
    ]);
    const values = outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason));
    expect(values.slice(0, 3).sort()).toEqual(["accepted", "duplicate", "duplicate"]);
    expect(values.slice(3, 22)).toEqual(Array(19).fill("accepted"));
    expect(values[22]).toBeInstanceOf(UnauthorizedError);
    expect(await webhookEvents.findWebhookEvent(h.t.db, SHOP, ids[20])).toBeUndefined();
    expect(await webhookEvents.findWebhookEvent(h.t.db, SHOP, ids[19])).toBeDefined();
    await ingest.idle();
    // One checked insert, one read for those it skipped (the duplicates, the refused), one last_webhook_at write
    // (3 per delivery before the group commit: 66).
    expect(counted.statements).toBeLessThanOrEqual(3);
    await ingest.stop();
  });

  /** Signed deliveries of new orders of SHOP, each sent as from shops[i % shops.length]. */
  const newOrderDeliveries = (n: number, shops: string[]) =>
    h.sim.playOrders(SHOP, n, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created.map((o, i) => {
      const body = JSON.stringify(orderPayload(h.sim.store(SHOP), h.sim.store(SHOP).orders.get(o.id)!));
      return { body, headers: signedWebhookHeaders(body, "orders/create", shops[i % shops.length]) };
    });

  it("answers a batch of new deliveries after one statement", async () => {
    const counted = countStatements();
    const ingest = ackOnly(counted.plugin);
    const deliveries = newOrderDeliveries(12, [SHOP]);
    const outcomes = await Promise.all(deliveries.map((d) => ingest.ingest("shopify", Buffer.from(d.body), d.headers)));
    expect(outcomes).toEqual(Array(12).fill("accepted"));
    // The check is inside the insert (before: an owner read, then the insert).
    expect(counted.statements).toBe(1);
    await ingest.stop();
  });

  it("deliveries verified while a batch is being stored wait and go together in the next statement", async () => {
    const hold = holdFirstStatement(); // the first batch's store is slow
    const ingest = ackOnly(hold.plugin);
    const deliveries = newOrderDeliveries(11, [SHOP]);
    const post = (d: (typeof deliveries)[number]) => ingest.ingest("shopify", Buffer.from(d.body), d.headers);
    const answers = [post(deliveries[0])];
    await hold.firstRan;
    // Ten more, each verified in a turn of its own while the first is stored.
    for (const d of deliveries.slice(1)) {
      answers.push(post(d));
      await new Promise((r) => setImmediate(r));
    }
    hold.release();
    expect(await Promise.all(answers)).toEqual(Array(11).fill("accepted"));
    expect(hold.statements).toBe(2);
    await ingest.stop();
  });

  it("a batch whose store does not finish in time is answered 503, and later ones at once until it settles", async () => {
    const hold = holdFirstStatement(); // the first batch's statement is stuck (executed, its answer never comes)
    const logged: string[] = [];
    const ingest = ackOnly(
      hold.plugin,
      (m) => logged.push(m),
      2_000, // a normal batch takes far less, even on a loaded box
    );
    const [first, second] = newOrderDeliveries(2, [SHOP]);
    const post = (d: typeof first) => ingest.ingest("shopify", Buffer.from(d.body), d.headers);
    const stuck = post(first).catch((err: unknown) => err);
    await hold.firstRan;
    const next = post(second); // waits for the stuck batch: before, for ever
    const err = await stuck;
    expect(err).toBeInstanceOf(UnavailableError);
    expect(errorAnswer(err, "test", () => undefined).status).toBe(503); // Shopify retries a non-2xx answer
    expect(logged.some((m) => m.includes("not stored within 2000 ms"))).toBe(true);
    // Answered, not held, and without a statement of its own: on PostgreSQL each would take another pooled
    // connection behind the same stuck lock until the pool, and every other query of the app, waits (before: the
    // next batch was stored on another connection, a new one every deadline).
    expect(await next.catch((e: unknown) => e)).toBeInstanceOf(UnavailableError);
    const more = await Promise.all(newOrderDeliveries(3, [SHOP]).map((d) => post(d).catch((e: unknown) => e)));
    for (const answer of more) expect(answer).toBeInstanceOf(UnavailableError);
    expect(hold.statements).toBe(1);
    hold.release();
    // The stuck statement did commit in the end: the retry is a duplicate (200), stored once.
    await vi.waitFor(async () =>
      expect(await webhookEvents.findWebhookEvent(h.t.db, SHOP, first.headers["x-shopify-webhook-id"])).toBeDefined(),
    );
    expect(await post(first)).toBe("duplicate");
    expect(await post(second)).toBe("accepted"); // settled: batches are stored again
    await ingest.stop();
  });

  it("answers before the last webhook time is written", async () => {
    const events: string[] = [];
    const counted = countStatements();
    const ingest = ackOnly({
      transformQuery: (args) => counted.plugin.transformQuery(args),
      transformResult: async (args) => {
        const before = counted.seenWrites;
        const result = await counted.plugin.transformResult(args);
        if (counted.seenWrites > before) events.push("last webhook time written");
        return result;
      },
    });
    const deliveries = newOrderDeliveries(2, ["answer-first.myshopify.com"]);
    await Promise.all(
      deliveries.map((d) => ingest.ingest("shopify", Buffer.from(d.body), d.headers).then((o) => events.push(o))),
    );
    await ingest.idle();
    expect(events).toEqual(["accepted", "accepted", "last webhook time written"]); // before: the write first
    await ingest.stop();
  });

  it("writes the last webhook times one statement at a time; shops due meanwhile share the next", async () => {
    const counted = countStatements();
    let release: () => void = () => undefined;
    counted.seenGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seenTimes = createWebhookSeenTimes(h.t.db.withPlugin(counted.plugin), () => undefined);
    const at = new Date().toISOString();
    const shops = ["held-a", "held-b", "held-c", "held-d"].map((s) => `${s}.myshopify.com`);
    seenTimes.note([{ shop_domain: shops[0], received_at: at }]);
    await vi.waitFor(() => expect(counted.seenWrites).toBe(1)); // executed, its result held
    seenTimes.note(shops.slice(1, 3).map((shop_domain) => ({ shop_domain, received_at: at })));
    seenTimes.note([{ shop_domain: shops[3], received_at: at }]);
    release();
    await seenTimes.drain();
    expect(counted.seenWrites).toBe(2); // the first, then b, c and d together
    for (const shop of shops) expect((await syncState.findSyncState(h.t.db, shop))?.last_webhook_at).toBe(at);
  });

  it("writes the last webhook time of every shop of a batch in one statement", async () => {
    const shops = [SHOP, "seen-a.myshopify.com", "seen-b.myshopify.com"];
    const counted = countStatements();
    const ingest = ackOnly(counted.plugin);
    const created = h.sim.playOrders(SHOP, 6, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const outcomes = await Promise.all(
      created.map((o, i) => {
        const body = JSON.stringify(orderPayload(h.sim.store(SHOP), h.sim.store(SHOP).orders.get(o.id)!));
        return ingest.ingest("shopify", Buffer.from(body), signedWebhookHeaders(body, "orders/create", shops[i % 3]));
      }),
    );
    expect(outcomes).toEqual(Array(6).fill("accepted"));
    await ingest.idle();
    expect(counted.seenWrites).toBe(1); // one per shop before: 3
    for (const shop of shops) expect((await syncState.findSyncState(h.t.db, shop))?.last_webhook_at).not.toBeNull();
    await ingest.stop();
  });

  it("answers the stored deliveries accepted when the last webhook time cannot be written", async () => {
    const logged: string[] = [];
    const failingSeen: KyselyPlugin = {
      transformQuery: (args) => {
        if (writesSyncState(args.node)) throw new Error("sync_state is locked");
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const ingest = ackOnly(failingSeen, (m) => logged.push(m));
    const shops = ["unseen-a.myshopify.com", "unseen-b.myshopify.com"];
    const created = h.sim.playOrders(SHOP, 2, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const deliveries = created.map((o, i) => {
      const body = JSON.stringify(orderPayload(h.sim.store(SHOP), h.sim.store(SHOP).orders.get(o.id)!));
      return { body, headers: signedWebhookHeaders(body, "orders/create", shops[i]) };
    });
    const outcomes = await Promise.all(deliveries.map((d) => ingest.ingest("shopify", Buffer.from(d.body), d.headers)));
    expect(outcomes).toEqual(["accepted", "accepted"]); // before: both rejected with the sync_state error (500)
    await ingest.idle();
    expect(logged.some((m) => m.includes("sync_state is locked"))).toBe(true);
    for (const [i, shop] of shops.entries()) {
      const webhookId = deliveries[i].headers["x-shopify-webhook-id"];
      expect(await webhookEvents.findWebhookEvent(h.t.db, shop, webhookId)).toBeDefined();
    }
    await ingest.stop();
  });
});
