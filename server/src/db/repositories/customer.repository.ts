import type { PlatformCustomer } from "../../platforms/commerce-platform.js";
import type { Db } from "../database.js";
import type { CustomersTable } from "../tables/core.tables.js";
import { chunks } from "./order.repository.js";

/** Idempotent upsert keyed by (shop_domain, customer_id); an older updated_at never overwrites a newer one. */
export async function upsertCustomers(db: Db, shop: string, customers: PlatformCustomer[]): Promise<void> {
  const byId = new Map<string, PlatformCustomer>();
  for (const c of customers) {
    const prev = byId.get(c.id);
    if (!prev || prev.updatedAt <= c.updatedAt) byId.set(c.id, c);
  }
  const rows = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => toRow(shop, c));
  for (const chunk of chunks(rows, 500)) {
    await db
      .insertInto("customers")
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(["shop_domain", "customer_id"])
          .doUpdateSet((eb) => ({
            email: eb.ref("excluded.email"),
            first_name: eb.ref("excluded.first_name"),
            last_name: eb.ref("excluded.last_name"),
            locale: eb.ref("excluded.locale"),
            updated_at: eb.ref("excluded.updated_at"),
          }))
          .where((eb) => eb("customers.updated_at", "<=", eb.ref("excluded.updated_at"))),
      )
      .execute();
  }
}

export async function findCustomer(db: Db, shop: string, customerId: string): Promise<PlatformCustomer | undefined> {
  const row = await db
    .selectFrom("customers")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function countCustomers(db: Db, shop: string): Promise<number> {
  const row = await db
    .selectFrom("customers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteCustomer(db: Db, shop: string, customerId: string): Promise<number> {
  const r = await db
    .deleteFrom("customers")
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteShopCustomers(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("customers").where("shop_domain", "=", shop).execute();
}

function toRow(shop: string, c: PlatformCustomer): CustomersTable {
  return {
    shop_domain: shop,
    customer_id: c.id,
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    locale: c.locale,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

function fromRow(r: CustomersTable): PlatformCustomer {
  return {
    id: r.customer_id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    locale: r.locale,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}
