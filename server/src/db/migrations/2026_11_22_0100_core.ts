import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("shops")
    .addColumn("shop_domain", "text", (c) => c.primaryKey())
    .addColumn("platform", "text", (c) => c.notNull().defaultTo("shopify"))
    .addColumn("installed_at", "text", (c) => c.notNull())
    .addColumn("uninstalled_at", "text")
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();

  await db.schema
    .createTable("shopify_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("shop", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("is_online", "integer", (c) => c.notNull())
    .addColumn("scope", "text")
    .addColumn("expires", "text")
    .addColumn("access_token", "text")
    .addColumn("refresh_token", "text")
    .addColumn("refresh_token_expires", "text")
    .addColumn("online_access_info", "text")
    .execute();
  await db.schema.createIndex("shopify_sessions_shop").on("shopify_sessions").column("shop").execute();

  await db.schema
    .createTable("customers")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("locale", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customers_pk", ["shop_domain", "customer_id"])
    .execute();

  await db.schema
    .createTable("products")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("handle", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("products_pk", ["shop_domain", "product_id"])
    .execute();

  await db.schema
    .createTable("orders")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("name", "text")
    .addColumn("processed_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("cancelled_at", "text")
    .addColumn("test", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("total_price", "double precision", (c) => c.notNull())
    .addColumn("refunded_total", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("discount_codes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("excluded_reason", "text")
    .addPrimaryKeyConstraint("orders_pk", ["shop_domain", "order_id"])
    .execute();
  await db.schema.createIndex("orders_customer").on("orders").columns(["shop_domain", "customer_id", "processed_at"]).execute();

  await db.schema
    .createTable("order_lines")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("variant_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("price", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("order_lines_pk", ["shop_domain", "order_id", "line_no"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["order_lines", "orders", "products", "customers", "shopify_sessions", "shops"]) {
    await db.schema.dropTable(table).execute();
  }
}
