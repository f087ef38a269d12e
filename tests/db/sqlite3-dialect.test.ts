import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kysely, sql } from "kysely";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Sqlite3Dialect } from "../../server/src/db/sqlite3-dialect.js";

interface T {
  items: { id: number | null; name: string; qty: number | null };
}

describe("Sqlite3Dialect (node-sqlite3 under Kysely)", () => {
  let db: Kysely<T>;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dialect-")), "d.sqlite");
    db = new Kysely<T>({ dialect: new Sqlite3Dialect({ filename: file }) });
    await sql`create table items (id integer primary key, name text not null, qty integer)`.execute(db);
  });
  afterAll(() => db.destroy());

  it("returns insertId and numAffectedRows from run()", async () => {
    const r = await db.insertInto("items").values({ id: null, name: "a", qty: 1 }).executeTakeFirst();
    expect(r.insertId).toBe(1n);
    await db.insertInto("items").values({ id: null, name: "b", qty: 2 }).execute();
    const u = await db.updateTable("items").set({ qty: 9 }).where("qty", ">", 0).executeTakeFirst();
    expect(u.numUpdatedRows).toBe(2n);
  });

  it("binds BigInt parameters as numbers instead of silently as NULL", async () => {
    await db
      .insertInto("items")
      .values({ id: null, name: "big", qty: 42n as unknown as number })
      .execute();
    const row = await db.selectFrom("items").select("qty").where("name", "=", "big").executeTakeFirstOrThrow();
    expect(row.qty).toBe(42);
  });

  it("refuses a BigInt that does not fit a JS number", async () => {
    const huge = (2n ** 60n) as unknown as number;
    await expect(db.insertInto("items").values({ id: null, name: "x", qty: huge }).execute()).rejects.toThrow(
      RangeError,
    );
  });

  it("returns rows for insert … returning", async () => {
    const row = await db
      .insertInto("items")
      .values({ id: null, name: "r", qty: 3 })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("r");
    expect(row.id).toBeGreaterThan(0);
  });

  it("rolls back a failed transaction completely", async () => {
    const before = await db.selectFrom("items").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("items").values({ id: null, name: "in-tx", qty: 1 }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const after = await db.selectFrom("items").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("serialises concurrent queries and transactions without losing writes", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? db.transaction().execute((trx) =>
              trx
                .insertInto("items")
                .values({ id: null, name: `c${i}`, qty: i })
                .execute(),
            )
          : db
              .insertInto("items")
              .values({ id: null, name: `c${i}`, qty: i })
              .execute(),
      ),
    );
    const rows = await db.selectFrom("items").select("name").where("name", "like", "c%").execute();
    expect(rows).toHaveLength(50);
  });
});
