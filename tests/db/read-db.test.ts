// Admin reads on their own SQLite connection (issue 11): while a recompute holds the writer's one connection in a
// transaction, the dashboard and sync status must still answer, from the last committed state, and never write.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/src/db/create-db.js";
import { createReadDb } from "../../server/src/db/create-read-db.js";
import type { Db } from "../../server/src/db/database.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createApp } from "../../server/src/http/app.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { listen } from "../http/admin/fixtures.js";

const SHOP = "reads.myshopify.com";
const NOW = new Date("2026-11-22T12:00:00Z");

const order = (id: string, customerId: string) => ({
  id,
  customerId,
  processedAt: NOW,
  updatedAt: NOW,
  cancelledAt: null,
  test: false,
  totalPrice: 30,
  refundedTotal: 0,
  currency: "EUR",
  discountCodes: [],
  lines: [{ productId: "p1", variantId: null, title: "Tea", quantity: 1, price: 30 }],
});

/**
 * Runs `body` with the writer's connection held in an open transaction, as a recompute's page write holds it. The
 * transaction has moved customer c2's orders to c1 (one customer fewer) and is rolled back at the end.
 */
async function whileWriterHeld<T>(db: Db, body: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const inside = new Promise<void>((r) => (started = r));
  const tx = db
    .transaction()
    .execute(async (trx) => {
      await sql`update orders set customer_id = 'c1' where customer_id = 'c2'`.execute(trx);
      started();
      await held;
      throw new Error("rolled back");
    })
    .catch(() => undefined);
  await inside;
  try {
    return await body();
  } finally {
    release();
    await tx;
  }
}

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe("admin reads on their own SQLite connection", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "read-db-"));
  const config = { kind: "sqlite" as const, filename: path.join(dir, "dangol.sqlite") };
  const { db } = createDb(config);
  const { readDb, close } = createReadDb(config, db);
  beforeAll(async () => {
    await migrateToLatest(db);
    await upsertOrders(db, SHOP, [order("o1", "c1"), order("o2", "c2"), order("o3", "c1")]);
  });
  afterAll(async () => {
    await close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the dashboard and sync status while the writer is held, from committed rows only", async () => {
    const dashboard = createDashboardService({ db, readDb, now: () => NOW });
    const status = createSyncStatusService({ db: readDb });
    await dashboard.get(SHOP); // builds the stored figures once, through the writer
    const [view, sync] = await whileWriterHeld(db, () =>
      within(2_000, Promise.all([dashboard.get(SHOP), status.status(SHOP)])),
    );
    expect(view.kpis.customers).toBe(2); // the move to c1 is not committed
    expect(sync).toBeTruthy();
  });

  it("the admin routes read there: GET /api/dashboard and /api/customers answer while the writer is held", async () => {
    const server = await listen(
      createApp({
        db,
        dbKind: "sqlite",
        mounts: [{ path: "/api", handler: adminRoutes({ db, readDb, auth: demoShopAuth(SHOP), now: () => NOW }) }],
      }),
    );
    try {
      const get = async (route: string) => (await fetch(`${server.url}${route}`)).json();
      await get("/api/dashboard"); // stores the figures through the writer
      const listBefore = await get("/api/customers");
      const [view, list] = await whileWriterHeld(db, () =>
        within(2_000, Promise.all([get("/api/dashboard"), get("/api/customers")])),
      );
      expect(view.kpis.customers).toBe(2);
      expect(list).toEqual(listBefore);
    } finally {
      await server.close();
    }
  });

  it("answers the dashboard and sync status while another reader holds a read connection", async () => {
    const dashboard = createDashboardService({ db, readDb, now: () => NOW });
    const status = createSyncStatusService({ db: readDb });
    await dashboard.get(SHOP);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    // A read that keeps its connection (as a long query in the driver's thread does) until the admin has answered.
    const slowRead = readDb.transaction().execute(async (trx) => {
      await sql`select count(*) from orders`.execute(trx);
      started();
      await held;
    });
    await inside;
    try {
      const [view, sync] = await within(2_000, Promise.all([dashboard.get(SHOP), status.status(SHOP)]));
      expect(view.kpis.customers).toBe(2);
      expect(sync).toBeTruthy();
    } finally {
      release();
      await slowRead;
    }
  });

  it("the writer's own connection waits meanwhile (what the admin did before)", async () => {
    await expect(
      whileWriterHeld(db, () => within(500, sql`select count(*) as n from orders`.execute(db))),
    ).rejects.toThrow("not within 500 ms");
  });

  it("never writes", async () => {
    await expect(sql`delete from orders`.execute(readDb)).rejects.toThrow(/readonly|read-only|query_only/i);
    const { rows } = await sql<{ n: number }>`select count(*) as n from orders`.execute(readDb);
    expect(Number(rows[0].n)).toBe(3);
  });

  it("reads through the writer where a second connection would see another database", () => {
    expect(createReadDb({ kind: "sqlite", filename: ":memory:" }, db).readDb).toBe(db);
    expect(createReadDb({ kind: "postgres", url: "postgres://x@h/db" }, db).readDb).toBe(db);
  });
});
