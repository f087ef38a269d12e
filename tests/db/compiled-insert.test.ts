// executeInsert reuses a compiled multi-row INSERT for later chunks of the same shape: each chunk must still be
// stored with its own values, and a shape whose values Kysely rewrites must never be answered from the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeInsert } from "../../server/src/db/repositories/compiled-insert.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "compiled-insert.myshopify.com";

const line = (orderId: string, lineNo: number, title: string) => ({
  shop_domain: SHOP,
  order_id: orderId,
  line_no: lineNo,
  product_id: `${orderId}-p${lineNo}`,
  variant_id: null as string | null,
  title,
  quantity: lineNo + 1,
  price: 2.5,
});

describe.each(DB_KINDS)("compiled inserts on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t.destroy());

  const stored = (orderId: string) =>
    t.db
      .selectFrom("order_lines")
      .select(["line_no", "title", "quantity"])
      .where("shop_domain", "=", SHOP)
      .where("order_id", "=", orderId)
      .orderBy("line_no")
      .execute();

  it("stores every chunk of one shape with its own values", async () => {
    for (const orderId of ["o1", "o2", "o3"]) {
      const rows = [line(orderId, 0, `${orderId} first`), line(orderId, 1, `${orderId} second`)];
      await executeInsert(t.db, "test lines", rows, (values) => t.db.insertInto("order_lines").values(values));
    }
    for (const orderId of ["o1", "o2", "o3"])
      expect((await stored(orderId)).map((r) => [r.line_no, r.title, Number(r.quantity)])).toEqual([
        [0, `${orderId} first`, 1],
        [1, `${orderId} second`, 2],
      ]);
  });

  it("returns each chunk's own RETURNING rows", async () => {
    for (const orderId of ["r1", "r2"]) {
      const returned = await executeInsert(t.db, "test lines returning", [line(orderId, 0, "x")], (values) =>
        t.db.insertInto("order_lines").values(values).returning("order_id"),
      );
      expect(returned).toEqual([{ order_id: orderId }]);
    }
  });

  it("does not cache a shape whose parameters Kysely rewrites (an undefined value is left out)", async () => {
    for (const orderId of ["u1", "u2"]) {
      const rows = [{ ...line(orderId, 0, `${orderId} title`), variant_id: undefined }];
      await executeInsert(t.db, "test lines undefined", rows, (values) =>
        t.db.insertInto("order_lines").values(values as never),
      );
    }
    expect((await stored("u1"))[0].title).toBe("u1 title");
    expect((await stored("u2"))[0].title).toBe("u2 title");
  });
});
